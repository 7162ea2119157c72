import { type Expression, type Insertable, type RawBuilder, sql } from "kysely";
import { compiledQuery } from "../../db/compiled.ts";
import type { Database } from "../../db/database.ts";
import type {
  AuditLogTable,
  OutboxTable,
  TicketMessagesTable,
  TicketsTable,
  Universe,
} from "../../db/schema.ts";
import { type ServiceRow, serviceSelect } from "../services/repository.ts";
import { type TermsInForce, type TermsRow, termsOf, termsQuery } from "../support/levels.ts";
import type { AssignmentRows, PickedStaff } from "./hooks.ts";
import type { TicketRow } from "./repository.ts";

/**
 * The SQL of ticket creation: the service with its admin's terms, ticket numbers, and the one
 * statement that writes a new ticket.
 */

// The terms as one JSON value: their columns would collide with the service's. The numeric
// price stays text, as pg returns numeric columns.
const serviceWithTerms = compiledQuery(2, (db, name: string, at: Date) =>
  serviceSelect(db)
    .select((eb) => {
      const terms = termsQuery(
        db,
        eb.ref("s.admin_account_id"),
        eb.ref("p.universe") as Expression<Universe>,
        at,
      );
      return sql<TermsRow | null>`(select to_jsonb(terms) || jsonb_build_object('price_percent', terms.price_percent::text) from (${terms}) terms)`.as(
        "admin_terms",
      );
    })
    .where("s.name", "=", name),
);

/**
 * A service by name with its admin account's level in force at `at` in the service's universe
 * (what entitlement looks at first), in one round trip; undefined when there is no such service.
 */
export async function findServiceWithTerms(
  db: Database,
  name: string,
  at: Date,
): Promise<{ service: ServiceRow; adminTerms: TermsInForce | undefined } | undefined> {
  const [row] = await serviceWithTerms(db, name, at);
  if (!row) return undefined;
  const { admin_terms, ...service } = row;
  const universe = service.universe as Universe;
  const adminTerms = admin_terms
    ? termsOf(admin_terms, service.admin_account_id, universe)
    : undefined;
  return { service, adminTerms };
}

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
  message: Omit<Insertable<TicketMessagesTable>, "ticket_id"> & { id: string };
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
 * The columns of a new ticket that the database fills: routing's pick, the contacts copied from
 * the service by trigger, and the defaults of what a new ticket does not have yet. The caller
 * knows every other column: it wrote them.
 */
const FILLED_BY_DATABASE = [
  "tier",
  "assigned_staff_id",
  "admin_contact_id",
  "tech_contact_id",
  "billing_contact_id",
  "waiting_since",
  "reminded_at",
  "solved_at",
  "closed_at",
  "reopened_count",
] as const;

/** What the database filled in a new ticket (see FILLED_BY_DATABASE). */
export type FilledColumns = Pick<TicketRow, (typeof FILLED_BY_DATABASE)[number]>;

/**
 * A new ticket in one statement: routing's pick (the assignee's row locked), the ticket written
 * already assigned, its first message, its audit entries and notices, and the assignment's own
 * when someone was picked. Creation is Palier's busiest write and each round trip costs more
 * than the inserts: run alone, the statement is its own transaction, where BEGIN, the pick,
 * the insert, the audit and notices, and COMMIT were five round trips. Returns only what the
 * database filled: parsing a whole ticket row back was a sixteenth of the server's work.
 */
export async function insertNewTicket(
  db: Database,
  writes: NewTicketWrites,
): Promise<FilledColumns> {
  const { ticket, message, audit, outbox, routing } = writes;
  const inserted = db
    .insertInto("tickets")
    .values({
      ...ticket,
      tier: sql`coalesce((select tier from pick), ${ticket.tier})`,
      assigned_staff_id: sql`(select id from pick)`,
    })
    .returning(FILLED_BY_DATABASE);
  const first = db.insertInto("ticket_messages").values({ ...message, ticket_id: ticket.id });
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
  const result = await sql<FilledColumns>`with ${sql.join(parts)} select * from t`.execute(db);
  const filled = result.rows[0];
  if (!filled) throw new Error("the new ticket's statement returned no row");
  return filled;
}
