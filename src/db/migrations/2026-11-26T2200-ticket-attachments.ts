import { type Kysely, sql } from "kysely";

// Attachments uploaded before the message that carries them, the SLA warning instant, and the
// staff list order. Frozen once shipped: add a new migration instead of editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- An upload is held by its uploader (message_id null) until a ticket or reply references it.
    alter table ticket_attachments alter column message_id drop not null;
    alter table ticket_attachments
      add column uploaded_by_user_id uuid references users (id) on delete set null,
      add column uploaded_by_staff_id uuid references staff (id) on delete set null;
    create index ticket_attachments_pending_idx on ticket_attachments (created_at)
      where message_id is null;

    -- When the running SLA clock reaches 75 % of its target; null once warned or when no clock runs.
    alter table tickets add column sla_warn_at timestamptz;
    create index tickets_warn_idx on tickets (sla_warn_at) where sla_warn_at is not null;

    -- Staff read every ticket newest first; without this the list sorts the whole table.
    create index tickets_created_idx on tickets (created_at desc, id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists tickets_created_idx;
    drop index if exists tickets_warn_idx;
    alter table tickets drop column if exists sla_warn_at;
    drop index if exists ticket_attachments_pending_idx;
    delete from ticket_attachments where message_id is null;
    alter table ticket_attachments
      drop column if exists uploaded_by_staff_id,
      drop column if exists uploaded_by_user_id,
      alter column message_id set not null;
  `.execute(db);
}
