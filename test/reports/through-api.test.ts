import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { subscribe } from "../helpers/support-factories.ts";
import {
  freezeClock,
  get,
  type Json,
  minutes,
  openIncident,
  postOk,
  thawClock,
} from "../helpers/ticket-factories.ts";
import { pastWindow } from "./factories.ts";

/**
 * Tickets opened and answered through the API (the clock frozen in a past window only this
 * file uses) reach the reports with the level, severity and SLA figures the tickets module set.
 */

let ctx: TestContext;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;
let admin: TestStaff;
const window = pastWindow();

beforeAll(async () => {
  ctx = await testContext();
  customer = await createUser(ctx.db, await createAccount(ctx.db, { region: "EU" }));
  service = await createService(ctx.db, { admin: customer.account });
  // Business (24/7, first response within 1 hour for critical) since before the window.
  await subscribe(
    ctx.db,
    customer.account.id,
    "server",
    "business",
    new Date(window.from.getTime() - 86_400_000),
  );
  agent = await createStaff(ctx.db, { tier: "L2", universes: ["server"] });
  admin = await createStaff(ctx.db, { role: "admin" });
});
afterEach(() => thawClock(ctx.clock));

describe("tickets from the API in the reports", () => {
  it("counts an answered and an unanswered critical ticket", async () => {
    freezeClock(ctx.clock, window.at(120));
    const critical = { impact: "high", urgency: "high" };
    const answered = await openIncident(ctx, customer, service, critical);
    expect(answered.entitlement).toMatchObject({ level: "business", firstResponseMinutes: 60 });
    const waiting = await openIncident(ctx, customer, service, critical);
    ctx.clock.advance(minutes(45));
    await postOk(ctx, agent, `/tickets/${answered.number}/messages`, {
      body: "We replaced the failed power supply; the server is back.",
    });
    ctx.clock.advance(minutes(30));

    const read = async (name: string) => {
      const res = await get(ctx, admin, `/reports/${name}?${window.query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect((await read("sla-compliance")).items).toEqual([
      {
        universe: "server",
        level: "business",
        severity: "critical",
        tickets: 2,
        firstResponses: 1,
        firstResponsesWithinTarget: 1,
        lateFirstResponses: 1,
        breaches: 1,
        compliancePercent: 50,
      },
    ]);
    expect((await read("response-times")).items).toEqual([
      {
        universe: "server",
        level: "business",
        tickets: 2,
        firstResponseMinutes: { count: 1, p50: 45, p90: 45, p95: 45, p99: 45 },
        resolutionMinutes: { count: 0, p50: null, p90: null, p95: null, p99: null },
      },
    ]);
    const backlog = (await read("backlog")).items as Json[];
    expect(backlog).toHaveLength(1);
    expect(backlog[0]).toMatchObject({
      universe: "server",
      tier: "L2",
      language: "en",
      open: 2,
      breached: 1,
      oldestDueAt: waiting.sla.dueAt,
      oldestCreatedAt: window.at(120).toISOString(),
    });
    expect(backlog[0].assigned + backlog[0].unassigned).toBe(2);
  });
});
