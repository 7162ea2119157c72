import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { StaffTier } from "../../db/schema.ts";

/**
 * SQL of the quality figures: ratings given in a period (answer_ratings_staff_idx holds the
 * author and the time), and the reopenings of the tickets those answers belong to, each ticket
 * counted once per agent (or team). Counts are cast to int so both engines return numbers.
 */

export interface Period {
  from: Date;
  to: Date;
}

interface Figures {
  rated: number;
  solved: number;
  not_answered: number;
  reopenings: number;
}

export interface AgentFigures extends Figures {
  staff_id: string;
  name: string;
  tier: StaffTier;
  tier_rank: number;
}

export interface AgentKey {
  tierRank: number;
  name: string;
  id: string;
}

const TIER_RANK = sql`array_position(array['L1', 'L2', 'L3', 'TAM'], s.tier)`;

const rated = (period: Period) => sql`
  select a.rating, a.ticket_id, a.staff_id from answer_ratings a
  where a.created_at >= ${period.from} and a.created_at < ${period.to}
    and a.staff_id is not null`;

/** One keyset page of agents with ratings in the period, by tier, name and id. */
export async function agentFigures(
  db: Database,
  period: Period,
  filter: { tier: StaffTier | undefined; after: AgentKey | null; limit: number },
) {
  const { after, tier, limit } = filter;
  const result = await sql<AgentFigures>`
    with r as (${rated(period)}),
    per as (
      select r.staff_id, count(*)::int as rated,
             count(*) filter (where r.rating = 'solved')::int as solved,
             count(*) filter (where r.rating = 'not-answered')::int as not_answered
      from r group by r.staff_id
    ),
    reopened as (
      select k.staff_id, sum(t.reopened_count)::int as reopenings
      from (select distinct r.staff_id, r.ticket_id from r) k
      join tickets t on t.id = k.ticket_id
      group by k.staff_id
    )
    select s.id as staff_id, s.name, s.tier, ${TIER_RANK} as tier_rank,
           per.rated, per.solved, per.not_answered, coalesce(o.reopenings, 0)::int as reopenings
    from per
    join staff s on s.id = per.staff_id
    left join reopened o on o.staff_id = per.staff_id
    where true
      ${tier === undefined ? sql`` : sql`and s.tier = ${tier}`}
      ${
        after === null
          ? sql``
          : sql`and (${TIER_RANK}, s.name, s.id) > (${after.tierRank}, ${after.name}, ${after.id}::uuid)`
      }
    order by tier_rank, s.name, s.id
    limit ${limit + 1}
  `.execute(db);
  return result.rows;
}

/** Per tier: how many agents were rated, and their figures together. */
export async function teamFigures(db: Database, period: Period) {
  const result = await sql<Figures & { tier: StaffTier; agents: number }>`
    with r as (
      select q.rating, q.ticket_id, q.staff_id, s.tier
      from (${rated(period)}) q join staff s on s.id = q.staff_id
    ),
    reopened as (
      select k.tier, sum(t.reopened_count)::int as reopenings
      from (select distinct r.tier, r.ticket_id from r) k
      join tickets t on t.id = k.ticket_id
      group by k.tier
    )
    select r.tier, count(distinct r.staff_id)::int as agents, count(*)::int as rated,
           count(*) filter (where r.rating = 'solved')::int as solved,
           count(*) filter (where r.rating = 'not-answered')::int as not_answered,
           coalesce(min(o.reopenings), 0)::int as reopenings
    from r left join reopened o on o.tier = r.tier
    group by r.tier
  `.execute(db);
  return result.rows;
}
