import { type Kysely, sql } from "kysely";

// Every outgoing mail is a row before it is a job: the `mail.send` job only carries the row id,
// so a retried or replayed job reads what to send and whether it was already sent. Without an
// SMTP transport the rows are the developer mailbox staff admins read. `dedupe_key` makes
// enqueueing idempotent: a dispatcher that hands the same outbox row twice mails once.
// Tickets gain `waiting_since` (kept by a trigger from the app's own `updated_at`, so the test
// clock applies) and `reminded_at`, so the reminder sweep sends one reminder per waiting period.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mail_messages (
      id uuid primary key default gen_random_uuid(),
      dedupe_key text not null unique,
      to_address text not null,
      to_name text,
      language text not null check (language in ('en', 'fr', 'ru')),
      subject text not null,
      text_body text not null,
      html_body text not null,
      headers jsonb not null default '{}',
      reply_to text,
      ticket_id uuid references tickets (id) on delete set null,
      secret boolean not null default false,
      status text not null default 'queued' check (status in ('queued', 'sent', 'held', 'failed')),
      transport text check (transport in ('smtp', 'mailbox')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      redacted_at timestamptz
    );
    create index mail_messages_created_idx on mail_messages (created_at desc, id desc);
    create index mail_messages_to_idx on mail_messages (lower(to_address), created_at desc, id desc);
    create index mail_messages_ticket_idx on mail_messages (ticket_id, created_at desc, id desc)
      where ticket_id is not null;

    alter table tickets
      add column waiting_since timestamptz,
      add column reminded_at timestamptz;
    update tickets set waiting_since = updated_at where status = 'waiting-for-customer';

    create function tickets_track_waiting() returns trigger language plpgsql as $$
    begin
      if new.status = 'waiting-for-customer' then
        if tg_op = 'INSERT' or old.status is distinct from new.status then
          new.waiting_since := new.updated_at;
          new.reminded_at := null;
        end if;
      else
        new.waiting_since := null;
        new.reminded_at := null;
      end if;
      return new;
    end $$;
    create trigger tickets_track_waiting before insert or update of status on tickets
      for each row execute function tickets_track_waiting();
    create index tickets_waiting_idx on tickets (waiting_since)
      where status = 'waiting-for-customer' and reminded_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists tickets_waiting_idx;
    drop trigger if exists tickets_track_waiting on tickets;
    drop function if exists tickets_track_waiting();
    alter table tickets drop column if exists reminded_at, drop column if exists waiting_since;
    drop table if exists mail_messages;
  `.execute(db);
}
