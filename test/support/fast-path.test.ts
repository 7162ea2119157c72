import { describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";
import { createCustomer, createStaff, type TestUser } from "../helpers/factories.ts";
import { createTechnicalPartner, insertTicket } from "../helpers/support-factories.ts";
import { auditOf } from "./fixtures.ts";

async function call(
  method: "GET" | "POST" | "DELETE",
  who: { auth: object },
  nic: string,
  payload?: object,
) {
  const { app } = await testContext();
  return app.inject({
    method,
    url: `/api/v1/accounts/${nic}/fast-path`,
    headers: who.auth as Record<string, string>,
    ...(payload ? { payload } : {}),
  });
}

describe("Fast-Path subscriptions", () => {
  it("subscribes a certified technical partner at 50 EUR and 6 uses a year", async () => {
    const { db, clock } = await testContext();
    const partner = await createTechnicalPartner(db);
    const nic = partner.account.nic;
    const res = await call("POST", partner, nic, {});
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      nicHandle: nic,
      active: true,
      subscription: { priceCents: 5_000, currency: "EUR", yearlyQuota: 6 },
      year: clock.now().getUTCFullYear(),
      usedThisYear: 0,
      remaining: 6,
    });
    const [entry] = await auditOf(db, "account", nic);
    expect(entry).toMatchObject({ action: "fast_path.subscribed", actor_id: partner.id });
    const twice = await call("POST", partner, nic, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("already_exists");
  });

  it("shows this calendar year's uses and what remains", async () => {
    const { db } = await testContext();
    const partner = await createTechnicalPartner(db);
    await call("POST", partner, partner.account.nic, {});
    const now = new Date();
    const id = partner.account.id;
    await insertTicket(db, { accountId: id, universe: "server", fastPath: true, createdAt: now });
    await insertTicket(db, { accountId: id, universe: "server", fastPath: true, createdAt: now });
    await insertTicket(db, { accountId: id, universe: "server", fastPath: false, createdAt: now });
    await insertTicket(db, {
      accountId: id,
      universe: "server",
      fastPath: true,
      createdAt: new Date(Date.UTC(now.getUTCFullYear() - 1, 5, 1)),
    });
    const res = await call("GET", partner, partner.account.nic);
    expect(res.json()).toMatchObject({ active: true, usedThisYear: 2, remaining: 4 });
  });

  it("cancels at once; a second cancel finds nothing", async () => {
    const { db } = await testContext();
    const partner = await createTechnicalPartner(db);
    const nic = partner.account.nic;
    await call("POST", partner, nic, {});
    const res = await call("DELETE", partner, nic);
    expect(res.statusCode).toBe(204);
    expect((await call("GET", partner, nic)).json()).toMatchObject({
      active: false,
      subscription: null,
      remaining: 0,
    });
    expect((await call("DELETE", partner, nic)).statusCode).toBe(404);
    expect((await auditOf(db, "account", nic)).map((e) => e.action)).toEqual([
      "fast_path.subscribed",
      "fast_path.cancelled",
    ]);
    // Cancelled, the partner may subscribe again.
    expect((await call("POST", partner, nic, {})).statusCode).toBe(201);
  });

  it("refuses accounts that are not certified technical partners, with a clear message", async () => {
    const { db } = await testContext();
    const direct: TestUser = await createCustomer(db);
    const res = await call("POST", direct, direct.account.nic, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("fast_path_not_certified");
    expect(res.json().detail).toContain("certified technical partners");
    const commercial = await createCustomer(db, { programme: "commercial-partner" });
    expect((await call("POST", commercial, commercial.account.nic, {})).json().code).toBe(
      "fast_path_not_certified",
    );
    const future = await createTechnicalPartner(db);
    await db
      .updateTable("accounts")
      .set({ certified_at: "2999-01-01" })
      .where("id", "=", future.account.id)
      .execute();
    expect((await call("POST", future, future.account.nic, {})).json().code).toBe(
      "fast_path_not_certified",
    );
    expect(await auditOf(db, "account", direct.account.nic)).toHaveLength(0);
  });

  it("lets only staff admins set the price and quota", async () => {
    const { db } = await testContext();
    const partner = await createTechnicalPartner(db);
    const nic = partner.account.nic;
    const refused = await call("POST", partner, nic, { yearlyQuota: 50 });
    expect(refused.statusCode).toBe(403);
    const admin = await createStaff(db, { role: "admin", tier: "L3" });
    const res = await call("POST", admin, nic, { priceCents: 3_000, yearlyQuota: 10 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      subscription: { priceCents: 3_000, yearlyQuota: 10 },
      remaining: 10,
    });
  });

  it("validates the body, naming the field", async () => {
    const { db } = await testContext();
    const partner = await createTechnicalPartner(db);
    const admin = await createStaff(db, { role: "admin", tier: "L3" });
    const cases: [object, string][] = [
      [{ yearlyQuota: 0 }, "yearlyQuota"],
      [{ yearlyQuota: "6" }, "yearlyQuota"],
      [{ priceCents: -1 }, "priceCents"],
      [{ discount: 5 }, "discount"],
    ];
    for (const [payload, field] of cases) {
      const res = await call("POST", admin, partner.account.nic, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field, in: "body" });
    }
  });
});
