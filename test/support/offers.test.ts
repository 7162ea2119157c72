import { afterEach, describe, expect, it } from "vitest";
import type { Universe } from "../../src/db/schema.ts";
import {
  LEVELS,
  OFFERED_LEVELS,
  priceOf,
  TERMS,
} from "../../src/modules/support/reference-data.ts";
import { seedSupport } from "../../src/modules/support/seed.ts";
import { testContext } from "../helpers/context.ts";
import { createStaff } from "../helpers/factories.ts";
import { UNIVERSE_LIST } from "../helpers/support-factories.ts";
import { auditOf, createScratchOffer } from "./fixtures.ts";

const API = "/api/v1/support";

interface OfferJson {
  id: string;
  universe: Universe;
  level: string;
  levelRank: number;
  audience: string;
  priceModel: string;
  priceCents: number;
  pricePercent: number | null;
  priceMinimumCents: number;
  channels: string[];
  coverage: string;
  languages: string[];
  entryTier: string;
  queuePriority: number;
  firstResponseMinutes: Record<string, number>;
  updateMinutes: Record<string, number>;
  active: boolean;
}

describe("support levels", () => {
  it("lists the five levels by rank, partner between premium and business", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: `${API}/levels` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      code: string;
      rank: number;
      offeredIn: string[];
      name: object;
    }[];
    expect(items.map((l) => [l.code, l.rank])).toEqual(LEVELS.map((l) => [l.code, l.rank]));
    const byCode = Object.fromEntries(items.map((l) => [l.code, l]));
    expect(byCode.standard?.offeredIn).toEqual(["market", "server", "public-cloud"]);
    expect(byCode.enterprise?.offeredIn).toEqual(["enterprise"]);
    expect(byCode.partner?.offeredIn).toEqual(UNIVERSE_LIST);
    expect(byCode.enterprise?.name).toEqual({
      en: "Enterprise",
      fr: "Entreprise",
      ru: "Корпоративный",
    });
  });

  it("seeding again inserts nothing new", async () => {
    const { db } = await testContext();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom("offers")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("active", "=", true)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await seedSupport(db);
    expect(await count()).toBe(before);
  });
});

