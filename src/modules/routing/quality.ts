import type { StaffTier } from "../../db/schema.ts";
import type { AppContext } from "../../http/context.ts";
import { decodeCursor, toPage } from "../../http/pagination.ts";
import type { Principal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import { periodOf } from "../reports/period.ts";
import { authorize } from "./policy.ts";
import { type AgentKey, agentFigures, teamFigures } from "./quality-repository.ts";
import { TIERS } from "./rules.ts";
import type { QualityAgentsQuery, QualityTeamsQuery } from "./schemas.ts";

/**
 * Quality figures for leads and admins: per agent and per team (the staff of one tier), the
 * answers rated in the period, the share rated "solved" and "not-answered", and how many times
 * the tickets holding those answers were reopened.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A share of the rated answers in percent, one decimal; null when nothing was rated. */
function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function figures(row: { rated: number; solved: number; not_answered: number; reopenings: number }) {
  return {
    answersRated: row.rated,
    solved: row.solved,
    notAnswered: row.not_answered,
    solvedPercent: percent(row.solved, row.rated),
    notAnsweredPercent: percent(row.not_answered, row.rated),
    reopenings: row.reopenings,
  };
}

function agentKeyOf(cursor: string | undefined): AgentKey | null {
  const key = decodeCursor(cursor, 3);
  if (key === null) return null;
  const [tierRank, name, id] = key;
  if (
    typeof tierRank !== "number" ||
    typeof name !== "string" ||
    typeof id !== "string" ||
    !UUID.test(id)
  ) {
    throw new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
      { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
    ]);
  }
  return { tierRank, name, id };
}

const presentPeriod = (period: { from: Date; to: Date }) => ({
  from: period.from.toISOString(),
  to: period.to.toISOString(),
});

/** Agents with rated answers in the period, by tier then name; one keyset page. */
export async function agentQuality(
  ctx: AppContext,
  principal: Principal,
  query: QualityAgentsQuery,
) {
  authorize(principal, "quality.read");
  const period = periodOf(query, ctx.clock.now());
  const limit = query.limit ?? 25;
  const rows = await agentFigures(ctx.db, period, {
    tier: query.tier,
    after: agentKeyOf(query.cursor),
    limit,
  });
  const page = toPage(
    rows,
    limit,
    (row) => [row.tier_rank, row.name, row.staff_id],
    (row) => ({ staffId: row.staff_id, name: row.name, tier: row.tier, ...figures(row) }),
  );
  return { period: presentPeriod(period), ...page };
}

/** Every tier, with the figures of its rated agents together (zeros when none was rated). */
export async function teamQuality(ctx: AppContext, principal: Principal, query: QualityTeamsQuery) {
  authorize(principal, "quality.read");
  const period = periodOf(query, ctx.clock.now());
  const rows = await teamFigures(ctx.db, period);
  const byTier = new Map(rows.map((row) => [row.tier, row]));
  const items = TIERS.map((tier: StaffTier) => {
    const row = byTier.get(tier);
    return {
      tier,
      agents: row?.agents ?? 0,
      ...figures(row ?? { rated: 0, solved: 0, not_answered: 0, reopenings: 0 }),
    };
  });
  return { period: presentPeriod(period), items };
}
