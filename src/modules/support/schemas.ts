import { type Static, Type } from "@sinclair/typebox";
import { MAX_OFFER_QUEUE_PRIORITY } from "./reference-data.ts";

/** A string restricted to a few values, shown as an enum in the OpenAPI document. */
export function StringEnum<const T extends readonly string[]>(values: T, options: object = {}) {
  return Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });
}

export const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
export const LEVEL_CODES = ["standard", "premium", "partner", "business", "enterprise"] as const;
export const CHANNELS = ["ticket", "chat", "phone", "tam"] as const;
export const COVERAGES = ["business-hours", "24x7", "24x7-critical"] as const;
export const TIERS = ["L1", "L2", "L3", "TAM"] as const;
const LANGUAGES = ["en", "fr", "ru"] as const;

export const UniverseCode = StringEnum(UNIVERSES);
export const LevelCode = StringEnum(LEVEL_CODES);
const Coverage = StringEnum(COVERAGES, {
  description:
    "business-hours: the subscriber region's business calendar; 24x7: around the clock; " +
    "24x7-critical: around the clock for critical tickets, business hours otherwise",
});
const Tier = StringEnum(TIERS);
const Translations = Type.Object({ en: Type.String(), fr: Type.String(), ru: Type.String() });

/** At most a year: a target beyond that is a typo, not a commitment. */
const TargetMinutes = Type.Integer({ minimum: 1, maximum: 525_600 });
export const SeverityMinutes = Type.Object(
  { critical: TargetMinutes, high: TargetMinutes, medium: TargetMinutes, low: TargetMinutes },
  { additionalProperties: false, description: "Minutes per severity; every severity is required" },
);

// ---- Levels ----------------------------------------------------------------------------------

export const Level = Type.Object({
  code: LevelCode,
  rank: Type.Integer({
    description:
      "Higher is better: Standard 10, Premium 20, Partner 25, Business 30, Enterprise 40",
  }),
  name: Translations,
  offeredIn: Type.Array(UniverseCode, { description: "Universes with an active offer" }),
});

export const LevelList = Type.Object({ items: Type.Array(Level) });

// ---- Offers ----------------------------------------------------------------------------------

export const Offer = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    universe: UniverseCode,
    level: LevelCode,
    levelRank: Type.Integer(),
    levelName: Translations,
    audience: StringEnum(["all", "commercial-partner"] as const, {
      description: "commercial-partner: only for commercial partners of the universe",
    }),
    priceModel: StringEnum(["flat", "percent"] as const, {
      description:
        "flat: priceCents a month; percent: pricePercent of the month's spend in " +
        "the universe, at least priceMinimumCents",
    }),
    priceCents: Type.Integer(),
    pricePercent: Type.Union([Type.Number(), Type.Null()]),
    priceMinimumCents: Type.Integer(),
    currency: Type.String(),
    channels: Type.Array(StringEnum(CHANNELS)),
    coverage: Coverage,
    languages: Type.Array(StringEnum(LANGUAGES)),
    entryTier: Tier,
    queuePriority: Type.Integer({ description: "Higher goes first at equal due time" }),
    firstResponseMinutes: SeverityMinutes,
    updateMinutes: SeverityMinutes,
    active: Type.Boolean(),
  },
  { $id: "SupportOffer", title: "SupportOffer" },
);
export type Offer = Static<typeof Offer>;

export const OfferListQuery = Type.Object(
  { universe: Type.Optional(UniverseCode) },
  { additionalProperties: false },
);

export const OfferParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export const OfferPatch = Type.Object(
  {
    priceModel: Type.Optional(StringEnum(["flat", "percent"] as const)),
    priceCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    pricePercent: Type.Optional(
      Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 100 }), Type.Null()]),
    ),
    priceMinimumCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    currency: Type.Optional(Type.String({ pattern: "^[A-Z]{3}$" })),
    channels: Type.Optional(
      Type.Array(StringEnum(CHANNELS), {
        minItems: 1,
        uniqueItems: true,
        description: "Must include ticket",
      }),
    ),
    coverage: Type.Optional(Coverage),
    languages: Type.Optional(Type.Array(StringEnum(LANGUAGES), { minItems: 1, uniqueItems: true })),
    entryTier: Type.Optional(Tier),
    queuePriority: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_OFFER_QUEUE_PRIORITY,
        description: "0 to 99; Fast-Path tickets (100) always go first",
      }),
    ),
    firstResponseMinutes: Type.Optional(SeverityMinutes),
    updateMinutes: Type.Optional(SeverityMinutes),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OfferPatch = Static<typeof OfferPatch>;
