import { type Kysely, sql } from "kysely";

// The dispatcher stamps each batch of outbox rows it fans out with the next batch number. Batches
// are numbered under the dispatcher's advisory lock, so batch numbers commit in increasing order
// even though row ids do not (a command that started earlier may commit later): live streams
// follow the batch number and never skip a row that committed late.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create sequence outbox_dispatch_batch_seq;
    alter table outbox add column dispatch_batch bigint;
    create index outbox_dispatched_idx on outbox (dispatch_batch, id)
      where dispatch_batch is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists outbox_dispatched_idx;
    alter table outbox drop column if exists dispatch_batch;
    drop sequence if exists outbox_dispatch_batch_seq;
  `.execute(db);
}
