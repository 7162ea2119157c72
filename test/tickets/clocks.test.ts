import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
import {
  freezeClock,
  get,
  minutes,
  openIncident,
  postOk,
  thawClock,
  ticketRow,
} from "../helpers/ticket-factories.ts";

/**
 * The clocks through the API, on the EU calendar (Monday to Friday 09:00-18:00 Paris) with the
 * Standard level: first response 8 business hours for critical, next response (update) 8 too.
 * The clock is frozen on Wednesday 2 December 2026 at 10:00 Paris and moved by hand.
 */

let ctx: TestContext;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  customer = await createUser(ctx.db, await createAccount(ctx.db, { region: "EU" }));
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
});
beforeEach(() => freezeClock(ctx.clock));
afterEach(() => thawClock(ctx.clock));

const critical = { impact: "high", urgency: "high" };

describe("pause and resume through the API", () => {
  it("pauses while waiting for the customer, and a customer reply resumes it with the time left", async () => {
    const ticket = await openIncident(ctx, customer, service, critical);
    expect(ticket.sla.dueAt).toBe("2026-12-02T17:00:00.000Z");

    // Two business hours later the agent asks for details without answering publicly.
    ctx.clock.advance(minutes(120));
    const waiting = await postOk(
      ctx,
      agent,
      `/tickets/${ticket.number}/status`,
      { status: "waiting-for-customer" },
      200,
    );
    expect(waiting.status).toBe("waiting-for-customer");
    expect(waiting.sla).toMatchObject({
      clock: "first-response",
      paused: true,
      dueAt: null,
      pausedRemainingMinutes: 360,
    });
    expect(waiting.dueAt).toBeNull();
    const paused = await ticketRow(ctx.db, ticket.number);
    expect(paused.due_at).toBeNull();
    expect(paused.sla_warn_at).toBeNull();
    expect(Number(paused.sla_paused_remaining_minutes)).toBe(360);

    // The customer replies the next morning, Thursday 09:30 Paris: six hours are left.
    ctx.clock.advance(minutes(21 * 60 + 30));
    await postOk(ctx, customer, `/tickets/${ticket.number}/messages`, {
      body: "Here are the logs.",
    });
    const resumed = (await get(ctx, customer, `/tickets/${ticket.number}`)).json();
    expect(resumed.status).toBe("waiting-for-provider");
    expect(resumed.sla).toMatchObject({
      clock: "first-response",
      paused: false,
      pausedRemainingMinutes: null,
      // Thursday 09:30 + 6 h = 15:30 Paris.
      dueAt: "2026-12-03T14:30:00.000Z",
      firstResponseDueAt: "2026-12-03T14:30:00.000Z",
    });
    const row = await ticketRow(ctx.db, ticket.number);
    // The warning comes when 2 of the 8 hours are left: 13:30 Paris.
    expect(row.sla_warn_at?.toISOString()).toBe("2026-12-03T12:30:00.000Z");
  });

  it("pauses on hold and resumes when staff take the ticket off hold", async () => {
    const ticket = await openIncident(ctx, customer, service, critical);
    ctx.clock.advance(minutes(60));
    const held = await postOk(
      ctx,
      agent,
      `/tickets/${ticket.number}/status`,
      { status: "on-hold" },
      200,
    );
    expect(held.sla.pausedRemainingMinutes).toBe(420);
    // A customer message while on hold leaves it on hold and paused.
    ctx.clock.advance(minutes(30));
    await postOk(ctx, customer, `/tickets/${ticket.number}/messages`, { body: "Any news?" });
    const still = (await get(ctx, agent, `/tickets/${ticket.number}`)).json();
    expect(still.status).toBe("on-hold");
    expect(still.sla.pausedRemainingMinutes).toBe(420);
    // Off hold on Friday at 09:00 Paris: 7 hours left, due 16:00.
    ctx.clock.advance(minutes(60 * 45 + 30));
    const back = await postOk(
      ctx,
      agent,
      `/tickets/${ticket.number}/status`,
      { status: "waiting-for-provider" },
      200,
    );
    expect(back.sla.dueAt).toBe("2026-12-04T15:00:00.000Z");
  });
});

describe("first and next response", () => {
  it("stops at the first public answer, then runs from the customer's next message", async () => {
    const ticket = await openIncident(ctx, customer, service, critical);
    ctx.clock.advance(minutes(30));
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "We are looking at the host.",
      status: "waiting-for-customer",
    });
    const answered = (await get(ctx, customer, `/tickets/${ticket.number}`)).json();
    expect(answered.status).toBe("waiting-for-customer");
    expect(answered.sla).toMatchObject({
      clock: null,
      paused: false,
      dueAt: null,
      firstRespondedAt: "2026-12-02T09:30:00.000Z",
      firstResponseDueAt: "2026-12-02T17:00:00.000Z",
    });

    // The customer answers at 16:00 Paris: the next-response clock (8 business hours) starts.
    ctx.clock.advance(minutes(5 * 60 + 30));
    await postOk(ctx, customer, `/tickets/${ticket.number}/messages`, { body: "Still down." });
    const next = (await get(ctx, agent, `/tickets/${ticket.number}`)).json();
    expect(next.status).toBe("waiting-for-provider");
    // Two hours on Wednesday, six on Thursday: 15:00 Paris.
    expect(next.sla).toMatchObject({
      clock: "next-response",
      dueAt: "2026-12-03T14:00:00.000Z",
      nextResponseDueAt: "2026-12-03T14:00:00.000Z",
    });
    expect(next.staff.slaWarnAt).toBe("2026-12-03T12:00:00.000Z");

    // Internal notes do not stop the clock; a public answer does.
    await postOk(ctx, agent, `/tickets/${ticket.number}/notes`, { body: "Host h12 is degraded." });
    expect((await get(ctx, agent, `/tickets/${ticket.number}`)).json().sla.clock).toBe(
      "next-response",
    );
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, { body: "Migrated." });
    const done = (await get(ctx, agent, `/tickets/${ticket.number}`)).json();
    expect(done.sla).toMatchObject({ clock: null, dueAt: null });
    expect(done.staff.slaWarnAt).toBeNull();
  });

  it("clears an earlier breach and warning when a new clock starts", async () => {
    const ticket = await openIncident(ctx, customer, service, critical);
    const row = await ticketRow(ctx.db, ticket.number);
    // What the sweeper would have written when the first response was late.
    await ctx.db
      .updateTable("tickets")
      .set({ warned_at: new Date(), breached_at: new Date(), sla_warn_at: null })
      .where("id", "=", row.id)
      .execute();
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, { body: "Sorry for the wait." });
    await postOk(ctx, customer, `/tickets/${ticket.number}/messages`, { body: "Thanks, but?" });
    const after = await ticketRow(ctx.db, ticket.number);
    expect(after.sla_clock).toBe("next-response");
    expect(after.warned_at).toBeNull();
    expect(after.breached_at).toBeNull();
    expect(after.sla_warn_at).not.toBeNull();
  });
});
