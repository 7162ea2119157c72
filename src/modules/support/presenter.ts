import type { Language, LevelCode, SeverityMinutes } from "../../db/schema.ts";
import type { OfferRow } from "./repository.ts";
import type { Offer } from "./schemas.ts";

/** jsonb reorders keys; severities read best in severity order. */
function bySeverity(minutes: SeverityMinutes): SeverityMinutes {
  return {
    critical: minutes.critical,
    high: minutes.high,
    medium: minutes.medium,
    low: minutes.low,
  };
}

export function presentOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    universe: row.universe,
    level: row.level,
    levelRank: row.rank,
    levelName: row.level_name,
    audience: row.audience,
    priceModel: row.price_model,
    priceCents: row.price_cents,
    pricePercent: row.price_percent === null ? null : Number(row.price_percent),
    priceMinimumCents: row.price_minimum_cents,
    currency: row.currency,
    channels: row.channels as Offer["channels"],
    coverage: row.coverage,
    languages: row.languages as Language[],
    entryTier: row.entry_tier,
    queuePriority: row.queue_priority,
    firstResponseMinutes: bySeverity(row.first_response_minutes),
    updateMinutes: bySeverity(row.update_minutes),
    active: row.active,
  };
}

export function presentHistoryEntry(row: {
  id: string;
  offer_id: string;
  level: LevelCode;
  starts_at: Date;
  ends_at: Date | null;
}) {
  return {
    id: row.id,
    level: row.level,
    offerId: row.offer_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at?.toISOString() ?? null,
  };
}
