import { type Static, Type } from "@sinclair/typebox";
import { Nullable } from "../../http/openapi.ts";
import { Page, PageQuery } from "../../http/pagination.ts";
import { SERVICE_NAME_PATTERN } from "../services/schemas.ts";
import { STAFF_STATUSES } from "./rules.ts";

/** A string enum: `enum` in the OpenAPI document, which client generators read best. */
export function literals<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({
    type: "string",
    enum: [...values],
    ...(description ? { description } : {}),
  });
}
const nullable = Nullable;
const DateTime = Type.String({ format: "date-time" });

export const CATEGORIES = ["incident", "assistance", "billing", "commercial", "account"] as const;
export const SCALES = ["low", "medium", "high"] as const;
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const STATUSES = [
  "open",
  "waiting-for-customer",
  "waiting-for-provider",
  "on-hold",
  "solved",
  "closed",
] as const;
const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
const LANGUAGES = ["en", "fr", "ru"] as const;
const TIERS = ["L1", "L2", "L3", "TAM"] as const;

export const CategoryT = literals(CATEGORIES);
export const ScaleT = literals(SCALES);
export const SeverityT = literals(SEVERITIES);
export const StatusT = literals(STATUSES);
export const StaffStatusT = literals(STAFF_STATUSES);
export const UniverseT = literals(UNIVERSES);
const ServiceName = Type.String({ pattern: SERVICE_NAME_PATTERN, maxLength: 253 });
const Area = Type.String({
  pattern: "^[a-z0-9][a-z0-9-]{1,62}$",
  description: "An area of the product's responsibility matrix",
});
export const AttachmentIds = Type.Array(Type.String({ format: "uuid" }), {
  maxItems: 20,
  uniqueItems: true,
  description: "Ids returned by POST /attachments, uploaded by the caller and not yet used",
});

export const TicketParams = Type.Object({
  number: Type.String({
    pattern: "^([Pp][Aa][Ll]-)?[0-9]{1,15}$",
    description: "The ticket number, as PAL-100123 or 100123",
  }),
});
export type TicketParams = Static<typeof TicketParams>;

export const CreateTicketBody = Type.Object(
  {
    category: CategoryT,
    service: Type.Optional(
      Type.String({
        ...ServiceName,
        description: "Required for incident, assistance and billing; absent otherwise",
      }),
    ),
    universe: Type.Optional(
      literals(UNIVERSES, "Required for commercial and account questions, which have no service"),
    ),
    impact: ScaleT,
    urgency: ScaleT,
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 50_000 }),
    language: Type.Optional(literals(LANGUAGES, "Defaults to the user's language")),
    area: Type.Optional(Area),
    fastPath: Type.Optional(Type.Boolean({ default: false })),
    attachments: Type.Optional(AttachmentIds),
  },
  { additionalProperties: false },
);
export type CreateTicketBody = Static<typeof CreateTicketBody>;

export const IntakeQuery = Type.Object(
  {
    service: Type.Optional(ServiceName),
    universe: Type.Optional(UniverseT),
    area: Type.Optional(Area),
    category: Type.Optional(CategoryT),
    severity: Type.Optional(SeverityT),
    impact: Type.Optional(ScaleT),
    urgency: Type.Optional(ScaleT),
    fastPath: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type IntakeQuery = Static<typeof IntakeQuery>;

export const TicketListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(StatusT),
    service: Type.Optional(ServiceName),
    universe: Type.Optional(UniverseT),
    severity: Type.Optional(SeverityT),
    category: Type.Optional(CategoryT),
    assigned: Type.Optional(literals(["me"] as const, "Staff: tickets assigned to me")),
    account: Type.Optional(
      Type.String({
        pattern: "^[a-z]{2}[0-9]{1,6}-pal$",
        description: "Staff: tickets opened by this account (its NIC handle)",
      }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "Words in the subject" }),
    ),
  },
  { additionalProperties: false },
);
export type TicketListQuery = Static<typeof TicketListQuery>;

