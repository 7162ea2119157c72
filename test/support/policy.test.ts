import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import {
  mayDo,
  type SupportAction,
  type SupportRole,
  supportPolicy,
} from "../../src/modules/support/policy.ts";
import { testContext } from "../helpers/context.ts";
import { createCustomer, createStaff, type TestUser } from "../helpers/factories.ts";
import { createTechnicalPartner, giveFastPath } from "../helpers/support-factories.ts";
import { createScratchOffer } from "./fixtures.ts";

type Method = "GET" | "PUT" | "PATCH" | "POST" | "DELETE";

interface Endpoint {
  action: SupportAction;
  method: Method;
  success: number;
  /** Builds fresh data: the account (when the endpoint has one) and the request. */
  prepare(
    db: Database,
  ): Promise<{ owner?: TestUser; url: string; payload?: object; cleanup?: () => Promise<void> }>;
}

const month = new Date().toISOString().slice(0, 7);

const endpoints: Endpoint[] = [
  {
    action: "levels.read",
    method: "GET",
    success: 200,
    prepare: async () => ({ url: "/api/v1/support/levels" }),
  },
  {
    action: "offers.read",
    method: "GET",
    success: 200,
    prepare: async () => ({ url: "/api/v1/support/offers?universe=server" }),
  },
  {
    action: "offers.read",
    method: "GET",
    success: 200,
    prepare: async (db) => {
      const offer = await createScratchOffer(db);
      return { url: `/api/v1/support/offers/${offer.id}`, cleanup: offer.remove };
    },
  },
  {
    action: "offer.update",
    method: "PATCH",
    success: 200,
    prepare: async (db) => {
      const offer = await createScratchOffer(db);
      return {
        url: `/api/v1/support/offers/${offer.id}`,
        payload: { channels: ["ticket", "chat"] },
        cleanup: offer.remove,
      };
    },
  },
  {
    action: "subscription.read",
    method: "GET",
    success: 200,
    prepare: async (db) => {
      const owner = await createCustomer(db);
      return { owner, url: `/api/v1/accounts/${owner.account.nic}/subscriptions` };
    },
  },
  {
    action: "subscription.read",
    method: "GET",
    success: 200,
    prepare: async (db) => {
      const owner = await createCustomer(db);
      return { owner, url: `/api/v1/accounts/${owner.account.nic}/subscriptions/server/history` };
    },
  },
  {
    action: "subscription.change",
    method: "PUT",
    success: 200,
    prepare: async (db) => {
      const owner = await createCustomer(db);
      return {
        owner,
        url: `/api/v1/accounts/${owner.account.nic}/subscriptions/server`,
        payload: { level: "premium" },
      };
    },
  },
  {
    action: "charge.read",
    method: "GET",
    success: 200,
    prepare: async (db) => {
      const owner = await createCustomer(db);
      return {
        owner,
        url: `/api/v1/accounts/${owner.account.nic}/subscriptions/market/charge?month=${month}`,
      };
    },
  },
  {
    action: "fast_path.read",
    method: "GET",
    success: 200,
    prepare: async (db) => {
      const owner = await createTechnicalPartner(db);
      return { owner, url: `/api/v1/accounts/${owner.account.nic}/fast-path` };
    },
  },
  {
    action: "fast_path.subscribe",
    method: "POST",
    success: 201,
    prepare: async (db) => {
      const owner = await createTechnicalPartner(db);
      return { owner, url: `/api/v1/accounts/${owner.account.nic}/fast-path`, payload: {} };
    },
  },
  {
    action: "fast_path.configure",
    method: "POST",
    success: 201,
    prepare: async (db) => {
      const owner = await createTechnicalPartner(db);
      return {
        owner,
        url: `/api/v1/accounts/${owner.account.nic}/fast-path`,
        payload: { yearlyQuota: 12 },
      };
    },
  },
  {
    action: "fast_path.cancel",
    method: "DELETE",
    success: 204,
    prepare: async (db) => {
      const owner = await createTechnicalPartner(db);
      await giveFastPath(db, owner.account.id);
      return { owner, url: `/api/v1/accounts/${owner.account.nic}/fast-path` };
    },
  },
];

const ROLES: SupportRole[] = ["anonymous", "member", "customer", "agent", "lead", "admin"];

/** What a refused role gets: 404 hides another customer's account, staff know it exists. */
function refusal(role: SupportRole, owned: boolean): number {
  if (role === "anonymous") return 401;
  return role === "customer" && owned ? 404 : 403;
}

async function headersFor(db: Database, role: SupportRole, owner: TestUser | undefined) {
  if (role === "anonymous") return {};
  if (role === "member") return (owner ?? (await createCustomer(db))).auth;
  if (role === "customer") return (await createCustomer(db)).auth;
  return (await createStaff(db, { role, tier: "L3" })).auth;
}

describe("support policy", () => {
  it("publishes levels and offers, and keeps changes to the account's users and staff admins", () => {
    expect(supportPolicy["levels.read"]).toEqual(ROLES);
    expect(supportPolicy["offer.update"]).toEqual(["admin"]);
    expect(supportPolicy["subscription.change"]).toEqual(["member", "admin"]);
    expect(supportPolicy["fast_path.configure"]).toEqual(["admin"]);
  });

  const table = endpoints.flatMap((endpoint) =>
    ROLES.map((role) => [`${endpoint.method} ${endpoint.action}`, role, endpoint] as const),
  );

  it.each(table)("%s as %s", async (_name, role, endpoint) => {
    const { app, db } = await testContext();
    const { owner, url, payload, cleanup } = await endpoint.prepare(db);
    try {
      const headers = await headersFor(db, role, owner);
      const res = await app.inject({
        method: endpoint.method,
        url,
        headers,
        ...(payload ? { payload } : {}),
      });
      const allowed =
        mayDo(role, endpoint.action) &&
        (endpoint.action !== "fast_path.configure" || role === "admin");
      expect(res.statusCode).toBe(allowed ? endpoint.success : refusal(role, owner !== undefined));
    } finally {
      await cleanup?.();
    }
  });

  it("answers 404 to everyone for an account that does not exist", async () => {
    const { app, db } = await testContext();
    const admin = await createStaff(db, { role: "admin", tier: "L3" });
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/accounts/zz999999-pal/subscriptions",
      headers: admin.auth,
    });
    expect(res.statusCode).toBe(404);
  });
});
