import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { Period } from "./period.ts";

/**
 * All SQL of the reports. Each report is one aggregate query over the tickets (or ratings)
 * of the period, walking tickets_created_idx on created_at; the SLA sweeper's sla_events and
 * the routing module's answer_ratings are read directly. Counts are cast to int so both
 * engines return numbers.
 */

/** Display order: universes by their position, levels by rank (Fast-Path last), severities worst first. */
const LEVEL_OF = sql`case when t.fast_path then 'fast-path' else coalesce(t.entitlement ->> 'level', 'unknown') end`;
const SEVERITY_ORDER = sql`array_position(array['critical', 'high', 'medium', 'low'], t.severity)`;
const PERCENTILES = sql`array[0.5, 0.9, 0.95, 0.99]`;

export interface ComplianceRow {
  universe: string;
  level: string;
  severity: string;
  tickets: number;
  first_responses: number;
  within_target: number;
  late_first_responses: number;
  breaches: number;
}

/**
 * Per universe, level and severity: tickets created in the period, first responses, those
 * within their target, and tickets with a breach: a breach event of either clock, a first
 * response after its due time, or a clock still running past its due time at `now`.
 */
export async function slaCompliance(db: Database, period: Period, now: Date) {
  const result = await sql<ComplianceRow>`
    with t as (
      select t.universe, ${LEVEL_OF} as level, t.severity, t.first_responded_at,
             t.first_response_due_at,
             exists (select 1 from sla_events e where e.ticket_id = t.id and e.kind = 'breach')
               or t.breached_at is not null
               or t.first_responded_at > t.first_response_due_at
               or (t.due_at is not null and t.due_at < ${now}) as breached,
             t.first_responded_at > t.first_response_due_at
               or (t.first_responded_at is null and t.sla_clock = 'first-response'
                   and t.due_at < ${now}) as late_first_response,
             ${SEVERITY_ORDER} as severity_order
      from tickets t
      where t.created_at >= ${period.from} and t.created_at < ${period.to}
    )
    select t.universe, t.level, t.severity,
           count(*)::int as tickets,
           count(t.first_responded_at)::int as first_responses,
           count(*) filter (where t.first_responded_at <= t.first_response_due_at)::int
             as within_target,
           count(*) filter (where t.late_first_response)::int as late_first_responses,
           count(*) filter (where t.breached)::int as breaches
    from t
    join universes u on u.code = t.universe
    left join support_levels l on l.code = t.level
    group by t.universe, u.position, t.level, l.rank, t.severity, t.severity_order
    order by u.position, coalesce(l.rank, 1000), t.level, t.severity_order
  `.execute(db);
  return result.rows;
}

export interface ResponseTimesRow {
  universe: string;
  level: string;
  tickets: number;
  first_responses: number;
  first_response_minutes: number[] | null;
  solved: number;
  resolution_minutes: number[] | null;
}

/**
 * Per universe and level, wall-clock percentiles (50, 90, 95, 99) of the minutes from creation
 * to the first public answer and to the solution, over tickets created in the period; null
 * where no ticket has one yet.
 */
export async function responseTimes(db: Database, period: Period) {
  const result = await sql<ResponseTimesRow>`
    select t.universe, ${LEVEL_OF} as level,
           count(*)::int as tickets,
           count(t.first_responded_at)::int as first_responses,
           percentile_cont(${PERCENTILES}) within group (
             order by extract(epoch from t.first_responded_at - t.created_at)::float8 / 60)
             filter (where t.first_responded_at is not null) as first_response_minutes,
           count(t.solved_at)::int as solved,
           percentile_cont(${PERCENTILES}) within group (
             order by extract(epoch from t.solved_at - t.created_at)::float8 / 60)
             filter (where t.solved_at is not null) as resolution_minutes
    from tickets t
    join universes u on u.code = t.universe
    left join support_levels l on l.code = t.entitlement ->> 'level' and not t.fast_path
    where t.created_at >= ${period.from} and t.created_at < ${period.to}
    group by t.universe, u.position, 2, l.rank
    order by u.position, coalesce(l.rank, 1000), 2
  `.execute(db);
  return result.rows;
}

export interface BacklogRow {
  universe: string;
  tier: string;
  language: string;
  open: number;
  unassigned: number;
  assigned: number;
  paused: number;
  breached: number;
  oldest_due_at: Date | null;
  oldest_created_at: Date;
}

/**
 * Tickets not yet solved or closed, among those created in the period, per queue (universe,
 * tier, language): assigned or not, paused (waiting for the customer, on hold), breached now
 * (a running clock past due, or a breach the sweeper marked), the earliest due time and the
 * oldest creation.
 */
