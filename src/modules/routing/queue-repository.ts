import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { Language, StaffTier, Universe } from "../../db/schema.ts";
import { createdMicros, summaryColumnsOf, type TicketSummaryRow } from "../tickets/repository.ts";
import { notAnsweredAuthors } from "./rating-repository.ts";
import { LOAD_STATUSES, QUEUE_STATUSES } from "./rules.ts";

/** SQL of the queue reads. */

// Literals, not parameters: the planner must see the very predicate of tickets_queue_idx.
const waiting = sql.raw(
  `t.assigned_staff_id is null and t.status in (${QUEUE_STATUSES.map((s) => `'${s}'`).join(", ")})`,
);
const held = sql.raw(`t.status in (${LOAD_STATUSES.map((s) => `'${s}'`).join(", ")})`);

/**
 * Every queue with waiting tickets: how many, how many overdue, how many past their warning
 * instant (under 25 % of the target left) but not yet due, and the soonest due.
 */
export async function queueCounts(db: Database, universes: readonly string[] | null, now: Date) {
  if (universes !== null && universes.length === 0) return [];
  const result = await sql<{
    universe: Universe;
    tier: StaffTier;
    language: Language;
    waiting: number;
    overdue: number;
    at_risk: number;
    soonest_due_at: Date | null;
  }>`
    select t.universe, t.tier, t.language, count(*)::int as waiting,
           count(*) filter (where t.due_at <= ${now})::int as overdue,
           count(*) filter (where t.sla_warn_at <= ${now} and t.due_at > ${now})::int as at_risk,
           min(t.due_at) as soonest_due_at
    from tickets t
    where ${waiting}
      ${universes === null ? sql`` : sql`and t.universe in (${sql.join(universes)})`}
    group by t.universe, t.tier, t.language
  `.execute(db);
  return result.rows;
}

/** A position in a queue: the last row's due time (null sorts last), priority and number. */
export interface QueueKey {
  dueAt: string | null;
  priority: number;
  number: number;
}

const dueMicros = sql<number | null>`(extract(epoch from t.due_at) * 1000000)::int8`;

/**
 * One keyset page of a queue, most urgent first: due time, then queue priority (higher first,
 * so Enterprise and Fast-Path lead at equal due time), then number. Tickets without a running
 * clock come last. Each branch walks tickets_queue_idx in its order and stops at limit+1 rows;
 * accounts and services are joined to the cut page only.
 */
export async function queuePage(
  db: Database,
  queue: { universe: string; tier: string; language: string },
  after: QueueKey | null,
  limit: number,
) {
  const inQueue = sql`t.universe = ${queue.universe} and t.tier = ${queue.tier}
    and t.language = ${queue.language} and ${waiting}`;
  const afterPosition = (key: QueueKey) =>
    sql`(t.queue_priority < ${key.priority}
      or (t.queue_priority = ${key.priority} and t.number > ${key.number}))`;
  const dated =
    after === null
      ? sql`select t.* from tickets t where ${inQueue} and t.due_at is not null
          order by t.due_at, t.queue_priority desc, t.number limit ${limit + 1}`
      : after.dueAt === null
        ? null
        : sql`select t.* from tickets t where ${inQueue}
            and t.due_at >= ${after.dueAt}::timestamptz
            and (t.due_at > ${after.dueAt}::timestamptz or ${afterPosition(after)})
            order by t.due_at, t.queue_priority desc, t.number limit ${limit + 1}`;
  const undated = sql`select t.* from tickets t where ${inQueue} and t.due_at is null
    ${after?.dueAt === null ? sql`and ${afterPosition(after)}` : sql``}
    order by t.queue_priority desc, t.number limit ${limit + 1}`;
  const branches = dated === null ? sql`(${undated})` : sql`(${dated}) union all (${undated})`;
  const result = await sql<QueueRow>`
    select ${summaryColumnsOf("t")}, a.nic_handle as account_nic, s.name as service_name,
           ${createdMicros("t")} as created_us, ${dueMicros} as due_us
    from (
      select * from (${branches}) b
      order by b.due_at nulls last, b.queue_priority desc, b.number limit ${limit + 1}
    ) t
    join accounts a on a.id = t.account_id
    left join services s on s.id = t.service_id
    order by t.due_at nulls last, t.queue_priority desc, t.number
  `.execute(db);
  return result.rows;
}

export type QueueRow = TicketSummaryRow & { created_us: number; due_us: number | null };

/** The tickets a staff member holds, soonest due first (tickets_assignee_idx). */
export async function heldPage(
  db: Database,
  staffId: string,
  after: { dueAt: string | null; number: number } | null,
  limit: number,
) {
  const position =
    after === null
      ? sql``
      : after.dueAt === null
        ? sql`and t.due_at is null and t.number > ${after.number}`
        : sql`and (t.due_at > ${after.dueAt}::timestamptz or t.due_at is null
            or (t.due_at = ${after.dueAt}::timestamptz and t.number > ${after.number}))`;
  const result = await sql<QueueRow>`
    select ${summaryColumnsOf("t")}, a.nic_handle as account_nic, s.name as service_name,
           ${createdMicros("t")} as created_us, ${dueMicros} as due_us
    from tickets t
    join accounts a on a.id = t.account_id
    left join services s on s.id = t.service_id
    where t.assigned_staff_id = ${staffId} and ${held} ${position}
    order by t.due_at nulls last, t.number
    limit ${limit + 1}
  `.execute(db);
  return result.rows;
}

/** A waiting ticket with what choosing its agent needs (see `skillsFor`). */
export interface WaitingTicket {
  id: string;
  universe: Universe;
  tier: StaffTier;
  language: Language;
  product: string | null;
  calendar: string | null;
  account_id: string;
  /** Only the entitlement's subscriber fields, which decide the region asked for. */
  entitlement: { subscriberRegion: string | null; subscriberAccountId: string | null };
  /** Authors of the ticket's answers rated "not-answered": never handed the ticket again. */
  excluded: string[];
}

/**
 * Up to `limit` tickets of one queue, most urgent first (tickets_queue_idx), to route; only
 * those of `accountIds` when given.
 */
export async function waitingToRoute(
  db: Database,
  queue: { universe: string; tier: string; language: string },
  limit: number,
  accountIds?: readonly string[],
) {
  if (accountIds?.length === 0) return [];
  const result = await sql<WaitingTicket>`
    select t.id, t.universe, t.tier, t.language, t.product, t.calendar, t.account_id,
           jsonb_build_object(
             'subscriberRegion', t.entitlement->'subscriberRegion',
             'subscriberAccountId', t.entitlement->'subscriberAccountId'
           ) as entitlement,
           array(${notAnsweredAuthors(sql`t.id`)}) as excluded
    from tickets t
    where t.universe = ${queue.universe} and t.tier = ${queue.tier}
      and t.language = ${queue.language} and ${waiting}
      ${accountIds ? sql`and t.account_id in (${sql.join(accountIds)})` : sql``}
    order by t.due_at, t.queue_priority desc, t.number
    limit ${limit}
  `.execute(db);
  return result.rows;
}
