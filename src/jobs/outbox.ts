import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { Database } from "../db/database.ts";
import type { OutboxTable } from "../db/schema.ts";
import { appendOutbox } from "../db/transaction.ts";

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

/**
 * Queues several notifications of the same change in one statement (one per recipient); they
 * share one event id, so subscribers that see everything receive the change once.
 */
export async function enqueueAll(trx: Database, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await appendOutbox(trx, outboxRows(messages));
}

/** The rows `enqueueAll` writes (one event), for statements that insert them themselves. */
export function outboxRows(messages: OutboxMessage[]): Insertable<OutboxTable>[] {
  const eventId = randomUUID();
  return messages.map((message) => ({
    event_id: eventId,
    topic: message.topic,
    recipient_account_id: message.recipientAccountId ?? null,
    recipient_staff_id: message.recipientStaffId ?? null,
    payload: JSON.stringify(message.payload),
  }));
}
