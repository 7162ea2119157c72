import { type Kysely, sql } from "kysely";

// Every notice written by one command shares an event id, so a subscriber that sees all events
// (a staff webhook, a staff live stream) receives one event per change rather than one per
// recipient. `delivered_at` now means "dispatched": fanned out to mail, webhook and live jobs.
// The instance key signs reply addresses and encrypts webhook secrets; it lives in the database
// so every process on one PostgreSQL shares it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table outbox add column event_id uuid not null default gen_random_uuid();
    create index outbox_event_idx on outbox (event_id);

    create table instance_keys (
      name text primary key,
      key bytea not null,
      created_at timestamptz not null default now()
    );
    insert into instance_keys (name, key)
      values ('main', sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text
        || clock_timestamp()::text, 'UTF8')));

    create function outbox_announce() returns trigger language plpgsql as $$
    begin
      perform pg_notify('palier_outbox', '');
      return null;
    end $$;
    create trigger outbox_announce after insert on outbox
      for each statement execute function outbox_announce();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists outbox_announce on outbox;
    drop function if exists outbox_announce();
    drop table if exists instance_keys;
    drop index if exists outbox_event_idx;
    alter table outbox drop column if exists event_id;
  `.execute(db);
}
