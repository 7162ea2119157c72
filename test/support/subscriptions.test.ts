import { afterEach, describe, expect, it } from "vitest";
import type { Universe } from "../../src/db/schema.ts";
import { OFFERED_LEVELS } from "../../src/modules/support/reference-data.ts";
import { testContext } from "../helpers/context.ts";
import { createCustomer, createStaff, type TestUser } from "../helpers/factories.ts";
import { createCommercialPartner, UNIVERSE_LIST } from "../helpers/support-factories.ts";
import { auditOf } from "./fixtures.ts";

const nextMonthStart = (at: Date) =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
const _monthOf = (at: Date) => at.toISOString().slice(0, 7);

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

async function current(user: TestUser, universe: Universe) {
  const { app } = await testContext();
  const res = await app.inject({
    method: "GET",
    url: `/api/v1/accounts/${user.account.nic}/subscriptions`,
    headers: user.auth,
  });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { universe: Universe; [key: string]: unknown }[]).find(
    (i) => i.universe === universe,
  );
}

describe("subscriptions", () => {
  it("holds the lowest level of every universe by default, without any row", async () => {
    const { app, db } = await testContext();
    const customer = await createCustomer(db);
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/accounts/${customer.account.nic}/subscriptions`,
      headers: customer.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().nicHandle).toBe(customer.account.nic);
    const items = res.json().items as {
      universe: Universe;
      level: string;
      isDefault: boolean;
      pending: unknown;
      history: unknown[];
      offer: { universe: string; level: string };
    }[];
    expect(items.map((i) => i.universe)).toEqual(UNIVERSE_LIST);
    for (const item of items) {
      expect(item).toMatchObject({
        level: OFFERED_LEVELS[item.universe][0],
        isDefault: true,
        since: null,
        endsAt: null,
        pending: null,
        history: [],
      });
      expect(item.offer).toMatchObject({ universe: item.universe, level: item.level });
    }
  });

  it("applies an upgrade at once, audited and announced", async () => {
    const { db, clock } = await testContext();
    const customer = await createCustomer(db);
    const res = await put(customer, customer.account.nic, "server", "business");
    expect(res.statusCode).toBe(200);
    const now = clock.now().getTime();
    const body = res.json();
    expect(body).toMatchObject({
      change: "upgraded",
      universe: "server",
      level: "business",
      isDefault: false,
      endsAt: null,
      pending: null,
    });
    expect(Math.abs(new Date(body.since).getTime() - now)).toBeLessThan(60_000);
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ level: "business", endsAt: null });
    const [entry] = await auditOf(db, "account", customer.account.nic);
    expect(entry).toMatchObject({
      action: "subscription.upgraded",
      actor_id: customer.id,
      account_id: customer.account.id,
    });
    expect(entry?.details).toMatchObject({ universe: "server", from: "standard", to: "business" });
    const outbox = await db
      .selectFrom("outbox")
      .selectAll()
      .where("recipient_account_id", "=", customer.account.id)
      .execute();
    expect(outbox.map((o) => o.topic)).toEqual(["subscription.changed"]);
  });

  it("answers the same level with a no-op 200 and no audit entry", async () => {
    const { db } = await testContext();
    const customer = await createCustomer(db);
    const res = await put(customer, customer.account.nic, "market", "standard");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      change: "unchanged",
      level: "standard",
      isDefault: true,
      history: [],
    });
    expect(await auditOf(db, "account", customer.account.nic)).toHaveLength(0);
  });

  it("schedules a downgrade for the start of next month (UTC), which then takes over", async () => {
    const { db, clock } = await testContext();
    const customer = await createCustomer(db);
    expect((await put(customer, customer.account.nic, "public-cloud", "business")).statusCode).toBe(
      200,
    );
    const res = await put(customer, customer.account.nic, "public-cloud", "premium");
    expect(res.statusCode).toBe(200);
    const boundary = nextMonthStart(clock.now());
    expect(res.json()).toMatchObject({
      change: "downgrade-scheduled",
      level: "business",
      endsAt: boundary.toISOString(),
      pending: { level: "premium", startsAt: boundary.toISOString() },
    });
    // Asking again for the scheduled level changes nothing.
    expect(
      (await put(customer, customer.account.nic, "public-cloud", "premium")).json().change,
    ).toBe("unchanged");

    clock.advance(boundary.getTime() - clock.now().getTime() + 60_000);
    const after = await current(customer, "public-cloud");
    expect(after).toMatchObject({
      level: "premium",
      since: boundary.toISOString(),
      endsAt: null,
      pending: null,
    });
    expect(
      ((after?.history ?? []) as { level: string; endsAt: string | null }[]).map((h) => [
        h.level,
        h.endsAt,
      ]),
    ).toEqual([
      ["premium", null],
      ["business", boundary.toISOString()],
    ]);
  });

  it("withdraws a pending downgrade when the current level is asked for again", async () => {
    const { db } = await testContext();
    const customer = await createCustomer(db);
    await put(customer, customer.account.nic, "enterprise", "enterprise");
    await put(customer, customer.account.nic, "enterprise", "business");
    const res = await put(customer, customer.account.nic, "enterprise", "enterprise");
    expect(res.json()).toMatchObject({
      change: "downgrade-cancelled",
      level: "enterprise",
      endsAt: null,
      pending: null,
    });
    const actions = (await auditOf(db, "account", customer.account.nic)).map((e) => e.action);
    expect(actions).toEqual([
      "subscription.upgraded",
      "subscription.downgrade_scheduled",
      "subscription.downgrade_cancelled",
    ]);
  });

  it("replaces a pending downgrade by a new one, and drops it on an upgrade", async () => {
    const { db, clock } = await testContext();
    const customer = await createCustomer(db);
    const nic = customer.account.nic;
    await put(customer, nic, "enterprise", "enterprise");
    clock.advance(1_000);
    await put(customer, nic, "enterprise", "business");
    const replaced = await put(customer, nic, "enterprise", "premium");
    expect(replaced.json()).toMatchObject({
      change: "downgrade-scheduled",
      level: "enterprise",
      pending: { level: "premium" },
    });

    const other = await createCustomer(db);
    await put(other, other.account.nic, "enterprise", "business");
    clock.advance(1_000);
    await put(other, other.account.nic, "enterprise", "premium");
    clock.advance(1_000);
    const up = await put(other, other.account.nic, "enterprise", "enterprise");
    expect(up.json()).toMatchObject({
      change: "upgraded",
      level: "enterprise",
      pending: null,
      endsAt: null,
    });
    expect((up.json().history as { level: string }[]).map((h) => h.level)).toEqual([
      "enterprise",
      "business",
    ]);
  });

  it.each(UNIVERSE_LIST)(
    "refuses in %s a level it does not offer, naming level and the offered ones",
    async (universe) => {
      const { db } = await testContext();
      const customer = await createCustomer(db);
      const missing = ["standard", "premium", "business", "enterprise"].filter(
        (l) => !OFFERED_LEVELS[universe].includes(l as never),
      );
      for (const level of missing) {
        const res = await put(customer, customer.account.nic, universe, level);
        expect(res.statusCode).toBe(422);
        const problem = res.json();
        expect(problem.code).toBe("level_not_offered");
        expect(problem.errors).toEqual([expect.objectContaining({ field: "level", in: "body" })]);
        expect(problem.detail).toContain(`offered: ${OFFERED_LEVELS[universe].join(", ")}`);
      }
      expect(await auditOf(db, "account", customer.account.nic)).toHaveLength(0);
    },
  );

  it("refuses an unknown level code as invalid input", async () => {
    const { db } = await testContext();
    const customer = await createCustomer(db);
    const res = await put(customer, customer.account.nic, "server", "gold");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: "level", in: "body" });
    const universe = await put(customer, customer.account.nic, "moon" as Universe, "standard");
    expect(universe.statusCode).toBe(400);
    expect(universe.json().errors[0]).toMatchObject({ field: "universe", in: "params" });
  });

  it("sells the partner level only to commercial partners with a programme in the universe", async () => {
    const { db } = await testContext();
    const direct = await createCustomer(db);
    const refused = await put(direct, direct.account.nic, "server", "partner");
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe("level");
    expect(refused.json().detail).toContain("only for commercial partners");
    const partner = await createCommercialPartner(db, ["server"]);
    expect((await put(partner, partner.account.nic, "market", "partner")).statusCode).toBe(422);
    const ok = await put(partner, partner.account.nic, "server", "partner");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      change: "upgraded",
      level: "partner",
      offer: { audience: "commercial-partner" },
    });
  });

  it("lets a staff admin change a customer's level, and pages through history", async () => {
    const { app, db, clock } = await testContext();
    const customer = await createCustomer(db);
    const admin = await createStaff(db, { role: "admin", tier: "L3" });
    const nic = customer.account.nic;
    for (const level of ["premium", "business"]) {
      expect((await put(admin, nic, "server", level)).statusCode).toBe(200);
      clock.advance(1_000);
    }
    const [entry] = await auditOf(db, "account", nic);
    expect(entry).toMatchObject({ actor_kind: "staff", actor_id: admin.id });
    const url = `/api/v1/accounts/${nic}/subscriptions/server/history`;
    const first = await app.inject({
      method: "GET",
      url: `${url}?limit=1`,
      headers: customer.auth,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((h: { level: string }) => h.level)).toEqual(["business"]);
    const second = await app.inject({
      method: "GET",
      url: `${url}?limit=1&cursor=${first.json().nextCursor}`,
      headers: customer.auth,
    });
    expect(second.json()).toMatchObject({ items: [{ level: "premium" }], nextCursor: null });
    const bad = await app.inject({
      method: "GET",
      url: `${url}?cursor=nope`,
      headers: customer.auth,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("invalid_cursor");
  });
});
