import type { Insertable, Selectable } from "kysely";
import type { Database } from "../db/database.ts";
import type { MailMessagesTable } from "../db/schema.ts";

export type MailRow = Selectable<MailMessagesTable>;

/** Inserts a mail unless one with the same dedupe key exists; returns the new id, or null. */
export async function insertMail(
  trx: Database,
  values: Insertable<MailMessagesTable>,
): Promise<string | null> {
  const row = await trx
    .insertInto("mail_messages")
    .values(values)
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findMail(db: Database, id: string): Promise<MailRow | undefined> {
  return db.selectFrom("mail_messages").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records a delivery (or its keeping in the developer mailbox), with the bodies to keep. */
export async function markDelivered(
  db: Database,
  id: string,
  change: Pick<MailRow, "status" | "transport" | "sent_at" | "attempts"> &
    Partial<Pick<MailRow, "text_body" | "html_body" | "redacted_at">>,
): Promise<void> {
  await db
    .updateTable("mail_messages")
    .set({ ...change, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt; `failed` once the job has no retry left. */
export async function markAttemptFailed(
  db: Database,
  id: string,
  change: { attempts: number; error: string; failed: boolean },
): Promise<void> {
  await db
    .updateTable("mail_messages")
    .set({
      attempts: change.attempts,
      last_error: change.error,
      status: change.failed ? "failed" : "queued",
      transport: "smtp",
    })
    .where("id", "=", id)
    .execute();
}