describe("offers in every universe", () => {
  it.each(UNIVERSE_LIST)(
    "%s sells exactly its levels, plus the partner offer, with the seeded terms",
    async (universe) => {
      const { app } = await testContext();
      const res = await app.inject({ method: "GET", url: `${API}/offers?universe=${universe}` });
      expect(res.statusCode).toBe(200);
      const offers = (res.json().items as OfferJson[]).filter((o) => o.active);
      expect(offers.every((o) => o.universe === universe)).toBe(true);
      expect(offers.filter((o) => o.audience === "all").map((o) => o.level)).toEqual(
        OFFERED_LEVELS[universe],
      );
      const partner = offers.find((o) => o.level === "partner");
      expect(partner?.audience).toBe("commercial-partner");
      for (const offer of offers) {
        const terms = TERMS[offer.level as keyof typeof TERMS];
        expect(offer).toMatchObject({
          coverage: terms.coverage,
          entryTier: terms.entryTier,
          queuePriority: terms.queuePriority,
          channels: terms.channels,
          firstResponseMinutes: terms.firstResponse,
          updateMinutes: terms.update,
          languages: ["en", "fr", "ru"],
          currency: "EUR",
        });
        const price = priceOf(universe, offer.level as keyof typeof TERMS);
        if (price.model === "flat") {
          expect(offer).toMatchObject({
            priceModel: "flat",
            priceCents: price.cents,
            pricePercent: null,
          });
        } else {
          expect(offer).toMatchObject({
            priceModel: "percent",
            pricePercent: price.percent,
            priceMinimumCents: price.minimumCents,
          });
        }
      }
      // The partner queue goes ahead of Standard and Premium, behind Business and Enterprise.
      for (const other of offers.filter((o) => o.level === "standard" || o.level === "premium")) {
        expect(partner?.queuePriority ?? 0).toBeGreaterThan(other.queuePriority);
      }
      for (const other of offers.filter(
        (o) => o.level === "business" || o.level === "enterprise",
      )) {
        expect(partner?.queuePriority ?? 0).toBeLessThan(other.queuePriority);
      }
    },
  );

  it("seeds the issue's first-response targets and coverage", () => {
    expect(TERMS.standard).toMatchObject({
      coverage: "business-hours",
      entryTier: "L1",
      firstResponse: { critical: 480, high: 1440, medium: 2880, low: 4320 },
    });
    expect(TERMS.premium).toMatchObject({
      coverage: "24x7-critical",
      entryTier: "L1",
      firstResponse: { critical: 120, high: 240, medium: 480, low: 1440 },
    });
    expect(TERMS.business).toMatchObject({
      coverage: "24x7",
      entryTier: "L2",
      firstResponse: { critical: 60, high: 120, medium: 240, low: 720 },
    });
    expect(TERMS.enterprise).toMatchObject({
      coverage: "24x7",
      entryTier: "TAM",
      firstResponse: { critical: 15, high: 60, medium: 120, low: 480 },
    });
    expect(TERMS.premium.queuePriority).toBeGreaterThan(TERMS.standard.queuePriority);
  });

  it("lists every universe in order without a filter, and reads one offer", async () => {
    const { app } = await testContext();
    const all = (await app.inject({ method: "GET", url: `${API}/offers` })).json()
      .items as OfferJson[];
    const universes = [...new Set(all.map((o) => o.universe))];
    expect(universes).toEqual(UNIVERSE_LIST);
    const first = all[0] as OfferJson;
    const one = await app.inject({ method: "GET", url: `${API}/offers/${first.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(first);
  });

  it("answers 404 for an unknown offer and 400 for a malformed id or universe", async () => {
    const { app } = await testContext();
    const missing = await app.inject({
      method: "GET",
      url: `${API}/offers/00000000-0000-4000-8000-000000000000`,
    });
    expect(missing.statusCode).toBe(404);
    const bad = await app.inject({ method: "GET", url: `${API}/offers/nope` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("id");
    const universe = await app.inject({ method: "GET", url: `${API}/offers?universe=moon` });
    expect(universe.statusCode).toBe(400);
    expect(universe.json().errors[0]).toMatchObject({ field: "universe", in: "query" });
  });
});

describe("staff admins edit offers", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  async function scratch() {
    const { db } = await testContext();
    const offer = await createScratchOffer(db);
    cleanup = offer.remove;
    return offer.id;
  }

  it("changes prices, channels, coverage, languages, tier, priority and targets, audited", async () => {
    const { app, db } = await testContext();
    const id = await scratch();
    const admin = await createStaff(db, { role: "admin", tier: "L3" });
    const payload = {
      priceModel: "percent",
      pricePercent: 7.5,
      priceMinimumCents: 20_000,
      channels: ["ticket", "phone"],
      coverage: "24x7",
      languages: ["fr", "en"],
      entryTier: "L2",
      queuePriority: 45,
      firstResponseMinutes: { critical: 30, high: 60, medium: 90, low: 600 },
      updateMinutes: { critical: 45, high: 90, medium: 180, low: 900 },
    };
    const res = await app.inject({
      method: "PATCH",
      url: `${API}/offers/${id}`,
      headers: admin.auth,
      payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...payload, id, active: false });
    const [entry] = await auditOf(db, "offer", id);
    expect(entry).toMatchObject({
      action: "offer.updated",
      actor_kind: "staff",
      actor_id: admin.id,
    });
    const changes =
      (entry?.details as { changes: Record<string, unknown[]> } | undefined)?.changes ?? {};
    expect(changes.coverage).toEqual(["business-hours", "24x7"]);
    expect(changes.pricePercent).toEqual([null, 7.5]);
    expect(changes.firstResponseMinutes?.[1]).toEqual(payload.firstResponseMinutes);
    const again = await app.inject({
      method: "PATCH",
      url: `${API}/offers/${id}`,
      headers: admin.auth,
      payload,
    });
    expect(again.statusCode).toBe(200);
    expect(await auditOf(db, "offer", id)).toHaveLength(1);
  });

  const invalid: [string, object, string][] = [
    [
      "a missing severity",
      { firstResponseMinutes: { critical: 10, high: 20, medium: 30 } },
      "firstResponseMinutes.low",
    ],
    [
      "a zero target",
      { updateMinutes: { critical: 0, high: 20, medium: 30, low: 40 } },
      "updateMinutes.critical",
    ],
    [
      "a fractional target",
      { updateMinutes: { critical: 1.5, high: 20, medium: 30, low: 40 } },
      "updateMinutes.critical",
    ],
    [
      "an unknown severity",
      { firstResponseMinutes: { critical: 1, high: 2, medium: 3, low: 4, trivial: 5 } },
      "firstResponseMinutes.trivial",
    ],
    [
      "a severe ticket promised a slower answer",
      { firstResponseMinutes: { critical: 60, high: 30, medium: 90, low: 120 } },
      "firstResponseMinutes.high",
    ],
    ["channels without ticket", { channels: ["chat"] }, "channels"],
    ["an unknown channel", { channels: ["ticket", "fax"] }, "channels.1"],
    ["a percent price without a percentage", { priceModel: "percent" }, "pricePercent"],
    ["a negative price", { priceCents: -1 }, "priceCents"],
    ["the Fast-Path priority", { queuePriority: 100 }, "queuePriority"],
    ["an unknown tier", { entryTier: "L9" }, "entryTier"],
    ["a lowercase currency", { currency: "eur" }, "currency"],
    ["an unknown field", { rank: 3 }, "rank"],
  ];

  it.each(invalid)("refuses %s, naming the field", async (_what, payload, field) => {
    const { app, db } = await testContext();
    const id = await scratch();
    const admin = await createStaff(db, { role: "admin", tier: "L3" });
    const res = await app.inject({
      method: "PATCH",
      url: `${API}/offers/${id}`,
      headers: admin.auth,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("validation_failed");
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await auditOf(db, "offer", id)).toHaveLength(0);
  });

  it("refuses an empty change", async () => {
    const { app, db } = await testContext();
    const id = await scratch();
    const admin = await createStaff(db, { role: "admin", tier: "L3" });
    const res = await app.inject({
      method: "PATCH",
      url: `${API}/offers/${id}`,
      headers: admin.auth,
      payload: {},
    });
    expect(res.statusCode).toBe(400);
  });
});
