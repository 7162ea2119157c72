import type { Column } from "./csv.ts";
import type { Period } from "./period.ts";
import type {
  BacklogRow,
  ComplianceRow,
  FastPathRow,
  RatingsRow,
  ResponseTimesRow,
} from "./repository.ts";
import type {
  BacklogReport,
  FastPathReport,
  RatingsReport,
  ResponseTimesReport,
  SlaComplianceReport,
} from "./schemas.ts";

/** What leaves: camelCase JSON, ISO instants, minutes and percentages to one decimal. */

const oneDecimal = (value: number) => Math.round(value * 10) / 10;
const percent = (part: number, whole: number) =>
  whole === 0 ? null : oneDecimal((100 * part) / whole);
const iso = (value: Date | null) => (value === null ? null : value.toISOString());

export function presentPeriod(period: Period) {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}

export type ComplianceItem = SlaComplianceReport["items"][number];
export function presentCompliance(row: ComplianceRow): ComplianceItem {
  return {
    universe: row.universe as ComplianceItem["universe"],
    level: row.level,
    severity: row.severity as ComplianceItem["severity"],
    tickets: row.tickets,
    firstResponses: row.first_responses,
    firstResponsesWithinTarget: row.within_target,
    lateFirstResponses: row.late_first_responses,
    breaches: row.breaches,
    compliancePercent: percent(row.tickets - row.breaches, row.tickets),
  };
}

function percentiles(count: number, values: number[] | null) {
  const at = (k: number) => {
    const value = values?.[k];
    return value === undefined || value === null ? null : oneDecimal(Number(value));
  };
  return { count, p50: at(0), p90: at(1), p95: at(2), p99: at(3) };
}

export type ResponseTimesItem = ResponseTimesReport["items"][number];
export function presentResponseTimes(row: ResponseTimesRow): ResponseTimesItem {
  return {
    universe: row.universe as ResponseTimesItem["universe"],
    level: row.level,
    tickets: row.tickets,
    firstResponseMinutes: percentiles(row.first_responses, row.first_response_minutes),
    resolutionMinutes: percentiles(row.solved, row.resolution_minutes),
  };
}

export type BacklogItem = BacklogReport["items"][number];
export function presentBacklog(row: BacklogRow): BacklogItem {
  return {
    universe: row.universe as BacklogItem["universe"],
    tier: row.tier as BacklogItem["tier"],
    language: row.language as BacklogItem["language"],
    open: row.open,
    unassigned: row.unassigned,
    assigned: row.assigned,
    paused: row.paused,
    breached: row.breached,
    oldestDueAt: iso(row.oldest_due_at),
    oldestCreatedAt: row.oldest_created_at.toISOString(),
  };
}

function ratingFigures(row: RatingsRow) {
  return {
    answersRated: row.rated,
    solved: row.solved,
    notAnswered: row.not_answered,
    solvedPercent: percent(row.solved, row.rated),
    notAnsweredPercent: percent(row.not_answered, row.rated),
    reopenings: row.reopenings,
  };
}

export type AgentRatings = RatingsReport["agents"][number];
export type TeamRatings = RatingsReport["teams"][number];
export function presentAgentRatings(row: RatingsRow): AgentRatings {
  return {
    staffId: row.staff_id ?? "",
    name: row.name ?? "",
    tier: row.tier as AgentRatings["tier"],
    ...ratingFigures(row),
  };
}
export function presentTeamRatings(row: RatingsRow): TeamRatings {
  return { tier: row.tier as TeamRatings["tier"], agents: row.agents, ...ratingFigures(row) };
}

export type FastPathItem = FastPathReport["items"][number];
/** `end` is the period's end: whether Fast-Path is in force then decides what remains. */
export function presentFastPath(row: FastPathRow, end: Date): FastPathItem {
  const active =
    row.starts_at !== null &&
    row.starts_at < end &&
    (row.ends_at === null || row.ends_at.getTime() >= end.getTime());
  return {
    nicHandle: row.nic_handle,
    name: row.name,
    active,
    yearlyQuota: row.yearly_quota,
    usedInPeriod: row.period_uses,
    usedInYear: row.year_uses,
    remaining:
      active && row.yearly_quota !== null ? Math.max(0, row.yearly_quota - row.year_uses) : 0,
  };
}

