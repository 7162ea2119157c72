import type { Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { OffersTable, Severity, SeverityMinutes, Universe } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, type FieldError, notFound } from "../../http/problem.ts";
import { recordAudit } from "../audit/recorder.ts";
import { authorize } from "./policy.ts";
import { presentOffer } from "./presenter.ts";
import * as repo from "./repository.ts";
import type { Offer, OfferPatch } from "./schemas.ts";

const SEVERITIES: Severity[] = ["critical", "high", "medium", "low"];

/** The five levels with the universes that sell them (published). */
export async function listLevels(db: Database, principal: Principal | null) {
  authorize(principal, "levels.read");
  const [levels, offered] = await Promise.all([repo.listLevels(db), repo.offeredUniverses(db)]);
  return {
    items: levels.map((level) => ({
      code: level.code,
      rank: level.rank,
      name: level.name,
      offeredIn: offered.filter((o) => o.level === level.code).map((o) => o.universe),
    })),
  };
}

/**
 * Offers in universe order, then by rank (published). Not paginated: (universe, level) is
 * unique over four universes and five levels, so there are never more than twenty.
 */
export async function listOffers(
  db: Database,
  principal: Principal | null,
  query: { universe?: Universe | undefined },
): Promise<{ items: Offer[] }> {
  authorize(principal, "offers.read");
  const rows = await repo.listOffers(db, { universe: query.universe });
  return { items: rows.map(presentOffer) };
}

export async function getOffer(db: Database, principal: Principal | null, id: string) {
  authorize(principal, "offers.read");
  const row = await repo.findOffer(db, id);
  if (!row) throw notFound("Offer");
  return presentOffer(row);
}

/** A more severe ticket may not be promised a slower answer than a less severe one. */
function orderErrors(field: string, minutes: SeverityMinutes | undefined): FieldError[] {
  if (!minutes) return [];
  const errors: FieldError[] = [];
  for (let i = 1; i < SEVERITIES.length; i++) {
    const more = SEVERITIES[i - 1] as Severity;
    const less = SEVERITIES[i] as Severity;
    if (minutes[less] < minutes[more]) {
      errors.push({
        field: `${field}.${less}`,
        in: "body",
        message: `must be at least the ${more} target (${minutes[more]} minutes)`,
      });
    }
  }
  return errors;
}

function checkPatch(current: repo.OfferRow, patch: OfferPatch): void {
  const errors: FieldError[] = [
    ...orderErrors("firstResponseMinutes", patch.firstResponseMinutes),
    ...orderErrors("updateMinutes", patch.updateMinutes),
  ];
  if (patch.channels && !patch.channels.includes("ticket")) {
    errors.push({ field: "channels", in: "body", message: "must include ticket" });
  }
  const model = patch.priceModel ?? current.price_model;
  const percent = patch.pricePercent !== undefined ? patch.pricePercent : current.price_percent;
  if (model === "percent" && percent === null) {
    errors.push({
      field: "pricePercent",
      in: "body",
      message: "is required when priceModel is percent",
    });
  }
  if (errors.length > 0) {
    const first = errors[0] as FieldError;
    throw new AppError("validation_failed", `${first.field}: ${first.message}`, errors);
  }
}

/** JSON with object keys sorted, so equal targets compare equal whatever order they came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const COLUMNS = {
  priceModel: "price_model",
  priceCents: "price_cents",
  pricePercent: "price_percent",
  priceMinimumCents: "price_minimum_cents",
  currency: "currency",
  channels: "channels",
  coverage: "coverage",
  languages: "languages",
  entryTier: "entry_tier",
  queuePriority: "queue_priority",
  firstResponseMinutes: "first_response_minutes",
  updateMinutes: "update_minutes",
} as const satisfies Record<keyof OfferPatch, keyof OffersTable>;

/** Changes an offer's terms (staff admins); the change and its before/after are audited. */
export async function updateOffer(
  db: Database,
  actor: Actor,
  id: string,
  patch: OfferPatch,
): Promise<Offer> {
  authorize(actor.principal, "offer.update");
  return inTransaction(db, async (trx) => {
    const current = await repo.findOffer(trx, id, true);
    if (!current) throw notFound("Offer");
    checkPatch(current, patch);
    const before = presentOffer(current);
    const wanted: Partial<Offer> = { ...patch };
    if (patch.pricePercent != null)
      wanted.pricePercent = Math.round(patch.pricePercent * 100) / 100;
    const changes: Record<string, [unknown, unknown]> = {};
    const update: Updateable<OffersTable> = {};
    for (const [key, column] of Object.entries(COLUMNS) as [keyof OfferPatch, string][]) {
      const value = wanted[key];
      if (value === undefined || canonical(value) === canonical(before[key])) continue;
      changes[key] = [before[key], value];
      const stored = typeof value === "object" && value !== null && !Array.isArray(value);
      Object.assign(update, { [column]: stored ? JSON.stringify(value) : value });
    }
    if (Object.keys(changes).length === 0) return before;
    await repo.updateOffer(trx, id, update);
    await recordAudit(trx, actor, {
      action: "offer.updated",
      subjectKind: "offer",
      subjectId: id,
      details: { universe: current.universe, level: current.level, changes },
    });
    const updated = await repo.findOffer(trx, id);
    if (!updated) throw notFound("Offer");
    return presentOffer(updated);
  });
}
