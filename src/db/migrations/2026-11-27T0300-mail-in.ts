import { type Kysely, sql } from "kysely";

// Every message the built-in SMTP server accepts is a row before it is anything else: the raw
// bytes are kept for audit and for reprocessing, and the `mail.inbound` job only carries the
// row id. `status` says where it stands (received, then processed, ignored or failed) and
// `outcome` what became of it; a failure keeps its error and is never deleted.
// `inbound_auto_answers` holds one row per address and UTC day an automatic answer went to, so
// a sender gets at most one a day whatever it writes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table inbound_messages (
      id uuid primary key default gen_random_uuid(),
      received_at timestamptz not null,
      remote_address text,
      envelope_from text,
      envelope_to text[] not null,
      raw bytea not null,
      size_bytes integer not null check (size_bytes >= 0),
      message_id text,
      from_address text,
      subject text,
      status text not null default 'received'
        check (status in ('received', 'processed', 'ignored', 'failed')),
      outcome text,
      outcome_details jsonb not null default '{}',
      ticket_id uuid references tickets (id) on delete set null,
      ticket_message_id uuid references ticket_messages (id) on delete set null,
      error text,
      attempts integer not null default 0,
      processed_at timestamptz
    );
    create index inbound_messages_received_idx on inbound_messages (received_at desc, id desc);
    create index inbound_messages_status_idx
      on inbound_messages (status, received_at desc, id desc);

    create table inbound_auto_answers (
      address text not null,
      day date not null,
      inbound_message_id uuid references inbound_messages (id) on delete set null,
      reason text not null,
      created_at timestamptz not null,
      primary key (address, day)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists inbound_auto_answers;
    drop table if exists inbound_messages;
  `.execute(db);
}
