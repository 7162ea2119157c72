import { beforeAll, describe, expect, it } from "vitest";
import { periodicTasks } from "../../src/jobs/scheduler.ts";
import { sweepSla } from "../../src/modules/routing/sweeper.ts";
import type { TestContext } from "../helpers/context.ts";
import {
  type Crew,
  customerWith,
  openRussian,
  type RoutingCustomer,
  routingOf,
  routingWorld,
  staffNotices,
} from "../helpers/routing-factories.ts";
import { freezeClock, get, messageKinds, minutes, postOk } from "../helpers/ticket-factories.ts";

/**
 * The sweeper marks every ticket of the database that is due, so these tests live in the
 * 1970s, where no other test file writes tickets: each sweep finds this file's tickets only.
 * Each test takes an earlier year than the one before, so leftovers of a previous test are
 * never due in the next one.
 */

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;

beforeAll(async () => {
  ({ ctx, crew } = world);
});

const SINCE = new Date("1969-01-01T00:00:00Z");

function eventsOf(ticketId: string) {
  return ctx.db
    .selectFrom("sla_events")
    .select(["clock", "kind", "due_at", "at"])
    .where("ticket_id", "=", ticketId)
    .orderBy("id")
    .execute();
}

function escalationsOf(ticketId: string) {
  return ctx.db
    .selectFrom("ticket_escalations")
    .select(["from_tier", "to_tier", "reason", "by_staff_id"])
    .where("ticket_id", "=", ticketId)
    .orderBy("id")
    .execute();
}

async function businessCustomer(): Promise<RoutingCustomer> {
  return customerWith(ctx.db, { universe: "enterprise", level: "business", since: SINCE });
}

