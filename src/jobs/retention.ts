import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import type { Clock } from "../lib/clock.ts";

const DAY_MS = 86_400_000;
/** Rows deleted per statement, so a first purge of a large backlog never holds long locks. */
const BATCH = 5_000;

/**
 * How long delivery records stay: dispatched notices 14 days (live streams replay 24 hours,
 * and the mail and webhook jobs they became carry their own copy), webhook attempts 30 days
 * (the delivery log integrators read).
 */
export const RETENTION_DAYS = { outbox: 14, webhookAttempts: 30 } as const;

async function purgeBefore(
  db: Database,
  table: "outbox" | "webhook_deliveries",
  column: "delivered_at" | "created_at",
  before: Date,
): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await sql<{ id: unknown }>`
      delete from ${sql.table(table)} where id in (
        select id from ${sql.table(table)} where ${sql.ref(column)} < ${before} limit ${BATCH}
      )
    `.execute(db);
    const deleted = Number(result.numAffectedRows ?? 0);
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/** Deletes dispatched notices and webhook attempts past their retention. */
export async function purgeDeliveryRecords(db: Database, clock: Clock) {
  const now = clock.now().getTime();
  return {
    outbox: await purgeBefore(
      db,
      "outbox",
      "delivered_at",
      new Date(now - RETENTION_DAYS.outbox * DAY_MS),
    ),
    webhookAttempts: await purgeBefore(
      db,
      "webhook_deliveries",
      "created_at",
      new Date(now - RETENTION_DAYS.webhookAttempts * DAY_MS),
    ),
  };
}
