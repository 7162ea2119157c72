import { type Static, Type } from "@sinclair/typebox";
import { Page, PageQuery } from "../../http/pagination.ts";
import { NIC_PATTERN } from "../accounts/schemas.ts";
import { LevelCode, UniverseCode } from "./schemas.ts";

const Nic = Type.String({ pattern: NIC_PATTERN, description: "NIC handle, like ab1234-pal" });
const Instant = Type.String({ format: "date-time" });

export const AccountParams = Type.Object({ nic: Nic });
export const UniverseParams = Type.Object({ nic: Nic, universe: UniverseCode });

// ---- Subscriptions ---------------------------------------------------------------------------

export const HistoryEntry = Type.Object({
  id: Type.String({ format: "uuid" }),
  level: LevelCode,
  offerId: Type.String({ format: "uuid" }),
  startsAt: Instant,
  endsAt: Type.Union([Instant, Type.Null()]),
});

export const Subscription = Type.Object({
  universe: UniverseCode,
  level: LevelCode,
  offer: Type.Ref("SupportOffer"),
  isDefault: Type.Boolean({
    description: "True when the account never chose a level here: the lowest one applies",
  }),
  since: Type.Union([Instant, Type.Null()]),
  endsAt: Type.Union([Instant, Type.Null()], {
    description: "Set when a downgrade is scheduled: the current level ends then",
  }),
  pending: Type.Union([
    Type.Object({ level: LevelCode, offerId: Type.String({ format: "uuid" }), startsAt: Instant }),
    Type.Null(),
  ]),
  history: Type.Array(HistoryEntry, {
    description: "The 20 latest subscriptions that have started, newest first; see /history",
  }),
});

export const SubscriptionList = Type.Object({
  nicHandle: Type.String(),
  items: Type.Array(Subscription),
});

export const SubscriptionChange = Type.Object({
  change: Type.Union(
    [
      Type.Literal("upgraded"),
      Type.Literal("downgrade-scheduled"),
      Type.Literal("downgrade-cancelled"),
      Type.Literal("unchanged"),
    ],
    { description: "What the request did" },
  ),
  ...Subscription.properties,
});

export const SubscriptionPut = Type.Object({ level: LevelCode }, { additionalProperties: false });

export const HistoryQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const HistoryPage = Page(HistoryEntry);

export const ChargeQuery = Type.Object(
  {
    month: Type.String({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", description: "YYYY-MM" }),
    spendCents: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1_000_000_000_000,
        description: "The account's spend in the universe that month; needed by percent offers",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ChargeQuery = Static<typeof ChargeQuery>;

export const Charge = Type.Object({
  nicHandle: Type.String(),
  universe: UniverseCode,
  month: Type.String(),
  level: LevelCode,
  offerId: Type.String({ format: "uuid" }),
  priceModel: Type.Union([Type.Literal("flat"), Type.Literal("percent")]),
  pricePercent: Type.Union([Type.Number(), Type.Null()]),
  priceMinimumCents: Type.Integer(),
  spendCents: Type.Union([Type.Integer(), Type.Null()]),
  amountCents: Type.Integer(),
  currency: Type.String(),
});

// ---- Fast-Path -------------------------------------------------------------------------------

export const FastPathBody = Type.Object(
  {
    priceCents: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000_000, description: "Staff admins only" }),
    ),
    yearlyQuota: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, description: "Staff admins only" }),
    ),
  },
  { additionalProperties: false },
);
export type FastPathBody = Static<typeof FastPathBody>;

export const FastPath = Type.Object({
  nicHandle: Type.String(),
  active: Type.Boolean(),
  subscription: Type.Union([
    Type.Object({
      id: Type.String({ format: "uuid" }),
      priceCents: Type.Integer(),
      currency: Type.String(),
      yearlyQuota: Type.Integer(),
      startsAt: Instant,
    }),
    Type.Null(),
  ]),
  year: Type.Integer({ description: "The UTC calendar year the uses are counted in" }),
  usedThisYear: Type.Integer({ description: "Fast-Path tickets of the account this year" }),
  remaining: Type.Integer({ description: "Uses left this year; 0 without a subscription" }),
});
