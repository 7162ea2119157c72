import type { Insertable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { LevelCode, OffersTable, Universe } from "../../db/schema.ts";
import { LEVELS, OFFERED_LEVELS, priceOf, TERMS } from "./reference-data.ts";

const LANGUAGES = ["en", "fr", "ru"];

function offerRow(
  universe: Universe,
  level: LevelCode,
  audience: "all" | "commercial-partner",
): Insertable<OffersTable> {
  const terms = TERMS[level];
  const price = priceOf(universe, level);
  return {
    universe,
    level,
    audience,
    price_model: price.model,
    price_cents: price.model === "flat" ? price.cents : 0,
    price_percent: price.model === "percent" ? price.percent : null,
    price_minimum_cents: price.model === "percent" ? price.minimumCents : 0,
    currency: "EUR",
    channels: terms.channels,
    coverage: terms.coverage,
    languages: LANGUAGES,
    entry_tier: terms.entryTier,
    queue_priority: terms.queuePriority,
    first_response_minutes: JSON.stringify(terms.firstResponse),
    update_minutes: JSON.stringify(terms.update),
  };
}

/** Every seeded offer: the levels each universe sells plus its partner offer. */
export function shippedOffers(): Insertable<OffersTable>[] {
  return (Object.entries(OFFERED_LEVELS) as [Universe, LevelCode[]][]).flatMap(
    ([universe, levels]) => [
      ...levels.map((level) => offerRow(universe, level, "all")),
      offerRow(universe, "partner", "commercial-partner"),
    ],
  );
}

/**
 * Inserts the shipped levels and offers where missing; offers staff admins have edited keep
 * their edits. Needs the catalogue's universes, so it runs after seedCatalog.
 */
export async function seedSupport(db: Database): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("support_levels")
      .values(LEVELS.map((level) => ({ ...level, name: JSON.stringify(level.name) })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto("offers")
      .values(shippedOffers())
      .onConflict((oc) => oc.columns(["universe", "level"]).doNothing())
      .execute();
  });
}
