import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createCustomer,
  createStaff,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { freezeClock, thawClock } from "../helpers/ticket-factories.ts";
import { DAY } from "./factories.ts";

const REPORTS = ["sla-compliance", "response-times", "backlog", "ratings", "fast-path"];

let ctx: TestContext;
let customer: TestUser;
let agent: TestStaff;
let lead: TestStaff;
let admin: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  customer = await createCustomer(ctx.db, { programme: "technical-partner" });
  agent = await createStaff(ctx.db, { role: "agent" });
  lead = await createStaff(ctx.db, { role: "lead", universes: ["server"] });
  admin = await createStaff(ctx.db, { role: "admin" });
});
afterEach(() => thawClock(ctx.clock));

function read(path: string, headers: Record<string, string> = {}) {
  return ctx.app.inject({ method: "GET", url: `/api/v1/reports/${path}`, headers });
}

describe("who reads reports", () => {
  const table: [string, () => Record<string, string>, number][] = [
    ["anonymous", () => ({}), 401],
    ["customer (a technical partner)", () => customer.auth, 403],
    ["agent", () => agent.auth, 403],
    ["lead (of one universe: reports cover all)", () => lead.auth, 200],
    ["admin", () => admin.auth, 200],
  ];
  for (const report of REPORTS) {
    for (const [who, headers, status] of table) {
      it(`${report}: ${who} gets ${status}`, async () => {
        const res = await read(report, headers());
        expect(res.statusCode, res.body).toBe(status);
        if (status !== 200) {
          expect(res.headers["content-type"]).toContain("application/problem+json");
        }
      });
    }
  }
  it("refuses customers even when they ask for CSV", async () => {
    const res = await read("fast-path?format=csv", customer.auth);
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("the period", () => {
  it("defaults to the 30 days before now", async () => {
    freezeClock(ctx.clock, "2026-12-02T09:00:00.000Z");
    const res = await read("backlog", lead.auth);
    expect(res.statusCode).toBe(200);
    expect(res.json().period).toEqual({
      from: "2026-11-02T09:00:00.000Z",
      to: "2026-12-02T09:00:00.000Z",
    });
    expect(res.json().asOf).toBe("2026-12-02T09:00:00.000Z");
  });

  it("runs 30 days back from a given end, and up to now from a given start", async () => {
    freezeClock(ctx.clock, "2026-12-02T09:00:00.000Z");
    const ending = await read("sla-compliance?to=2026-06-01T00:00:00Z", lead.auth);
    expect(ending.json().period).toEqual({
      from: "2026-05-02T00:00:00.000Z",
      to: "2026-06-01T00:00:00.000Z",
    });
    const starting = await read("sla-compliance?from=2026-01-01T00:00:00%2B01:00", lead.auth);
    expect(starting.json().period).toEqual({
      from: "2025-12-31T23:00:00.000Z",
      to: "2026-12-02T09:00:00.000Z",
    });
  });

  it("accepts exactly 366 days and refuses one second more, naming from", async () => {
    const to = new Date("2026-12-01T00:00:00Z");
    const from = new Date(to.getTime() - 366 * DAY);
    const ok = await read(`ratings?from=${from.toISOString()}&to=${to.toISOString()}`, admin.auth);
    expect(ok.statusCode).toBe(200);
    const longer = new Date(from.getTime() - 1000);
    const res = await read(
      `ratings?from=${longer.toISOString()}&to=${to.toISOString()}`,
      admin.auth,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("validation_failed");
    expect(res.json().errors).toEqual([expect.objectContaining({ field: "from", in: "query" })]);
  });

  it("refuses a start after the end, naming the field given", async () => {
    const both = await read(
      "response-times?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
      admin.auth,
    );
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe("from");
    freezeClock(ctx.clock, "2026-12-02T09:00:00.000Z");
    const future = await read("response-times?from=2027-01-01T00:00:00Z", admin.auth);
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe("from");
    const equal = await read(
      "response-times?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
      admin.auth,
    );
    expect(equal.statusCode).toBe(400);
  });

  it("refuses what is not an ISO instant, and unknown parameters", async () => {
    for (const query of ["from=yesterday", "to=2026-13-01T00:00:00Z", "from=2026-01-01"]) {
      const res = await read(`backlog?${query}`, admin.auth);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].field, query).toBe(query.split("=")[0]);
    }
    const unknown = await read("backlog?universe=server", admin.auth);
    expect(unknown.statusCode).toBe(400);
    const format = await read("backlog?format=xlsx", admin.auth);
    expect(format.statusCode).toBe(400);
    expect(format.json().errors[0].field).toBe("format");
  });
});

describe("the OpenAPI document", () => {
  it("lists every report with its period parameters and both media types", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    for (const report of REPORTS) {
      const get = doc.paths[`/api/v1/reports/${report}`]?.get;
      expect(get, report).toBeDefined();
      expect(get.tags).toEqual(["reports"]);
      const names = get.parameters.map((p: { name: string }) => p.name).sort();
      expect(names).toEqual(["format", "from", "to"]);
      expect(Object.keys(get.responses["200"].content).sort()).toEqual([
        "application/json",
        "text/csv",
      ]);
    }
  });
});