const SeverityMinutes = Type.Object({
  critical: Type.Number(),
  high: Type.Number(),
  medium: Type.Number(),
  low: Type.Number(),
});

export const EntitlementBody = Type.Object({
  level: Type.String(),
  levelRank: Type.Integer(),
  offerId: nullable(Type.String()),
  universe: Type.String(),
  coverage: Type.String(),
  calendar: nullable(Type.String({ description: "Business calendar; null for a 24/7 clock" })),
  firstResponseMinutes: Type.Number(),
  updateMinutes: Type.Number(),
  targets: Type.Object({ firstResponse: SeverityMinutes, update: SeverityMinutes }),
  entryTier: Type.String(),
  fastPath: Type.Boolean(),
  subscriberNic: nullable(Type.String()),
  reasonCode: Type.String(),
  reason: Type.String({ description: "Why this entitlement applies" }),
});

const Sla = Type.Object({
  clock: nullable(literals(["first-response", "next-response"] as const)),
  paused: Type.Boolean(),
  dueAt: nullable(DateTime),
  pausedRemainingMinutes: nullable(Type.Number()),
  firstResponseDueAt: nullable(DateTime),
  firstRespondedAt: nullable(DateTime),
  nextResponseDueAt: nullable(DateTime),
  breachedAt: nullable(DateTime),
});

const StaffFields = Type.Object(
  {
    tier: literals(TIERS),
    queuePriority: Type.Integer(),
    assignedStaffId: nullable(Type.String()),
    warnedAt: nullable(DateTime),
    slaWarnAt: nullable(DateTime),
  },
  { description: "Present for staff only" },
);

const summaryProperties = {
  number: Type.String({ description: "e.g. PAL-100123" }),
  subject: Type.String(),
  category: CategoryT,
  status: StatusT,
  severity: SeverityT,
  universe: UniverseT,
  product: nullable(Type.String()),
  serviceName: nullable(Type.String()),
  accountNic: Type.String({ description: "The requester's account" }),
  language: literals(LANGUAGES),
  responsibilityArea: nullable(Type.String()),
  outOfPerimeter: Type.Boolean(),
  fastPath: Type.Boolean(),
  level: Type.String({ description: "Support level of the entitlement" }),
  dueAt: nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  staff: Type.Optional(StaffFields),
};
export const TicketSummary = Type.Object(summaryProperties);
export const TicketPage = Page(TicketSummary);

export const TicketDetail = Type.Object({
  ...summaryProperties,
  impact: ScaleT,
  urgency: ScaleT,
  requester: Type.Object({ nicHandle: Type.String(), name: nullable(Type.String()) }),
  entitlement: EntitlementBody,
  sla: Sla,
  solvedAt: nullable(DateTime),
  closedAt: nullable(DateTime),
  reopenedCount: Type.Integer(),
});

const Partner = Type.Object({ nicHandle: Type.String(), name: Type.String() });

export const IntakeResult = Type.Object({
  service: nullable(Type.String()),
  product: nullable(Type.String()),
  universe: UniverseT,
  severity: SeverityT,
  area: nullable(
    Type.Object({
      area: Type.String(),
      owner: literals(["provider", "customer", "shared"] as const),
      explanation: Type.String({ description: "In the caller's language" }),
    }),
  ),
  outOfPerimeter: Type.Boolean(),
  help: nullable(
    Type.Object(
      {
        documentationUrl: Type.String(),
        partners: Type.Array(Partner, { description: "Certified technical partners" }),
      },
      { description: "Where to get help when the area is the customer's" },
    ),
  ),
  entitlement: EntitlementBody,
  firstResponse: Type.Object({
    minutes: Type.Number(),
    dueAt: DateTime,
  }),
  fastPath: Type.Object({
    requested: Type.Boolean(),
    granted: Type.Boolean(),
    refusal: nullable(Type.String({ description: "Why Fast-Path would be refused" })),
    refusalCode: nullable(
      Type.String({
        description:
          "The refusal's problem code (fast_path_not_subscribed, fast_path_not_tech_contact, fast_path_quota_exhausted), for clients that word it themselves",
      }),
    ),
  }),
});
