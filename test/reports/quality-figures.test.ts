import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createAccount, createStaff, type TestStaff } from "../helpers/factories.ts";
import { giveFastPath } from "../helpers/support-factories.ts";
import { freezeClock, type Json, thawClock } from "../helpers/ticket-factories.ts";
import { DAY, insertReportTicket, pastWindow, rateAnswer } from "./factories.ts";

/** Ratings per agent and team, and Fast-Path use per partner, on data in a past window. */

let ctx: TestContext;
let admin: TestStaff;
const window = pastWindow();

beforeAll(async () => {
  ctx = await testContext();
  admin = await createStaff(ctx.db, { role: "admin" });
});
afterEach(() => thawClock(ctx.clock));

async function report(name: string, query = window.query): Promise<Json> {
  const res = await ctx.app.inject({
    method: "GET",
    url: `/api/v1/reports/${name}?${query}`,
    headers: admin.auth,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("ratings", () => {
  it("gives answers rated, solved and not-answered shares and reopenings per agent and per team", async () => {
    const accountId = (await createAccount(ctx.db)).id;
    const ana = await createStaff(ctx.db, { tier: "L3" });
    const ben = await createStaff(ctx.db, { tier: "L3" });
    const ticket = (reopenedCount: number) =>
      insertReportTicket(ctx.db, {
        accountId,
        universe: "server",
        createdAt: window.at(10),
        reopenedCount,
      });
    const reopenedTwice = await ticket(2);
    const reopenedOnce = await ticket(1);
    const never = await ticket(0);
    const at = window.at(60);
    // Ana: three ratings on the twice-reopened ticket, one on the other; Ben: two.
    await rateAnswer(ctx.db, {
      ticketId: reopenedTwice,
      staffId: ana.id,
      rating: "not-answered",
      at,
    });
    await rateAnswer(ctx.db, {
      ticketId: reopenedTwice,
      staffId: ana.id,
      rating: "not-answered",
      at,
    });
    await rateAnswer(ctx.db, { ticketId: reopenedTwice, staffId: ana.id, rating: "solved", at });
    await rateAnswer(ctx.db, { ticketId: never, staffId: ana.id, rating: "solved", at });
    await rateAnswer(ctx.db, { ticketId: reopenedTwice, staffId: ben.id, rating: "solved", at });
    await rateAnswer(ctx.db, {
      ticketId: reopenedOnce,
      staffId: ben.id,
      rating: "not-answered",
      at,
    });
    // A rating after the window counts elsewhere.
    await rateAnswer(ctx.db, { ticketId: never, staffId: ben.id, rating: "solved", at: window.to });

    const body = await report("ratings");
    const mine = body.agents.filter((a: Json) => [ana.id, ben.id].includes(a.staffId));
    const agent = (staff: TestStaff) => mine.find((a: Json) => a.staffId === staff.id);
    expect(mine).toHaveLength(2);
    expect(agent(ana)).toEqual({
      staffId: ana.id,
      name: `Staff ${ana.email}`,
      tier: "L3",
      answersRated: 4,
      solved: 2,
      notAnswered: 2,
      solvedPercent: 50,
      notAnsweredPercent: 50,
      reopenings: 2,
    });
    expect(agent(ben)).toMatchObject({
      answersRated: 2,
      solved: 1,
      notAnswered: 1,
      solvedPercent: 50,
      reopenings: 3,
    });
    // The team counts each ticket once: 2 + 1 reopenings over the three tickets.
    expect(body.teams).toEqual([
      {
        tier: "L3",
        agents: 2,
        answersRated: 6,
        solved: 3,
        notAnswered: 3,
        solvedPercent: 50,
        notAnsweredPercent: 50,
        reopenings: 3,
      },
    ]);
  });

  it("rounds shares to one decimal", async () => {
    const later = new Date(window.to.getTime() + 10 * DAY);
    const accountId = (await createAccount(ctx.db)).id;
    const cleo = await createStaff(ctx.db, { tier: "L1" });
    const ticketId = await insertReportTicket(ctx.db, {
      accountId,
      universe: "market",
      createdAt: later,
    });
    for (const rating of ["solved", "solved", "not-answered"] as const) {
      await rateAnswer(ctx.db, { ticketId, staffId: cleo.id, rating, at: later });
    }
    const query = `from=${later.toISOString()}&to=${new Date(later.getTime() + 1000).toISOString()}`;
    const body = await report("ratings", query);
    expect(body.agents.find((a: Json) => a.staffId === cleo.id)).toMatchObject({
      solvedPercent: 66.7,
      notAnsweredPercent: 33.3,
    });
  });
});

describe("Fast-Path use", () => {
  it("gives uses in the period and the year, the quota and what remains, per partner", async () => {
    // Subscribed since before the year; one use a minute before the window, in its year or not.
    const year = window.from.getUTCFullYear();
    const jan = new Date(Date.UTC(year - 1, 11, 1));
    const partner = await createAccount(ctx.db, { programme: "technical-partner" });
    const former = await createAccount(ctx.db, { programme: "technical-partner" });
    const idle = await createAccount(ctx.db, { programme: "technical-partner" });
    await giveFastPath(ctx.db, partner.id, { yearlyQuota: 6, startsAt: jan });
    await giveFastPath(ctx.db, idle.id, { yearlyQuota: 4, startsAt: jan });
    const formerSub = await giveFastPath(ctx.db, former.id, { yearlyQuota: 3, startsAt: jan });
    // The former partner stopped in the middle of the window.
    await ctx.db
      .updateTable("fast_path_subscriptions")
      .set({ ends_at: window.at(24 * 60) })
      .where("id", "=", formerSub)
      .execute();
    const use = (accountId: string, createdAt: Date) =>
      insertReportTicket(ctx.db, { accountId, universe: "server", fastPath: true, createdAt });
    const earlier = new Date(window.from.getTime() - 60_000);
    const inYearBefore = earlier.getUTCFullYear() === year;
    await use(partner.id, window.at(30));
    await use(partner.id, window.at(90));
    await use(partner.id, earlier);
    await use(former.id, window.at(60));
    // A plain ticket is no use.
    await insertReportTicket(ctx.db, {
      accountId: partner.id,
      universe: "server",
      createdAt: window.at(30),
    });

    const body = await report("fast-path");
    expect(body.year).toBe(year);
    const row = (nic: string) => body.items.find((i: Json) => i.nicHandle === nic);
    const partnerYear = inYearBefore ? 3 : 2;
    expect(row(partner.nic)).toEqual({
      nicHandle: partner.nic,
      name: `Test ${partner.nic}`,
      active: true,
      yearlyQuota: 6,
      usedInPeriod: 2,
      usedInYear: partnerYear,
      remaining: 6 - partnerYear,
    });
    expect(row(former.nic)).toMatchObject({
      active: false,
      yearlyQuota: 3,
      usedInPeriod: 1,
      usedInYear: 1,
      remaining: 0,
    });
    expect(row(idle.nic)).toMatchObject({ active: true, usedInPeriod: 0, remaining: 4 });
    // Busiest first.
    const order = body.items.map((i: Json) => i.nicHandle);
    expect(order.indexOf(partner.nic)).toBeLessThan(order.indexOf(former.nic));
    expect(order.indexOf(former.nic)).toBeLessThan(order.indexOf(idle.nic));
  });

  it("leaves out partners whose Fast-Path did not overlap the period", async () => {
    const partner = await createAccount(ctx.db, { programme: "technical-partner" });
    await giveFastPath(ctx.db, partner.id, { startsAt: window.to });
    freezeClock(ctx.clock, window.to);
    const body = await report("fast-path");
    expect(body.items.map((i: Json) => i.nicHandle)).not.toContain(partner.nic);
  });
});
