import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";
import { type Cast, createCast, ROLES, type Role } from "./cast.ts";

/**
 * The policy table of every account endpoint. A customer who is not a user of the account gets
 * 404 (it may not learn the account exists); staff who may see it but not do it get 403.
 */
type Expected = Record<Role, number>;

interface Row {
  name: string;
  expected: Expected;
  request: (cast: Cast) => { method: "GET" | "POST" | "PATCH"; url: string; payload?: object };
}

const rows: Row[] = [
  {
    name: "POST /accounts",
    expected: { anonymous: 401, member: 403, other: 403, agent: 403, lead: 201, admin: 201 },
    request: () => ({
      method: "POST",
      url: "/api/v1/accounts",
      payload: { kind: "company", name: "Policy Table SARL", region: "EU", language: "fr" },
    }),
  },
  {
    name: "GET /accounts",
    expected: { anonymous: 401, member: 403, other: 403, agent: 200, lead: 200, admin: 200 },
    request: () => ({ method: "GET", url: "/api/v1/accounts?limit=1" }),
  },
  {
    name: "GET /accounts/{nic}",
    expected: { anonymous: 401, member: 200, other: 404, agent: 200, lead: 200, admin: 200 },
    request: (cast) => ({ method: "GET", url: `/api/v1/accounts/${cast.account.nic}` }),
  },
  {
    name: "PATCH /accounts/{nic} name and language",
    expected: { anonymous: 401, member: 200, other: 404, agent: 403, lead: 403, admin: 200 },
    request: (cast) => ({
      method: "PATCH",
      url: `/api/v1/accounts/${cast.account.nic}`,
      payload: { name: `Renamed ${uniqueSuffix()}`, language: "ru" },
    }),
  },
  {
    name: "PATCH /accounts/{nic} programme and region",
    expected: { anonymous: 401, member: 403, other: 404, agent: 403, lead: 403, admin: 200 },
    request: (cast) => ({
      method: "PATCH",
      url: `/api/v1/accounts/${cast.account.nic}`,
      payload: { programme: "technical-partner", certifiedAt: "2024-03-01", region: "EU" },
    }),
  },
  {
    name: "GET /accounts/{nic}/users",
    expected: { anonymous: 401, member: 200, other: 404, agent: 200, lead: 200, admin: 200 },
    request: (cast) => ({ method: "GET", url: `/api/v1/accounts/${cast.account.nic}/users` }),
  },
  {
    name: "POST /accounts/{nic}/users",
    expected: { anonymous: 401, member: 201, other: 404, agent: 403, lead: 201, admin: 201 },
    request: (cast) => ({
      method: "POST",
      url: `/api/v1/accounts/${cast.account.nic}/users`,
      payload: {
        email: `colleague-${uniqueSuffix()}@example.test`,
        name: "A Colleague",
        password: "a-long-enough-password",
      },
    }),
  },
];

describe("accounts policy table", () => {
  let ctx: TestContext;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await testContext();
    cast = await createCast(ctx.db);
  });

  for (const row of rows) {
    for (const role of ROLES) {
      const status = row.expected[role];
      it(`${row.name} as ${role} → ${status}`, async () => {
        const res = await ctx.app.inject({ ...row.request(cast), headers: cast.headers(role) });
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) {
          expect(res.headers["content-type"]).toContain("application/problem+json");
          const code = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" }[status];
          expect(res.json().code).toBe(code);
        }
      });
    }
  }

  it("answers an unknown NIC with the same 404 a stranger gets", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/accounts/zz999999-pal",
      headers: cast.headers("admin"),
    });
    expect(res.statusCode).toBe(404);
    const stranger = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/accounts/${cast.account.nic}`,
      headers: cast.headers("other"),
    });
    expect(stranger.json().title).toBe(res.json().title);
    expect(stranger.json().detail).toBe(res.json().detail);
  });
});
