import type { Database } from "../db/database.ts";

export interface OutboxMessage {
  topic: string;
  recipientAccountId?: string | null;
  recipientStaffId?: string | null;
  payload: Record<string, unknown>;
}

/**
 * Queues a notification inside the caller's transaction, so it exists exactly when the change
 * commits. Delivery (mail, webhooks) reads this table after commit.
 */
export async function enqueue(trx: Database, message: OutboxMessage): Promise<void> {
  await enqueueAll(trx, [message]);
}

/** Queues several notifications in one statement (one per recipient of the same change). */
export async function enqueueAll(trx: Database, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await trx
    .insertInto("outbox")
    .values(
      messages.map((message) => ({
        topic: message.topic,
        recipient_account_id: message.recipientAccountId ?? null,
        recipient_staff_id: message.recipientStaffId ?? null,
        payload: JSON.stringify(message.payload),
      })),
    )
    .execute();
}
