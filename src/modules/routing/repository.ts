import { type Insertable, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { StaffTier, TicketEscalationsTable } from "../../db/schema.ts";
import { HANDLER_ROLES } from "./rules.ts";

/** SQL of staff selection, assignment and escalation records. */

/** What an agent must have to take a ticket, besides its tier. */
export interface Skills {
  universe: string;
  product: string | null;
  language: string;
  /** The customer's region for business-hours tickets; null when any region will do. */
  region: string | null;
  /** Staff never to pick (the author of an answer rated "did not answer"). */
  exclude: readonly string[];
}

export interface Candidate {
  id: string;
  tier: StaffTier;
  max_concurrent_tickets: number;
  load: number;
}

const handlerRoles = sql.join(HANDLER_ROLES.map((role) => sql.lit(role)));

function qualified(tiers: readonly StaffTier[], skills: Skills) {
  const tierList = sql.join(tiers.map((tier) => sql`${tier}`));
  return sql`s.active and s.role in (${handlerRoles}) and s.tier in (${tierList})
    and ${skills.language}::text = any(s.languages)
    and (${skills.universe}::text = any(s.universes) or ${skills.product}::text = any(s.products))
    and (${skills.region}::text is null or s.region = ${skills.region})
    ${skills.exclude.length > 0 ? sql`and s.id not in (${sql.join(skills.exclude)})` : sql``}`;
}

/**
 * The least loaded qualified staff member under capacity in the first of `tiers` that has one
 * (ties by id), as a select of at most one row (id, tier) that locks it: run alone by
 * `lockLeastLoaded`, or as the "pick" of the statement that writes a new ticket. Rows another
 * transaction holds are skipped rather than waited for: that transaction is assigning to the
 * same person right now, so the next one in line is the better pick, and nothing here ever
 * waits on a lock, so transactions that pick several agents (an SLA sweep escalating a batch)
 * cannot deadlock. The load is the row's own `open_tickets` (kept by triggers on tickets):
 * locking a row that a concurrent commit changed re-reads it and re-checks the capacity, so
 * the pick never exceeds it. When every candidate with room is held at that instant, the
 * ticket waits in its queue, where agents take it.
 */
export function leastLoadedPick(tiers: readonly StaffTier[], skills: Skills) {
  const order = sql`array[${sql.join(tiers.map((tier) => sql`${tier}::text`))}]`;
  return sql<Candidate>`
    select s.id, s.tier, s.max_concurrent_tickets, s.open_tickets as load
    from staff s
    where ${qualified(tiers, skills)} and s.open_tickets < s.max_concurrent_tickets
    order by array_position(${order}, s.tier::text), s.open_tickets, s.id
    limit 1
    for update of s skip locked
  `;
}

/** `leastLoadedPick` run on its own: the chosen staff row, locked until the caller commits. */
export async function lockLeastLoaded(
  db: Database,
  tiers: readonly StaffTier[],
  skills: Skills,
): Promise<Candidate | undefined> {
  const result = await leastLoadedPick(tiers, skills).execute(db);
  return result.rows[0];
}

/** Whether anyone of the tier has the skills, whatever their load. */
export async function anyQualified(db: Database, tier: StaffTier, skills: Skills) {
  const result = await sql<{ found: boolean }>`
    select exists (select 1 from staff s where ${qualified([tier], skills)}) as found
  `.execute(db);
  return result.rows[0]?.found === true;
}

/** The account whose region business-hours support follows: the entitlement's subscriber. */
export async function regionOfAccount(db: Database, accountId: string) {
  const row = await db
    .selectFrom("accounts")
    .select("region")
    .where("id", "=", accountId)
    .executeTakeFirst();
  return row?.region ?? null;
}

export function findStaffMember(db: Database, id: string, lock = false) {
  return db
    .selectFrom("staff")
    .select([
      "id",
      "name",
      "role",
      "tier",
      "languages",
      "universes",
      "products",
      "region",
      "max_concurrent_tickets",
      "open_tickets",
      "active",
    ])
    .where("id", "=", id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}
export type StaffMember = NonNullable<Awaited<ReturnType<typeof findStaffMember>>>;

/**
 * Active leads to warn about a ticket: those of its universe in the customer's region when the
 * ticket runs on business hours, else those of the universe anywhere, else every active lead,
 * so a warning always reaches someone.
 */
export async function leadsFor(
  db: Database,
  universe: string,
  region: string | null,
): Promise<string[]> {
  const leads = db
    .selectFrom("staff")
    .select("id")
    .where("active", "=", true)
    .where("role", "=", "lead")
    .orderBy("id");
  const tries = [
    ...(region === null
      ? []
      : [
          leads
            .where(sql<boolean>`${universe}::text = any(universes)`)
            .where("region", "=", region),
        ]),
    leads.where(sql<boolean>`${universe}::text = any(universes)`),
    leads,
  ];
  for (const query of tries) {
    const rows = await query.execute();
    if (rows.length > 0) return rows.map((row) => row.id);
  }
  return [];
}

export async function insertEscalation(db: Database, row: Insertable<TicketEscalationsTable>) {
  return db.insertInto("ticket_escalations").values(row).returning("id").executeTakeFirstOrThrow();
}

/** A ticket's escalations, oldest first. */
export function listEscalations(db: Database, ticketId: string) {
  return db
    .selectFrom("ticket_escalations as e")
    .leftJoin("staff as s", "s.id", "e.by_staff_id")
    .select(["e.id", "e.from_tier", "e.to_tier", "e.reason", "e.by_staff_id", "s.name", "e.at"])
    .where("e.ticket_id", "=", ticketId)
    .orderBy("e.at")
    .orderBy("e.id")
    .execute();
}