describe("the SLA sweeper", () => {
  it("warns at 75 %, breaches at 100 % and escalates the ticket one tier by itself", async () => {
    const start = new Date("1979-03-07T09:00:00Z");
    freezeClock(ctx.clock, start);
    const agent = await crew.add({ tier: "L2", universes: ["enterprise"] });
    const expert = await crew.add({ tier: "L3", universes: ["enterprise"], region: "EU" });
    const lead = await crew.add({
      role: "lead",
      tier: "L2",
      universes: ["enterprise"],
      languages: ["en"],
    });
    const customer = await businessCustomer();
    // Business, medium severity: first response within 240 minutes, around the clock.
    const ticket = await openRussian(ctx, customer);
    const { id } = await routingOf(ctx.db, ticket.number);
    const dueAt = new Date(start.getTime() + minutes(240));
    expect(await routingOf(ctx.db, ticket.number)).toMatchObject({
      tier: "L2",
      assignee: agent.id,
    });

    ctx.clock.advance(minutes(179));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 0, breached: 0 });
    ctx.clock.advance(minutes(1));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 1, breached: 0 });
    const warnedAt = new Date(start.getTime() + minutes(180));
    expect(await eventsOf(id)).toEqual([
      { clock: "first-response", kind: "warning", due_at: dueAt, at: warnedAt },
    ]);
    const warned = (await routingOf(ctx.db, ticket.number)).row;
    expect(warned).toMatchObject({ warned_at: warnedAt, sla_warn_at: null, breached_at: null });
    expect(await staffNotices(ctx.db, lead.id, id)).toEqual(["sla.warning"]);
    expect(await staffNotices(ctx.db, agent.id, id)).toEqual(["ticket.assigned", "sla.warning"]);
    ctx.clock.advance(minutes(1));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 0, breached: 0 });

    ctx.clock.advance(minutes(59));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 0, breached: 1 });
    expect((await eventsOf(id)).map((e) => [e.kind, e.due_at, e.at])).toEqual([
      ["warning", dueAt, warnedAt],
      ["breach", dueAt, dueAt],
    ]);
    const breached = await routingOf(ctx.db, ticket.number);
    expect(breached).toMatchObject({ tier: "L3", assignee: expert.id });
    expect(breached.row.breached_at).toEqual(dueAt);
    expect(await escalationsOf(id)).toEqual([
      { from_tier: "L2", to_tier: "L3", reason: "breach", by_staff_id: null },
    ]);
    expect(await staffNotices(ctx.db, lead.id, id)).toEqual(["sla.warning", "sla.breached"]);
    expect(await staffNotices(ctx.db, agent.id, id)).toEqual([
      "ticket.assigned",
      "sla.warning",
      "sla.breached",
      "ticket.escalated",
    ]);
    expect(await staffNotices(ctx.db, expert.id, id)).toEqual([
      "ticket.assigned",
      "ticket.escalated",
    ]);
    const notes = (await messageKinds(ctx.db, id)).filter((m) => m.kind === "internal");
    expect(notes).toEqual([
      {
        kind: "internal",
        body: `SLA breach: the first-response clock was due at ${dueAt.toISOString()}; escalated automatically from L2 to L3.`,
      },
    ]);
    const seen = await get(ctx, customer.user, `/tickets/${ticket.number}/messages?limit=100`);
    expect(seen.body).not.toContain("SLA breach");
    expect((await get(ctx, customer.user, `/tickets/${ticket.number}`)).json().sla).toMatchObject({
      breachedAt: dueAt.toISOString(),
    });

    // Nothing is marked twice, however often the sweeper runs.
    ctx.clock.advance(minutes(60));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 0, breached: 0 });
    expect(await eventsOf(id)).toHaveLength(2);
    expect(await escalationsOf(id)).toHaveLength(1);
  });

  it("neither warns nor breaches a paused ticket, and counts the time it had left on resuming", async () => {
    const start = new Date("1978-05-10T09:00:00Z");
    freezeClock(ctx.clock, start);
    const agent = await crew.add({ tier: "L2", universes: ["enterprise"] });
    const customer = await businessCustomer();
    const ticket = await openRussian(ctx, customer);
    const { id } = await routingOf(ctx.db, ticket.number);

    ctx.clock.advance(minutes(60));
    await postOk(ctx, agent, `/tickets/${ticket.number}/status`, { status: "on-hold" }, 200);
    ctx.clock.advance(minutes(2000));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 0, breached: 0 });
    expect(await eventsOf(id)).toEqual([]);

    await postOk(
      ctx,
      agent,
      `/tickets/${ticket.number}/status`,
      {
        status: "waiting-for-provider",
      },
      200,
    );
    const resumedAt = ctx.clock.now().getTime();
    // 180 minutes were left: the warning comes when 60 are, 120 minutes after resuming.
    ctx.clock.advance(minutes(119));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 0, breached: 0 });
    ctx.clock.advance(minutes(1));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 1, breached: 0 });
    ctx.clock.advance(minutes(60));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 0, breached: 1 });
    expect((await eventsOf(id)).map((e) => [e.kind, e.due_at.getTime()])).toEqual([
      ["warning", resumedAt + minutes(180)],
      ["breach", resumedAt + minutes(180)],
    ]);
  });

  it("warns and breaches at once a ticket found past due, and leaves a breach at L3 with its assignee", async () => {
    const start = new Date("1977-09-14T09:00:00Z");
    freezeClock(ctx.clock, start);
    // No TAM: the Enterprise ticket falls back to an L3 expert.
    const expert = await crew.add({ tier: "L3", universes: ["enterprise"] });
    const customer = await customerWith(ctx.db, {
      universe: "enterprise",
      level: "enterprise",
      since: SINCE,
    });
    const ticket = await openRussian(ctx, customer);
    const { id } = await routingOf(ctx.db, ticket.number);
    expect(await routingOf(ctx.db, ticket.number)).toMatchObject({
      tier: "L3",
      assignee: expert.id,
    });

    // Enterprise, medium: 120 minutes. The sweeper was down and comes back a day later.
    ctx.clock.advance(minutes(1440));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 1, breached: 1 });
    expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["warning", "breach"]);
    expect(await escalationsOf(id)).toEqual([]);
    expect(await routingOf(ctx.db, ticket.number)).toMatchObject({
      tier: "L3",
      assignee: expert.id,
    });
    const notes = (await messageKinds(ctx.db, id)).filter((m) => m.kind === "internal");
    expect(notes[0]?.body).toContain("already with L3, the top tier");
  });

  it("marks each ticket once when several sweepers run at the same time", async () => {
    const start = new Date("1976-02-04T09:00:00Z");
    freezeClock(ctx.clock, start);
    await crew.add({ tier: "L2", universes: ["enterprise"], max: 50 });
    await crew.add({ tier: "L3", universes: ["enterprise"], max: 50 });
    const customer = await businessCustomer();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push((await routingOf(ctx.db, (await openRussian(ctx, customer)).number)).id);
    }
    ctx.clock.advance(minutes(300));
    const results = await Promise.all([
      sweepSla(ctx.db, ctx.clock),
      sweepSla(ctx.db, ctx.clock),
      sweepSla(ctx.db, ctx.clock),
    ]);
    const total = results.reduce(
      (sum, r) => ({ warned: sum.warned + r.warned, breached: sum.breached + r.breached }),
      { warned: 0, breached: 0 },
    );
    expect(total).toEqual({ warned: 6, breached: 6 });
    for (const id of ids) {
      expect((await eventsOf(id)).map((e) => e.kind)).toEqual(["warning", "breach"]);
      expect(await escalationsOf(id)).toHaveLength(1);
    }
  });

  it("puts a breached ticket nobody can take at the head of the next tier's queue", async () => {
    const start = new Date("1975-11-05T09:00:00Z");
    freezeClock(ctx.clock, start);
    await crew.add({ tier: "L2", universes: ["enterprise"] });
    const lead = await crew.add({
      role: "lead",
      tier: "L3",
      universes: ["enterprise"],
      languages: ["en"],
    });
    const customer = await businessCustomer();
    const ticket = await openRussian(ctx, customer);
    ctx.clock.advance(minutes(240));
    expect(await sweepSla(ctx.db, ctx.clock)).toEqual({ warned: 1, breached: 1 });
    const routed = await routingOf(ctx.db, ticket.number);
    expect(routed).toMatchObject({ tier: "L3", assignee: null });
    expect(await staffNotices(ctx.db, lead.id, routed.id)).toEqual([
      "sla.warning",
      "sla.breached",
      "ticket.escalated",
    ]);
    const queue = (await get(ctx, lead, "/queues/enterprise/L3/ru/tickets?limit=5")).json();
    expect(queue.items[0]).toMatchObject({
      number: ticket.number,
      dueAt: new Date(start.getTime() + minutes(240)).toISOString(),
      staff: { tier: "L3", assignedStaffId: null },
    });
  });

  it("is a periodic task every 30 seconds", () => {
    const task = periodicTasks.find((t) => t.name === "sla.sweep");
    expect(task?.everyMs).toBe(30_000);
  });
});
