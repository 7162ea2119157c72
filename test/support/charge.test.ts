import { afterEach, describe, expect, it } from "vitest";
import type { Universe } from "../../src/db/schema.ts";
import { monthlyChargeCents } from "../../src/modules/support/charge.ts";
import { testContext } from "../helpers/context.ts";
import { createCustomer, type TestUser } from "../helpers/factories.ts";

const nextMonthStart = (at: Date) =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
const monthOf = (at: Date) => at.toISOString().slice(0, 7);

afterEach(async () => {
  (await testContext()).clock.reset();
});

async function put(user: { auth: object }, nic: string, universe: Universe, level: string) {
  const { app } = await testContext();
  return app.inject({
    method: "PUT",
    url: `/api/v1/accounts/${nic}/subscriptions/${universe}`,
    headers: user.auth as Record<string, string>,
    payload: { level },
  });
}

describe("monthly charge", () => {
  async function charge(user: TestUser, universe: Universe, query: string) {
    const { app } = await testContext();
    return app.inject({
      method: "GET",
      url: `/api/v1/accounts/${user.account.nic}/subscriptions/${universe}/charge?${query}`,
      headers: user.auth,
    });
  }

  it("computes flat, percent and minimum charges from the offer in force at the month's start", async () => {
    const { db, clock } = await testContext();
    const customer = await createCustomer(db);
    const month = monthOf(clock.now());
    const next = monthOf(nextMonthStart(clock.now()));
    const free = await charge(customer, "market", `month=${month}`);
    expect(free.statusCode).toBe(200);
    expect(free.json()).toMatchObject({
      level: "standard",
      priceModel: "flat",
      amountCents: 0,
      currency: "EUR",
      spendCents: null,
    });

    await put(customer, customer.account.nic, "market", "premium");
    // No proration: the month started at Standard; Premium is charged from next month.
    expect((await charge(customer, "market", `month=${month}`)).json().amountCents).toBe(0);
    expect((await charge(customer, "market", `month=${next}`)).json()).toMatchObject({
      level: "premium",
      amountCents: 5_000,
    });

    await put(customer, customer.account.nic, "server", "business");
    const share = await charge(customer, "server", `month=${next}&spendCents=1234567`);
    expect(share.json()).toMatchObject({
      level: "business",
      priceModel: "percent",
      pricePercent: 10,
      spendCents: 1_234_567,
      amountCents: 123_457,
    });
    const floor = await charge(customer, "server", `month=${next}&spendCents=100`);
    expect(floor.json()).toMatchObject({ amountCents: 50_000, priceMinimumCents: 50_000 });
  });

  it("needs the spend for a percent offer and a valid month, naming the field", async () => {
    const { db, clock } = await testContext();
    const customer = await createCustomer(db);
    await put(customer, customer.account.nic, "enterprise", "enterprise");
    const next = monthOf(nextMonthStart(clock.now()));
    const noSpend = await charge(customer, "enterprise", `month=${next}`);
    expect(noSpend.statusCode).toBe(400);
    expect(noSpend.json().errors).toEqual([
      expect.objectContaining({ field: "spendCents", in: "query" }),
    ]);
    for (const month of ["2026-13", "2026-1", "last"]) {
      const res = await charge(customer, "enterprise", `month=${month}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: "month", in: "query" });
    }
    const negative = await charge(customer, "enterprise", `month=${next}&spendCents=-5`);
    expect(negative.json().errors[0]).toMatchObject({ field: "spendCents", in: "query" });
  });

  it("rounds a percent share half up to the cent and never goes below the minimum", () => {
    const offer = {
      price_model: "percent" as const,
      price_cents: 0,
      price_percent: "8.00",
      price_minimum_cents: 0,
    };
    expect(monthlyChargeCents(offer, 12_345)).toBe(988);
    expect(monthlyChargeCents({ ...offer, price_percent: "10.00" }, 5)).toBe(1);
    expect(monthlyChargeCents({ ...offer, price_percent: "10.00" }, 4)).toBe(0);
    expect(monthlyChargeCents({ ...offer, price_minimum_cents: 500_000 }, 1_000_000)).toBe(500_000);
    expect(monthlyChargeCents(offer, 1_000_000_000_000)).toBe(80_000_000_000);
    expect(
      monthlyChargeCents({ ...offer, price_model: "flat", price_cents: 9_000 }, 1_000_000),
    ).toBe(9_000);
  });
});
