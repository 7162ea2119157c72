import type { Insertable, Selectable, Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { WebhookDeliveriesTable } from "../../db/schema.ts";

/** All SQL of the delivery log: one row per attempt of one event to one subscription. */

export type DeliveryRow = Selectable<WebhookDeliveriesTable>;

export interface PendingDelivery {
  subscription_id: string;
  event_id: string;
  event_type: string;
}

/**
 * Writes attempt 1 of each (subscription, event) as pending; a pair already written (a batch
 * dispatched twice, or the two outbox rows of one change) is left alone. Returns the pairs
 * written, the ones that need a job.
 */
export function insertPendingDeliveries(
  db: Database,
  rows: PendingDelivery[],
  now: Date,
): Promise<PendingDelivery[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return db
    .insertInto("webhook_deliveries")
    .values(rows.map((row) => ({ ...row, attempt: 1, created_at: now })))
    .onConflict((oc) => oc.columns(["subscription_id", "event_id", "attempt"]).doNothing())
    .returning(["subscription_id", "event_id", "event_type"])
    .execute();
}

/** Every attempt so far of one event to one subscription, in order. */
export function attemptsOf(db: Database, subscriptionId: string, eventId: string) {
  return db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("subscription_id", "=", subscriptionId)
    .where("event_id", "=", eventId)
    .orderBy("attempt")
    .execute();
}

export async function insertAttempt(
  db: Database,
  row: Insertable<WebhookDeliveriesTable>,
): Promise<number> {
  const inserted = await db
    .insertInto("webhook_deliveries")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateAttempt(
  db: Database,
  id: number,
  patch: Updateable<WebhookDeliveriesTable>,
): Promise<void> {
  await db.updateTable("webhook_deliveries").set(patch).where("id", "=", id).execute();
}

/** A page of a subscription's log, newest attempt first, limit+1 rows. */
export function listDeliveries(
  db: Database,
  subscriptionId: string,
  options: { beforeId: number | null; limit: number; eventId?: string | undefined },
) {
  return db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("subscription_id", "=", subscriptionId)
    .$if(options.eventId !== undefined, (q) => q.where("event_id", "=", options.eventId as string))
    .$if(options.beforeId !== null, (q) => q.where("id", "<", options.beforeId as number))
    .orderBy("id", "desc")
    .limit(options.limit + 1)
    .execute();
}
