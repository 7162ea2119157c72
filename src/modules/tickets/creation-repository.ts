import { type Insertable, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type {
  AuditLogTable,
  OutboxTable,
  TicketMessagesTable,
  TicketsTable,
} from "../../db/schema.ts";
import type { AssignmentRows, PickedStaff } from "./hooks.ts";
import type { TicketRow } from "./repository.ts";

/** The SQL of ticket creation: ticket numbers, and the one statement that writes a new ticket. */

/** `count` fresh numbers from the ticket number sequence, in increasing order. */
export async function drawTicketNumbers(db: Database, count: number): Promise<number[]> {
  const result = await sql<{ number: string | number }>`
    select nextval('ticket_number_seq') as number from generate_series(1, ${count}::int)
  `.execute(db);
  return result.rows.map((row) => Number(row.number)).sort((a, b) => a - b);
}

/** Everything a new ticket's statement writes; ids and number are the caller's. */
export interface NewTicketWrites {
  ticket: Insertable<TicketsTable> & { id: string; number: number };
  message: Omit<Insertable<TicketMessagesTable>, "ticket_id">;
  audit: Insertable<AuditLogTable>[];
  outbox: Insertable<OutboxTable>[];
  /** Routing's pick and the rows announcing it, or null to leave the ticket in its queue. */
  routing: { pick: RawBuilder<PickedStaff>; announcement: AssignmentRows } | null;
}

const NOBODY = sql<PickedStaff>`select null::uuid as id, null::text as tier where false`;

/** `insert into table (its columns) select row from pick`: no row when nobody was picked. */
function insertFromPick(table: "audit_log" | "outbox", row: object) {
  const entries = Object.entries(row);
  return sql`insert into ${sql.table(table)} (${sql.join(entries.map(([column]) => sql.ref(column)))})
    select ${sql.join(entries.map(([, value]) => value))} from pick`;
}

/**
 * A new ticket in one statement: routing's pick (the assignee's row locked), the ticket written
 * already assigned, its first message, its audit entries and notices, and the assignment's own
 * when someone was picked. Creation is Palier's busiest write and each round trip costs more
 * than the inserts: run alone, the statement is its own transaction, where BEGIN, the pick,
 * the insert, the audit and notices, and COMMIT were five round trips.
 */
export async function insertNewTicket(db: Database, writes: NewTicketWrites) {
  const { ticket, message, audit, outbox, routing } = writes;
  const inserted = db
    .insertInto("tickets")
    .values({
      ...ticket,
      tier: sql`coalesce((select tier from pick), ${ticket.tier})`,
      assigned_staff_id: sql`(select id from pick)`,
    })
    .returningAll();
  const first = db
    .insertInto("ticket_messages")
    .values({ ...message, ticket_id: ticket.id })
    .returning(["id", "created_at"]);
  const parts = [
    sql`pick as materialized (${routing?.pick ?? NOBODY})`,
    sql`t as (${inserted})`,
    sql`m as (${first})`,
  ];
  if (audit.length > 0) parts.push(sql`a as (${db.insertInto("audit_log").values(audit)})`);
  if (outbox.length > 0) parts.push(sql`o as (${db.insertInto("outbox").values(outbox)})`);
  if (routing) {
    parts.push(sql`aa as (${insertFromPick("audit_log", routing.announcement.audit)})`);
    parts.push(sql`oa as (${insertFromPick("outbox", routing.announcement.outbox)})`);
  }
  const result = await sql<TicketRow & { message_id: string; message_created_at: Date }>`
    with ${sql.join(parts)}
    select t.*, m.id as message_id, m.created_at as message_created_at from t, m
  `.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error("the new ticket's statement returned no row");
  const { message_id, message_created_at, ...created } = row;
  return { ticket: created, message: { id: message_id, created_at: message_created_at } };
}
