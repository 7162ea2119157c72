import { type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { OutboxTable } from "../../db/schema.ts";

export type DispatchedRow = Selectable<OutboxTable> & { dispatch_batch: number };

/**
 * Where a row sits in the live stream: its dispatch batch, then its id. Batches commit in
 * increasing order, so "after this position" never skips a row that committed late.
 */
export interface Position {
  batch: number;
  id: number;
}

export const START: Position = { batch: 0, id: 0 };

export function isAfter(a: Position, b: Position): boolean {
  return a.batch > b.batch || (a.batch === b.batch && a.id > b.id);
}

export function positionOfRow(row: DispatchedRow): Position {
  return { batch: row.dispatch_batch, id: row.id };
}

/** The newest dispatched row's position: where a fresh stream starts. */
export async function latestPosition(db: Database): Promise<Position> {
  const row = await db
    .selectFrom("outbox")
    .select(["dispatch_batch", "id"])
    .where("dispatch_batch", "is not", null)
    .orderBy("dispatch_batch", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.dispatch_batch ? { batch: row.dispatch_batch, id: row.id } : START;
}

/** The position of a row a client last received (its SSE id), if it was dispatched. */
export async function positionOfId(db: Database, id: number): Promise<Position | null> {
  const row = await db
    .selectFrom("outbox")
    .select(["dispatch_batch", "id"])
    .where("id", "=", id)
    .where("dispatch_batch", "is not", null)
    .executeTakeFirst();
  return row?.dispatch_batch ? { batch: row.dispatch_batch, id: row.id } : null;
}

const afterPosition = (after: Position) =>
  sql<boolean>`(dispatch_batch, id) > (${after.batch}, ${after.id})`;

/** Rows dispatched after `after`, oldest first: what the hub fans out. */
export async function dispatchedAfter(
  db: Database,
  after: Position,
  limit: number,
): Promise<DispatchedRow[]> {
  const rows = await db
    .selectFrom("outbox")
    .selectAll()
    .where("dispatch_batch", "is not", null)
    .where(afterPosition(after))
    .orderBy("dispatch_batch")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows as DispatchedRow[];
}

/** Who a replay is for: rows addressed to them, and for staff the ticket and SLA broadcasts. */
export type Audience =
  | { kind: "account"; accountId: string }
  | { kind: "staff"; staffId: string; broadcastTopics: string[] };

/**
 * The newest `limit` rows after `after` and since `since` that may concern the audience, oldest
 * first. A prefilter only: the live policy decides what is sent.
 */
export async function recentFor(
  db: Database,
  audience: Audience,
  after: Position,
  since: Date,
  limit: number,
): Promise<DispatchedRow[]> {
  let query = db
    .selectFrom("outbox")
    .selectAll()
    .where("dispatch_batch", "is not", null)
    .where(afterPosition(after))
    .where("created_at", ">=", since);
  if (audience.kind === "account") {
    query = query.where("recipient_account_id", "=", audience.accountId);
  } else {
    const { staffId, broadcastTopics } = audience;
    query = query.where((eb) =>
      eb.or([
        eb("recipient_staff_id", "=", staffId),
        ...broadcastTopics.map((prefix) => eb("topic", "like", `${prefix}%`)),
      ]),
    );
  }
  const rows = await query
    .orderBy("dispatch_batch", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return (rows as DispatchedRow[]).reverse();
}
