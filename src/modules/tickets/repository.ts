import { type Selectable, type SelectQueryBuilder, sql, type Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type {
  ContactRole,
  DB,
  Severity,
  TicketCategory,
  TicketStatus,
  TicketsTable,
} from "../../db/schema.ts";

/** All SQL of tickets themselves; messages and attachments are in message-repository.ts. */

export type TicketRow = Selectable<TicketsTable>;

/**
 * The columns a ticket summary shows (lists and queues). Lists read these rather than the
 * whole row: the stored entitlement (only its level is shown) and the clock fields cost more
 * to send and parse than the query costs to run.
 */
export const SUMMARY_COLUMNS = [
  "id",
  "number",
  "subject",
  "category",
  "status",
  "severity",
  "universe",
  "product",
  "language",
  "responsibility_area",
  "out_of_perimeter",
  "fast_path",
  "due_at",
  "created_at",
  "updated_at",
  "tier",
  "queue_priority",
  "assigned_staff_id",
  "warned_at",
  "sla_warn_at",
] as const;

/** One summarised ticket: its summary columns, its level, account and service names. */
export type TicketSummaryRow = Pick<TicketRow, (typeof SUMMARY_COLUMNS)[number]> & {
  level: string | null;
  account_nic: string;
  service_name: string | null;
};

/** The summary columns of tickets aliased `alias`, with the level, for raw SQL. */
export function summaryColumnsOf(alias: string) {
  return sql.raw(
    `${SUMMARY_COLUMNS.map((c) => `${alias}.${c}`).join(", ")}, ${alias}.entitlement->>'level' as level`,
  );
}

/** One ticket with what policy and presenters need: requester, service and its contacts. */
export function findTicket(db: Database, by: { number: number } | { id: string }, lock = false) {
  return db
    .selectFrom("tickets as t")
    .innerJoin("accounts as a", "a.id", "t.account_id")
    .leftJoin("users as u", "u.id", "t.requester_user_id")
    .leftJoin("services as s", "s.id", "t.service_id")
    .selectAll("t")
    .select([
      "a.nic_handle as account_nic",
      "u.name as requester_name",
      "s.name as service_name",
      "s.admin_account_id",
      "s.tech_account_id",
      "s.billing_account_id",
    ])
    .$if("number" in by, (q) => q.where("t.number", "=", (by as { number: number }).number))
    .$if("id" in by, (q) => q.where("t.id", "=", (by as { id: string }).id))
    .$if(lock, (q) => q.forUpdate("t"))
    .executeTakeFirst();
}
export type TicketView = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

export async function updateTicket(
  db: Database,
  id: string,
  patch: Updateable<TicketsTable>,
): Promise<void> {
  await db.updateTable("tickets").set(patch).where("id", "=", id).execute();
}

/** Solved tickets whose solution is older than `before`, locked, skipping rows others hold. */
export function lockSolvedBefore(db: Database, before: Date, limit: number) {
  return db
    .selectFrom("tickets")
    .select(["id", "number", "account_id", "solved_at"])
    .where("status", "=", "solved")
    .where("solved_at", "<", before)
    .orderBy("solved_at")
    .limit(limit)
    .forNoKeyUpdate()
    .skipLocked()
    .execute();
}

/**
 * A position in a list ordered by (created_at, id): the time as ISO-8601 with microseconds, as
 * PostgreSQL stores it, so rows written with sub-millisecond times page without gaps.
 */
export interface Keyset {
  createdAt: string;
  id: string;
}

/** created_at in microseconds since the epoch, exact in a JS number; cursors carry it. */
export const createdMicros = (column: "t" | "m") =>
  sql<number>`(extract(epoch from ${sql.ref(`${column}.created_at`)}) * 1000000)::int8`;

/** Where a customer's visible tickets come from: its own account, or a role on services. */
export type TicketSource =
  | { kind: "account"; accountId: string }
  | { kind: "role"; role: ContactRole; accountId: string; categories: TicketCategory[] };

export interface TicketListParams {
  /** Null for staff, who read every ticket (within `universes`). */
  sources: TicketSource[] | null;
  universes: string[] | null;
  status?: TicketStatus | undefined;
  serviceId?: string | undefined;
  severity?: Severity | undefined;
  category?: TicketCategory | undefined;
  assignedStaffId?: string | undefined;
  /** Staff: tickets this account opened. */
  accountId?: string | undefined;
  q?: string | undefined;
  /** The last row of the previous page. */
  after: Keyset | null;
  limit: number;
}

/** The ticket's copy of its service's contacts (see migration 2026-11-26T2300). */
const contactColumn = {
  admin: "t.admin_contact_id",
  tech: "t.tech_contact_id",
  billing: "t.billing_contact_id",
} as const;

type TicketQuery<O> = SelectQueryBuilder<DB & { t: TicketsTable }, "t", O>;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Keyset page of tickets, newest first (created_at desc, then id). A customer's tickets come
 * from several sources, each a branch that walks its own index and stops after limit+1 rows:
 * its account's tickets on (account_id, created_at desc, id), and for each contact role the
 * tickets of the services it holds that role on, through the ticket's copy of the contacts
 * (partial indexes per role, limited to the categories the role may read: see migration
 * 2026-11-27T0500). The branches carry only keys, so merging them (a ticket may come from two)
 * compares two columns, and the page's rows are joined once the page is cut: a page costs the
 * same on a table of a million tickets as on an empty one.
 */
export async function listTickets(db: Database, params: TicketListParams) {
  const { limit, after } = params;
  const filtered = <O>(qb: TicketQuery<O>): TicketQuery<O> =>
    qb
      .$if(params.status !== undefined, (q) => q.where("t.status", "=", params.status as never))
      .$if(params.serviceId !== undefined, (q) =>
        q.where("t.service_id", "=", params.serviceId as string),
      )
      .$if(params.severity !== undefined, (q) =>
        q.where("t.severity", "=", params.severity as never),
      )
      .$if(params.category !== undefined, (q) =>
        q.where("t.category", "=", params.category as never),
      )
      .$if(params.assignedStaffId !== undefined, (q) =>
        q.where("t.assigned_staff_id", "=", params.assignedStaffId as string),
      )
      .$if(params.accountId !== undefined, (q) =>
        q.where("t.account_id", "=", params.accountId as string),
      )
      .$if(params.universes !== null, (q) =>
        q.where("t.universe", "in", params.universes as never[]),
      )
      .$if(params.q !== undefined, (q) =>
        q.where(sql<boolean>`t.subject ilike ${`%${escapeLike(params.q as string)}%`}`),
      )
      .$if(after !== null, (q) => {
        const { createdAt, id } = after as Keyset;
        return q
          .where(sql<boolean>`t.created_at <= ${createdAt}::timestamptz`)
          .where(sql<boolean>`(t.created_at < ${createdAt}::timestamptz or t.id > ${id})`);
      })
      .orderBy("t.created_at", "desc")
      .orderBy("t.id")
      .limit(limit + 1);

  const keys = () => db.selectFrom("tickets as t").select(["t.id", "t.created_at"]);
  let matched: SelectQueryBuilder<DB, never, { id: string; created_at: Date }>;
  if (params.sources === null) {
    matched = db.selectFrom(filtered(keys()).as("all")).selectAll();
  } else {
    const branches = params.sources.map((source) => {
      if (source.kind === "account") {
        const own = filtered(keys().where("t.account_id", "=", source.accountId));
        return db.selectFrom(own.as("own")).selectAll();
      }
      // Literal categories, so the planner matches the role's partial index in every plan.
      const categories = sql.join(source.categories.map((category) => sql.lit(category)));
      const viaRole = filtered(
        keys()
          .where(contactColumn[source.role], "=", source.accountId)
          .where(sql<boolean>`t.category in (${categories})`),
      );
      return db.selectFrom(viaRole.as(`by_${source.role}`)).selectAll();
    });
    const [first, ...rest] = branches;
    if (!first) return [];
    matched = first;
    for (const next of rest) matched = matched.union(next);
  }

  // The page is cut on keys; the rows and what presenters need are joined for limit+1 ids.
  const page = db
    .selectFrom(matched.as("m"))
    .selectAll()
    .orderBy("m.created_at", "desc")
    .orderBy("m.id")
    .limit(limit + 1);
  return db
    .selectFrom(page.as("m"))
    .innerJoin("tickets as t", "t.id", "m.id")
    .innerJoin("accounts as a", "a.id", "t.account_id")
    .leftJoin("services as s", "s.id", "t.service_id")
    .select(SUMMARY_COLUMNS.map((c) => `t.${c}` as const))
    .select(sql<string | null>`t.entitlement->>'level'`.as("level"))
    .select(["a.nic_handle as account_nic", "s.name as service_name"])
    .select(createdMicros("t").as("created_us"))
    .orderBy("t.created_at", "desc")
    .orderBy("t.id")
    .execute();
}

/** The service a ticket concerns, with what entitlement, policy and notices need. */
export function findServiceForTicket(db: Database, name: string) {
  return db
    .selectFrom("services as s")
    .innerJoin("products as p", "p.code", "s.product")
    .select([
      "s.id",
      "s.name",
      "s.product",
      "s.admin_account_id",
      "s.tech_account_id",
      "s.billing_account_id",
      "p.universe",
    ])
    .where("s.name", "=", name.toLowerCase())
    .executeTakeFirst();
}

export function findServiceIdByName(db: Database, name: string) {
  return db
    .selectFrom("services")
    .select("id")
    .where("name", "=", name.toLowerCase())
    .executeTakeFirst();
}

export function findAccountIdByNic(db: Database, nic: string) {
  return db.selectFrom("accounts").select("id").where("nic_handle", "=", nic).executeTakeFirst();
}
