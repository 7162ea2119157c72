import { type Kysely, sql } from "kysely";

// The outbox trigger's NOTIFY made PostgreSQL commit outbox writers one at a time (it holds a
// database-wide lock from the NOTIFY until the commit is flushed); commands now announce their
// rows after commit instead (src/db/outbox-signal.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger outbox_announce on outbox;
    drop function outbox_announce();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function outbox_announce() returns trigger language plpgsql as $$
    begin
      perform pg_notify('palier_outbox', '');
      return null;
    end $$;
    create trigger outbox_announce after insert on outbox
      for each statement execute function outbox_announce();
  `.execute(db);
}
