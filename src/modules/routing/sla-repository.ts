import type { Insertable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { SlaEventsTable } from "../../db/schema.ts";

/**
 * SQL of the SLA sweeper. Both reads walk a partial index and skip rows others hold. They lock
 * FOR NO KEY UPDATE (the sweeper changes no key), which does not conflict with the KEY SHARE
 * lock any insert referencing the ticket takes (a message, a mail, an SLA event): FOR UPDATE
 * would skip every ticket another transaction is writing a row about at that instant.
 */

/** Tickets whose running clock reached 75 % and were not warned yet (tickets_warn_idx). */
export async function lockWarnDue(db: Database, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("tickets")
    .select("id")
    .where("sla_warn_at", "<=", now)
    .where("warned_at", "is", null)
    .where("due_at", "is not", null)
    .orderBy("sla_warn_at")
    .limit(limit)
    .forNoKeyUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => row.id);
}

/** Tickets whose running clock is past due and not marked breached (tickets_breach_idx). */
export async function lockBreachDue(db: Database, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("tickets")
    .select("id")
    .where("due_at", "<=", now)
    .where("breached_at", "is", null)
    .where("sla_clock", "is not", null)
    .orderBy("due_at")
    .limit(limit)
    .forNoKeyUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Records a warning or a breach; false when this clock's deadline already has one (the unique
 * index on ticket, clock, kind and due time), so a second sweeper changes nothing.
 */
export async function insertSlaEvent(
  db: Database,
  row: Insertable<SlaEventsTable>,
): Promise<boolean> {
  const inserted = await db
    .insertInto("sla_events")
    .values(row)
    .onConflict((oc) => oc.columns(["ticket_id", "clock", "kind", "due_at"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function markSla(
  db: Database,
  ticketId: string,
  mark: { warned_at: Date } | { breached_at: Date },
): Promise<void> {
  await db
    .updateTable("tickets")
    .set("warned_at" in mark ? { warned_at: mark.warned_at, sla_warn_at: null } : mark)
    .where("id", "=", ticketId)
    .execute();
}

/** A ticket's SLA events, oldest first. */
export function slaEventsOf(db: Database, ticketId: string) {
  return db
    .selectFrom("sla_events")
    .select(["clock", "kind", "due_at", "at"])
    .where("ticket_id", "=", ticketId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}
