import { type Static, Type } from "@sinclair/typebox";
import { Nullable } from "../../http/openapi.ts";
import { StringEnum } from "../support/schemas.ts";
import { DEFAULT_PERIOD_DAYS, MAX_PERIOD_DAYS } from "./period.ts";

const nullable = Nullable;
const DateTime = Type.String({ format: "date-time" });
const Count = Type.Integer({ minimum: 0 });
const Percent = (description: string) =>
  nullable(Type.Number({ minimum: 0, maximum: 100, description }));
const Minutes = nullable(Type.Number({ minimum: 0 }));

const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
const TIERS = ["L1", "L2", "L3", "TAM"] as const;
const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const LANGUAGES = ["en", "fr", "ru"] as const;

export const ReportQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        format: "date-time",
        description: `Start of the period, included (ISO 8601 instant). Default: ${DEFAULT_PERIOD_DAYS} days before to; at most ${MAX_PERIOD_DAYS} days before it`,
      }),
    ),
    to: Type.Optional(
      Type.String({
        format: "date-time",
        description: "End of the period, excluded (ISO 8601 instant). Default: now",
      }),
    ),
    format: Type.Optional(
      StringEnum(["json", "csv"] as const, {
        description:
          "csv: RFC 4180 with a header row, as an attachment. Without it, Accept: text/csv asks for CSV too",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

const PeriodBody = Type.Object({ from: DateTime, to: DateTime });

const Universe = StringEnum(UNIVERSES);
const Level = Type.String({
  description:
    "The entitlement's level (standard, premium, partner, business, enterprise), or fast-path for Fast-Path tickets",
});

export const SlaComplianceReport = Type.Object({
  period: PeriodBody,
  items: Type.Array(
    Type.Object({
      universe: Universe,
      level: Level,
      severity: StringEnum(SEVERITIES),
      tickets: Type.Integer({ description: "Tickets created in the period" }),
      firstResponses: Count,
      firstResponsesWithinTarget: Count,
      lateFirstResponses: Type.Integer({
        minimum: 0,
        description: "Answered after the due time, or unanswered and already past it",
      }),
      breaches: Type.Integer({
        minimum: 0,
        description:
          "Tickets with a breach of either clock: a breach event, a late first response, or a clock running past its due time",
      }),
      compliancePercent: Percent("Share of the tickets without a breach"),
    }),
  ),
});

const Percentiles = Type.Object({
  count: Type.Integer({ description: "Tickets measured" }),
  p50: Minutes,
  p90: Minutes,
  p95: Minutes,
  p99: Minutes,
});

export const ResponseTimesReport = Type.Object({
  period: PeriodBody,
  items: Type.Array(
    Type.Object({
      universe: Universe,
      level: Level,
      tickets: Type.Integer({ description: "Tickets created in the period" }),
      firstResponseMinutes: Type.Object(Percentiles.properties, {
        description: "Wall-clock minutes from creation to the first public answer",
      }),
      resolutionMinutes: Type.Object(Percentiles.properties, {
        description: "Wall-clock minutes from creation to the solution",
      }),
    }),
  ),
});

export const BacklogReport = Type.Object({
  period: PeriodBody,
  asOf: Type.String({ format: "date-time", description: "When the backlog was read" }),
  items: Type.Array(
    Type.Object({
      universe: Universe,
      tier: StringEnum(TIERS),
      language: StringEnum(LANGUAGES),
      open: Type.Integer({ description: "Not solved or closed" }),
      unassigned: Count,
      assigned: Count,
      paused: Type.Integer({ description: "Waiting for the customer or on hold" }),
      breached: Type.Integer({ description: "Past due now, or marked breached by the sweeper" }),
      oldestDueAt: nullable(
        Type.String({ format: "date-time", description: "Earliest due time of a running clock" }),
      ),
      oldestCreatedAt: DateTime,
    }),
  ),
});

const RatingFigures = {
  answersRated: Count,
  solved: Count,
  notAnswered: Count,
  solvedPercent: Percent("Ratings saying the answer solved the problem"),
  notAnsweredPercent: Percent("Ratings saying the answer missed the question"),
  reopenings: Type.Integer({
    minimum: 0,
    description: "Reopenings of the tickets holding the rated answers, each ticket counted once",
  }),
};

export const RatingsReport = Type.Object({
  period: PeriodBody,
  agents: Type.Array(
    Type.Object({
      staffId: Type.String({ format: "uuid" }),
      name: Type.String(),
      tier: StringEnum(TIERS),
      ...RatingFigures,
    }),
  ),
  teams: Type.Array(
    Type.Object({
      tier: StringEnum(TIERS, { description: "A team is the staff of one tier" }),
      agents: Type.Integer({ description: "Agents of the team with rated answers" }),
      ...RatingFigures,
    }),
  ),
});

export const FastPathReport = Type.Object({
  period: PeriodBody,
  year: Type.Integer({ description: "The UTC year holding the period's end, as quotas count" }),
  items: Type.Array(
    Type.Object({
      nicHandle: Type.String(),
      name: Type.String(),
      active: Type.Boolean({ description: "Fast-Path in force at the period's end" }),
      yearlyQuota: nullable(Type.Integer()),
      usedInPeriod: Count,
      usedInYear: Count,
      remaining: Type.Integer({
        minimum: 0,
        description: "Uses left in the year while Fast-Path is in force; 0 otherwise",
      }),
    }),
  ),
});

export type SlaComplianceReport = Static<typeof SlaComplianceReport>;
export type ResponseTimesReport = Static<typeof ResponseTimesReport>;
export type BacklogReport = Static<typeof BacklogReport>;
export type RatingsReport = Static<typeof RatingsReport>;
export type FastPathReport = Static<typeof FastPathReport>;
