import type {
  Coverage,
  LevelCode,
  SeverityMinutes,
  StaffTier,
  Translations,
  Universe,
} from "../../db/schema.ts";

/**
 * The shipped support levels and offers, seeded where missing and then owned by staff admins.
 *
 * Ranks are the level numbers of the product (1 Standard ... 4 Enterprise) times ten, so the
 * partner level can sit between Premium and Business (25) in a unique integer column: a partner
 * level beats a client's Standard or Premium, but not Business or Enterprise.
 */
export const LEVELS: { code: LevelCode; rank: number; name: Translations }[] = [
  { code: "standard", rank: 10, name: { en: "Standard", fr: "Standard", ru: "Стандартный" } },
  { code: "premium", rank: 20, name: { en: "Premium", fr: "Premium", ru: "Премиум" } },
  { code: "partner", rank: 25, name: { en: "Partner", fr: "Partenaire", ru: "Партнёрский" } },
  { code: "business", rank: 30, name: { en: "Business", fr: "Business", ru: "Бизнес" } },
  {
    code: "enterprise",
    rank: 40,
    name: { en: "Enterprise", fr: "Entreprise", ru: "Корпоративный" },
  },
];

/** Levels sold to everyone in each universe; every universe also has a partner offer. */
export const OFFERED_LEVELS: Record<Universe, LevelCode[]> = {
  market: ["standard", "premium"],
  server: ["standard", "premium", "business"],
  "public-cloud": ["standard", "premium", "business"],
  enterprise: ["premium", "business", "enterprise"],
};

/** Queue priorities leave room below Fast-Path, which always goes first. */
export const MAX_OFFER_QUEUE_PRIORITY = 99;

interface OfferTerms {
  coverage: Coverage;
  entryTier: StaffTier;
  queuePriority: number;
  channels: string[];
  firstResponse: SeverityMinutes;
  update: SeverityMinutes;
}

const minutes = (critical: number, high: number, medium: number, low: number) => ({
  critical,
  high,
  medium,
  low,
});

/**
 * Service terms per level, identical in every universe that sells the level. Update targets
 * follow the first-response ones: the same for Standard (a business-hours day is already
 * slow), about twice as long above it, and at most a day (Premium) or less.
 */
export const TERMS: Record<LevelCode, OfferTerms> = {
  standard: {
    coverage: "business-hours",
    entryTier: "L1",
    queuePriority: 10,
    channels: ["ticket"],
    firstResponse: minutes(480, 1440, 2880, 4320),
    update: minutes(480, 1440, 2880, 4320),
  },
  premium: {
    coverage: "24x7-critical",
    entryTier: "L1",
    queuePriority: 20,
    channels: ["ticket", "chat"],
    firstResponse: minutes(120, 240, 480, 1440),
    update: minutes(240, 480, 960, 1440),
  },
  partner: {
    coverage: "24x7-critical",
    entryTier: "L2",
    queuePriority: 30,
    channels: ["ticket", "chat", "phone"],
    firstResponse: minutes(90, 180, 360, 1080),
    update: minutes(180, 360, 720, 1440),
  },
  business: {
    coverage: "24x7",
    entryTier: "L2",
    queuePriority: 40,
    channels: ["ticket", "chat", "phone"],
    firstResponse: minutes(60, 120, 240, 720),
    update: minutes(120, 240, 480, 1440),
  },
  enterprise: {
    coverage: "24x7",
    entryTier: "TAM",
    queuePriority: 50,
    channels: ["ticket", "chat", "phone", "tam"],
    firstResponse: minutes(15, 60, 120, 480),
    update: minutes(60, 120, 240, 480),
  },
};

export type PriceTerms =
  | { model: "flat"; cents: number }
  | { model: "percent"; percent: number; minimumCents: number };

/**
 * Monthly prices in EUR: Standard is included; Premium is flat (cheaper where services are
 * cheap); Business and Enterprise are a share of the month's spend in the universe with a
 * floor; the partner level is part of the partner programme.
 */
export function priceOf(universe: Universe, level: LevelCode): PriceTerms {
  switch (level) {
    case "standard":
    case "partner":
      return { model: "flat", cents: 0 };
    case "premium":
      return {
        model: "flat",
        cents: universe === "market" ? 5_000 : universe === "enterprise" ? 29_000 : 9_000,
      };
    case "business":
      return {
        model: "percent",
        percent: 10,
        minimumCents: universe === "enterprise" ? 150_000 : 50_000,
      };
    case "enterprise":
      return { model: "percent", percent: 8, minimumCents: 500_000 };
  }
}
