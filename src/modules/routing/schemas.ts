import { type Static, Type } from "@sinclair/typebox";
import { Nullable } from "../../http/openapi.ts";
import { Page, PageQuery } from "../../http/pagination.ts";
import { literals } from "../tickets/schemas.ts";

const nullable = Nullable;
const DateTime = Type.String({ format: "date-time" });
const Count = Type.Integer({ minimum: 0 });

const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
const TIERS = ["L1", "L2", "L3", "TAM"] as const;
const LANGUAGES = ["en", "fr", "ru"] as const;
const TicketNumber = Type.String({
  pattern: "^([Pp][Aa][Ll]-)?[0-9]{1,15}$",
  description: "The ticket number, as PAL-100123 or 100123",
});

export const QueueParams = Type.Object({
  universe: literals(UNIVERSES),
  tier: literals(TIERS),
  language: literals(LANGUAGES),
});
export type QueueParams = Static<typeof QueueParams>;

export const QueueTicketsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type QueueTicketsQuery = Static<typeof QueueTicketsQuery>;

export const QueueList = Type.Object({
  items: Type.Array(
    Type.Object({
      universe: literals(UNIVERSES),
      tier: literals(TIERS),
      language: literals(LANGUAGES),
      unassigned: Type.Integer({
        minimum: 0,
        description: "Open or waiting-for-provider tickets nobody holds",
      }),
      breached: Type.Integer({
        minimum: 0,
        description: "Of those, the ones whose running clock is past due",
      }),
      atRisk: Type.Integer({
        minimum: 0,
        description: "Of those, the ones under 25 % of their target left, not yet past due",
      }),
      soonestDueAt: nullable(DateTime),
    }),
  ),
});

export const AssignBody = Type.Object(
  { staffId: Type.String({ format: "uuid", description: "An active agent or lead" }) },
  { additionalProperties: false },
);
export type AssignBody = Static<typeof AssignBody>;

export const EscalateBody = Type.Object(
  {
    summary: Type.String({
      minLength: 1,
      maxLength: 20_000,
      description:
        "Mandatory: what was done and why the next tier is needed; kept as an internal note",
    }),
  },
  { additionalProperties: false },
);
export type EscalateBody = Static<typeof EscalateBody>;

export const TicketNumberParams = Type.Object({ number: TicketNumber });

export const EscalationList = Type.Object({
  items: Type.Array(
    Type.Object({
      fromTier: literals(TIERS),
      toTier: literals(TIERS),
      reason: literals(["manual", "breach", "rating"] as const),
      by: nullable(Type.Object({ staffId: Type.String(), name: nullable(Type.String()) })),
      at: DateTime,
    }),
  ),
});

export const RatingParams = Type.Object({
  number: TicketNumber,
  messageId: Type.String({ format: "uuid" }),
});
export type RatingParams = Static<typeof RatingParams>;

export const RatingBody = Type.Object(
  {
    rating: literals(
      ["solved", "not-answered"] as const,
      "solved: the answer solved my problem; not-answered: it did not address my question",
    ),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const RatingResult = Type.Object({
  messageId: Type.String(),
  number: Type.String(),
  rating: literals(["solved", "not-answered"] as const),
  comment: nullable(Type.String()),
  createdAt: DateTime,
  ticket: Type.Object({
    status: Type.String(),
    severity: Type.String(),
  }),
});

const periodQuery = {
  from: Type.Optional(
    Type.String({
      format: "date-time",
      description:
        "Start of the period, included. Default: 30 days before to; at most 366 days before it",
    }),
  ),
  to: Type.Optional(
    Type.String({ format: "date-time", description: "End of the period, excluded. Default: now" }),
  ),
};

export const QualityAgentsQuery = Type.Object(
  { ...periodQuery, tier: Type.Optional(literals(TIERS)), ...PageQuery },
  { additionalProperties: false },
);
export type QualityAgentsQuery = Static<typeof QualityAgentsQuery>;

export const QualityTeamsQuery = Type.Object({ ...periodQuery }, { additionalProperties: false });
export type QualityTeamsQuery = Static<typeof QualityTeamsQuery>;

const Percent = (description: string) =>
  nullable(Type.Number({ minimum: 0, maximum: 100, description }));

const figures = {
  answersRated: Count,
  solved: Count,
  notAnswered: Count,
  solvedPercent: Percent("Share of the rated answers rated solved; null when none was rated"),
  notAnsweredPercent: Percent("Share of the rated answers rated not-answered"),
  reopenings: Type.Integer({
    minimum: 0,
    description: "Reopenings of the tickets holding the rated answers, each ticket counted once",
  }),
};
const PeriodBody = Type.Object({ from: DateTime, to: DateTime });

export const AgentQualityPage = Type.Composite([
  Type.Object({ period: PeriodBody }),
  Page(
    Type.Object({
      staffId: Type.String(),
      name: Type.String(),
      tier: literals(TIERS),
      ...figures,
    }),
  ),
]);

export const TeamQuality = Type.Object({
  period: PeriodBody,
  items: Type.Array(Type.Object({ tier: literals(TIERS), agents: Count, ...figures })),
});
