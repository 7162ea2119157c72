import type { AppContext } from "../../http/context.ts";
import type { Principal } from "../../http/principal.ts";
import { yearBoundsUtc } from "../support/time.ts";
import { type Period, periodOf } from "./period.ts";
import { authorizeReport } from "./policy.ts";
import {
  presentAgentRatings,
  presentBacklog,
  presentCompliance,
  presentFastPath,
  presentPeriod,
  presentResponseTimes,
  presentTeamRatings,
} from "./presenter.ts";
import * as repo from "./repository.ts";
import type {
  BacklogReport,
  FastPathReport,
  RatingsReport,
  ReportQuery,
  ResponseTimesReport,
  SlaComplianceReport,
} from "./schemas.ts";

/** Reports are reads: the policy, the period, one query, the presenter. */

function prepare(ctx: AppContext, principal: Principal | null, query: ReportQuery) {
  authorizeReport(principal, "report.read");
  const now = ctx.clock.now();
  return { now, period: periodOf(query, now) };
}

export async function slaComplianceReport(
  ctx: AppContext,
  principal: Principal | null,
  query: ReportQuery,
): Promise<SlaComplianceReport> {
  const { now, period } = prepare(ctx, principal, query);
  const rows = await repo.slaCompliance(ctx.db, period, now);
  return { period: presentPeriod(period), items: rows.map(presentCompliance) };
}

export async function responseTimesReport(
  ctx: AppContext,
  principal: Principal | null,
  query: ReportQuery,
): Promise<ResponseTimesReport> {
  const { period } = prepare(ctx, principal, query);
  const rows = await repo.responseTimes(ctx.db, period);
  return { period: presentPeriod(period), items: rows.map(presentResponseTimes) };
}

export async function backlogReport(
  ctx: AppContext,
  principal: Principal | null,
  query: ReportQuery,
): Promise<BacklogReport> {
  const { now, period } = prepare(ctx, principal, query);
  const rows = await repo.backlog(ctx.db, period, now);
  return {
    period: presentPeriod(period),
    asOf: now.toISOString(),
    items: rows.map(presentBacklog),
  };
}

export async function ratingsReport(
  ctx: AppContext,
  principal: Principal | null,
  query: ReportQuery,
): Promise<RatingsReport> {
  const { period } = prepare(ctx, principal, query);
  const agents = await repo.ratings(ctx.db, period, "agent");
  const teams = await repo.ratings(ctx.db, period, "team");
  return {
    period: presentPeriod(period),
    agents: agents.map(presentAgentRatings),
    teams: teams.map(presentTeamRatings),
  };
}

/** The quota year is the UTC year of the period's last instant. */
function quotaYear(period: Period): Period & { year: number } {
  return yearBoundsUtc(new Date(period.to.getTime() - 1));
}

export async function fastPathReport(
  ctx: AppContext,
  principal: Principal | null,
  query: ReportQuery,
): Promise<FastPathReport> {
  const { period } = prepare(ctx, principal, query);
  const year = quotaYear(period);
  const rows = await repo.fastPathUse(ctx.db, period, year);
  return {
    period: presentPeriod(period),
    year: year.year,
    items: rows.map((row) => presentFastPath(row, period.to)),
  };
}