// ---- CSV columns: one flat table per report --------------------------------------------------

export const complianceColumns: Column<ComplianceItem>[] = [
  { header: "universe", value: (r) => r.universe },
  { header: "level", value: (r) => r.level },
  { header: "severity", value: (r) => r.severity },
  { header: "tickets", value: (r) => r.tickets },
  { header: "first_responses", value: (r) => r.firstResponses },
  { header: "first_responses_within_target", value: (r) => r.firstResponsesWithinTarget },
  { header: "late_first_responses", value: (r) => r.lateFirstResponses },
  { header: "breaches", value: (r) => r.breaches },
  { header: "compliance_percent", value: (r) => r.compliancePercent },
];

const percentileColumns = (
  prefix: string,
  read: (r: ResponseTimesItem) => ResponseTimesItem["firstResponseMinutes"],
): Column<ResponseTimesItem>[] => [
  { header: `${prefix}_count`, value: (r) => read(r).count },
  { header: `${prefix}_p50_minutes`, value: (r) => read(r).p50 },
  { header: `${prefix}_p90_minutes`, value: (r) => read(r).p90 },
  { header: `${prefix}_p95_minutes`, value: (r) => read(r).p95 },
  { header: `${prefix}_p99_minutes`, value: (r) => read(r).p99 },
];

export const responseTimesColumns: Column<ResponseTimesItem>[] = [
  { header: "universe", value: (r) => r.universe },
  { header: "level", value: (r) => r.level },
  { header: "tickets", value: (r) => r.tickets },
  ...percentileColumns("first_response", (r) => r.firstResponseMinutes),
  ...percentileColumns("resolution", (r) => r.resolutionMinutes),
];

export const backlogColumns: Column<BacklogItem>[] = [
  { header: "universe", value: (r) => r.universe },
  { header: "tier", value: (r) => r.tier },
  { header: "language", value: (r) => r.language },
  { header: "open", value: (r) => r.open },
  { header: "unassigned", value: (r) => r.unassigned },
  { header: "assigned", value: (r) => r.assigned },
  { header: "paused", value: (r) => r.paused },
  { header: "breached", value: (r) => r.breached },
  { header: "oldest_due_at", value: (r) => r.oldestDueAt },
  { header: "oldest_created_at", value: (r) => r.oldestCreatedAt },
];

/** Agents and teams in one table: `scope` says which, agent columns are empty on team rows. */
export type RatingsCsvRow = { scope: "agent" | "team" } & Partial<AgentRatings> & TeamRatingsLike;
type TeamRatingsLike = Omit<TeamRatings, "agents"> & { agents?: number };

export function ratingsCsvRows(report: RatingsReport): RatingsCsvRow[] {
  return [
    ...report.agents.map((a) => ({ scope: "agent" as const, ...a })),
    ...report.teams.map((t) => ({ scope: "team" as const, ...t })),
  ];
}

export const ratingsColumns: Column<RatingsCsvRow>[] = [
  { header: "scope", value: (r) => r.scope },
  { header: "tier", value: (r) => r.tier },
  { header: "staff_id", value: (r) => r.staffId ?? null },
  { header: "name", value: (r) => r.name ?? null },
  { header: "agents", value: (r) => r.agents ?? null },
  { header: "answers_rated", value: (r) => r.answersRated },
  { header: "solved", value: (r) => r.solved },
  { header: "not_answered", value: (r) => r.notAnswered },
  { header: "solved_percent", value: (r) => r.solvedPercent },
  { header: "not_answered_percent", value: (r) => r.notAnsweredPercent },
  { header: "reopenings", value: (r) => r.reopenings },
];

export const fastPathColumns: Column<FastPathItem>[] = [
  { header: "nic_handle", value: (r) => r.nicHandle },
  { header: "name", value: (r) => r.name },
  { header: "active", value: (r) => r.active },
  { header: "yearly_quota", value: (r) => r.yearlyQuota },
  { header: "used_in_period", value: (r) => r.usedInPeriod },
  { header: "used_in_year", value: (r) => r.usedInYear },
  { header: "remaining", value: (r) => r.remaining },
];