export async function backlog(db: Database, period: Period, now: Date) {
  const result = await sql<BacklogRow>`
    select t.universe, t.tier, t.language,
           count(*)::int as open,
           count(*) filter (where t.assigned_staff_id is null)::int as unassigned,
           count(t.assigned_staff_id)::int as assigned,
           count(*) filter (where t.status in ('waiting-for-customer', 'on-hold'))::int as paused,
           count(*) filter (where t.due_at < ${now} or t.breached_at is not null)::int
             as breached,
           min(t.due_at) as oldest_due_at,
           min(t.created_at) as oldest_created_at
    from tickets t
    join universes u on u.code = t.universe
    where t.status not in ('solved', 'closed')
      and t.created_at >= ${period.from} and t.created_at < ${period.to}
    group by t.universe, u.position, t.tier, t.language
    order by u.position, array_position(array['L1', 'L2', 'L3', 'TAM'], t.tier), t.language
  `.execute(db);
  return result.rows;
}

export interface RatingsRow {
  tier: string;
  staff_id: string | null;
  name: string | null;
  agents: number;
  rated: number;
  solved: number;
  not_answered: number;
  reopenings: number;
}

/**
 * Ratings given in the period, per agent (`by` = agent) or per team, a team being the staff
 * of one tier. Reopenings: how many times the tickets holding the rated answers were reopened,
 * each ticket counted once per agent (or team).
 */
export async function ratings(db: Database, period: Period, by: "agent" | "team") {
  const key = by === "agent" ? sql`r.staff_id` : sql`r.tier`;
  const result = await sql<RatingsRow>`
    with r as (
      select a.rating, a.ticket_id, s.id as staff_id, s.name, s.tier
      from answer_ratings a join staff s on s.id = a.staff_id
      where a.created_at >= ${period.from} and a.created_at < ${period.to}
    ),
    reopened as (
      select k.key, sum(t.reopened_count)::int as reopenings
      from (select distinct ${key}::text as key, r.ticket_id from r) k
      join tickets t on t.id = k.ticket_id
      group by k.key
    )
    select r.tier,
           ${by === "agent" ? sql`r.staff_id` : sql`null::uuid`} as staff_id,
           ${by === "agent" ? sql`min(r.name)` : sql`null::text`} as name,
           count(distinct r.staff_id)::int as agents,
           count(*)::int as rated,
           count(*) filter (where r.rating = 'solved')::int as solved,
           count(*) filter (where r.rating = 'not-answered')::int as not_answered,
           coalesce(min(o.reopenings), 0)::int as reopenings
    from r left join reopened o on o.key = ${key}::text
    group by r.tier${by === "agent" ? sql`, r.staff_id` : sql``}
    order by array_position(array['L1', 'L2', 'L3', 'TAM'], r.tier)${
      by === "agent" ? sql`, min(r.name), r.staff_id` : sql``
    }
  `.execute(db);
  return result.rows;
}

export interface FastPathRow {
  account_id: string;
  nic_handle: string;
  name: string;
  yearly_quota: number | null;
  starts_at: Date | null;
  ends_at: Date | null;
  period_uses: number;
  year_uses: number;
}

/**
 * Per account holding Fast-Path during the period: its latest subscription started before the
 * period's end, and its Fast-Path tickets (the uses, as the quota counts them) in the period and
 * in the quota year. A use needs Fast-Path in force, so every use of the period is found from
 * these accounts, each probed through tickets_account_idx rather than by scanning the year.
 */
export async function fastPathUse(db: Database, period: Period, year: Period) {
  const result = await sql<FastPathRow>`
    with subs as (
      select distinct on (f.account_id) f.account_id, f.yearly_quota, f.starts_at, f.ends_at
      from fast_path_subscriptions f
      where f.starts_at < ${period.to} and (f.ends_at is null or f.ends_at > ${period.from})
      order by f.account_id, f.starts_at desc
    )
    select a.id as account_id, a.nic_handle, a.name, s.yearly_quota, s.starts_at, s.ends_at,
           u.period_uses, u.year_uses
    from subs s
    join accounts a on a.id = s.account_id
    cross join lateral (
      select count(*) filter (where t.created_at >= ${period.from}
                                and t.created_at < ${period.to})::int as period_uses,
             count(*) filter (where t.created_at >= ${year.from}
                                and t.created_at < ${year.to})::int as year_uses
      from tickets t
      where t.account_id = s.account_id and t.fast_path
        and t.created_at >= least(${period.from}::timestamptz, ${year.from}::timestamptz)
        and t.created_at < greatest(${period.to}::timestamptz, ${year.to}::timestamptz)
    ) u
    order by u.period_uses desc, a.nic_handle
  `.execute(db);
  return result.rows;
}
