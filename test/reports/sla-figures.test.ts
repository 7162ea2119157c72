import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createAccount, createStaff, type TestStaff } from "../helpers/factories.ts";
import { freezeClock, type Json, thawClock } from "../helpers/ticket-factories.ts";
import { HOUR, insertBreachEvent, insertReportTicket, MINUTE, pastWindow } from "./factories.ts";

/**
 * Exact figures on tickets inserted in a past window only this file uses: SLA compliance,
 * response-time percentiles and the backlog.
 */

let ctx: TestContext;
let lead: TestStaff;
let accountId: string;
const window = pastWindow();
const minutesAfter = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

beforeAll(async () => {
  ctx = await testContext();
  lead = await createStaff(ctx.db, { role: "lead" });
  accountId = (await createAccount(ctx.db)).id;
});
afterEach(() => thawClock(ctx.clock));

async function report(name: string): Promise<Json> {
  const res = await ctx.app.inject({
    method: "GET",
    url: `/api/v1/reports/${name}?${window.query}`,
    headers: lead.auth,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("SLA compliance", () => {
  it("counts first responses within target and breaches per universe, level and severity", async () => {
    const created = window.at(60);
    const due = minutesAfter(created, 120);
    const base = {
      accountId,
      universe: "server" as const,
      level: "premium",
      severity: "critical" as const,
    };
    // On time, exactly at the due time.
    await insertReportTicket(ctx.db, {
      ...base,
      createdAt: created,
      firstResponseDueAt: due,
      firstRespondedAt: due,
      status: "solved",
    });
    // On time, but its next-response clock breached later (a breach event).
    const nextBreach = await insertReportTicket(ctx.db, {
      ...base,
      createdAt: created,
      firstResponseDueAt: due,
      firstRespondedAt: minutesAfter(created, 30),
      status: "waiting-for-provider",
    });
    await insertBreachEvent(ctx.db, nextBreach, "next-response", minutesAfter(created, 600));
    // Late first response, without any event recorded.
    await insertReportTicket(ctx.db, {
      ...base,
      createdAt: created,
      firstResponseDueAt: due,
      firstRespondedAt: minutesAfter(due, 1),
      status: "closed",
    });
    // Never answered, its first-response clock running past due (the test clock is later).
    await insertReportTicket(ctx.db, {
      ...base,
      createdAt: created,
      firstResponseDueAt: due,
      slaClock: "first-response",
      dueAt: due,
    });
    // Another severity and level of the same universe, and Fast-Path kept apart.
    await insertReportTicket(ctx.db, {
      ...base,
      severity: "low",
      createdAt: created,
      firstResponseDueAt: due,
      firstRespondedAt: created,
      status: "solved",
    });
    await insertReportTicket(ctx.db, {
      ...base,
      level: "business",
      createdAt: created,
      firstResponseDueAt: due,
      firstRespondedAt: created,
      status: "solved",
    });
    await insertReportTicket(ctx.db, {
      ...base,
      fastPath: true,
      createdAt: created,
      firstResponseDueAt: due,
      firstRespondedAt: created,
      status: "solved",
    });
    // Outside the window: before it, and at its (excluded) end.
    await insertReportTicket(ctx.db, {
      ...base,
      createdAt: new Date(window.from.getTime() - 1),
      firstResponseDueAt: due,
    });
    await insertReportTicket(ctx.db, { ...base, createdAt: window.to, firstResponseDueAt: due });

    const body = await report("sla-compliance");
    expect(body.period).toEqual({ from: window.from.toISOString(), to: window.to.toISOString() });
    expect(body.items).toEqual([
      {
        universe: "server",
        level: "premium",
        severity: "critical",
        tickets: 4,
        firstResponses: 3,
        firstResponsesWithinTarget: 2,
        lateFirstResponses: 2,
        breaches: 3,
        compliancePercent: 25,
      },
      expect.objectContaining({
        level: "premium",
        severity: "low",
        tickets: 1,
        breaches: 0,
        compliancePercent: 100,
      }),
      expect.objectContaining({
        level: "business",
        severity: "critical",
        tickets: 1,
        firstResponsesWithinTarget: 1,
      }),
      expect.objectContaining({
        level: "fast-path",
        severity: "critical",
        tickets: 1,
        breaches: 0,
      }),
    ]);
  });

  it("judges a running clock against the report's now, not its period", async () => {
    const created = window.at(2 * 24 * 60 - 30);
    const due = minutesAfter(created, 60);
    await insertReportTicket(ctx.db, {
      accountId,
      universe: "enterprise",
      level: "enterprise",
      severity: "high",
      createdAt: created,
      firstResponseDueAt: due,
      slaClock: "first-response",
      dueAt: due,
    });
    freezeClock(ctx.clock, minutesAfter(due, -1));
    const before = (await report("sla-compliance")).items.find(
      (i: Json) => i.universe === "enterprise",
    );
    expect(before).toMatchObject({
      tickets: 1,
      breaches: 0,
      lateFirstResponses: 0,
      compliancePercent: 100,
    });
    freezeClock(ctx.clock, minutesAfter(due, 1));
    const after = (await report("sla-compliance")).items.find(
      (i: Json) => i.universe === "enterprise",
    );
    expect(after).toMatchObject({
      tickets: 1,
      breaches: 1,
      lateFirstResponses: 1,
      compliancePercent: 0,
    });
  });
});

describe("response times", () => {
  it("gives wall-clock percentiles of first response and resolution per universe and level", async () => {
    const created = window.at(600);
    // First responses after 10, 20, 30, 40 and 50 minutes; solutions after 1 to 5 hours for
    // the first four; the fifth is unsolved.
    for (const [k, minutes] of [10, 20, 30, 40, 50].entries()) {
      await insertReportTicket(ctx.db, {
        accountId,
        universe: "public-cloud",
        level: "business",
        createdAt: created,
        firstRespondedAt: minutesAfter(created, minutes),
        solvedAt: k < 4 ? new Date(created.getTime() + (k + 1) * HOUR) : null,
        status: k < 4 ? "solved" : "waiting-for-customer",
      });
    }
    await insertReportTicket(ctx.db, {
      accountId,
      universe: "public-cloud",
      level: "business",
      createdAt: created,
    });
    const items = (await report("response-times")).items.filter(
      (i: Json) => i.universe === "public-cloud",
    );
    // percentile_cont interpolates: p90 of 10..50 is 46, p95 48, p99 49.6.
    expect(items).toEqual([
      {
        universe: "public-cloud",
        level: "business",
        tickets: 6,
        firstResponseMinutes: { count: 5, p50: 30, p90: 46, p95: 48, p99: 49.6 },
        resolutionMinutes: { count: 4, p50: 150, p90: 222, p95: 231, p99: 238.2 },
      },
    ]);
  });

  it("leaves percentiles null where nothing was answered yet", async () => {
    await insertReportTicket(ctx.db, {
      accountId,
      universe: "market",
      level: "standard",
      createdAt: window.at(5),
    });
    const market = (await report("response-times")).items.find(
      (i: Json) => i.universe === "market",
    );
    expect(market).toEqual({
      universe: "market",
      level: "standard",
      tickets: 1,
      firstResponseMinutes: { count: 0, p50: null, p90: null, p95: null, p99: null },
      resolutionMinutes: { count: 0, p50: null, p90: null, p95: null, p99: null },
    });
  });
});

describe("backlog", () => {
  it("counts unsolved tickets per queue: assigned or not, paused, breached, oldest due", async () => {
    const agent = await createStaff(ctx.db, { tier: "L2" });
    const created = window.at(100);
    const queue = {
      accountId,
      universe: "market" as const,
      tier: "L2" as const,
      language: "ru" as const,
    };
    const soon = new Date(Date.UTC(2200, 0, 1));
    const past = minutesAfter(created, 90);
    await insertReportTicket(ctx.db, {
      ...queue,
      createdAt: created,
      status: "open",
      slaClock: "first-response",
      dueAt: past,
    });
    await insertReportTicket(ctx.db, {
      ...queue,
      createdAt: minutesAfter(created, 5),
      status: "waiting-for-provider",
      slaClock: "next-response",
      dueAt: soon,
      assignedStaffId: agent.id,
    });
    await insertReportTicket(ctx.db, {
      ...queue,
      createdAt: minutesAfter(created, 10),
      status: "waiting-for-customer",
      assignedStaffId: agent.id,
    });
    await insertReportTicket(ctx.db, {
      ...queue,
      createdAt: minutesAfter(created, 15),
      status: "on-hold",
      breachedAt: past,
    });
    // Solved and closed tickets are no backlog; another language is another queue.
    await insertReportTicket(ctx.db, {
      ...queue,
      createdAt: created,
      status: "solved",
      solvedAt: past,
    });
    await insertReportTicket(ctx.db, { ...queue, createdAt: created, status: "closed" });
    await insertReportTicket(ctx.db, {
      ...queue,
      language: "fr",
      createdAt: created,
      status: "open",
    });

    freezeClock(ctx.clock, "2026-12-02T09:00:00.000Z");
    const body = await report("backlog");
    expect(body.asOf).toBe("2026-12-02T09:00:00.000Z");
    const queues = body.items.filter((i: Json) => i.universe === "market" && i.tier === "L2");
    expect(queues).toEqual([
      {
        universe: "market",
        tier: "L2",
        language: "fr",
        open: 1,
        unassigned: 1,
        assigned: 0,
        paused: 0,
        breached: 0,
        oldestDueAt: null,
        oldestCreatedAt: created.toISOString(),
      },
      {
        universe: "market",
        tier: "L2",
        language: "ru",
        open: 4,
        unassigned: 2,
        assigned: 2,
        paused: 2,
        breached: 2,
        oldestDueAt: past.toISOString(),
        oldestCreatedAt: created.toISOString(),
      },
    ]);
  });

  it("leaves out tickets created outside the period", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/reports/backlog?from=${window.from.toISOString()}&to=${window.at(100).toISOString()}`,
      headers: lead.auth,
    });
    const queues = res.json().items.filter((i: Json) => i.universe === "market" && i.tier === "L2");
    expect(queues).toEqual([]);
  });
});
