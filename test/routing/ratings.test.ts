import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.ts";
import { loadCalendar } from "../../src/modules/sla/service.ts";
import type { TestContext } from "../helpers/context.ts";
import { createCustomer } from "../helpers/factories.ts";
import {
  type Crew,
  customerWith,
  openRussian,
  routingOf,
  routingWorld,
  staffNotices,
} from "../helpers/routing-factories.ts";
import {
  freezeClock,
  get,
  type Json,
  messageKinds,
  minutes,
  post,
  postOk,
} from "../helpers/ticket-factories.ts";

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;

beforeAll(() => {
  ({ ctx, crew } = world);
});

/** Wednesday 2 December 2026, 10:00 in New York: US business hours. */
const NEW_YORK_MORNING = "2026-12-02T15:00:00.000Z";

async function answer(as: Json, number: string, body: string, status?: string): Promise<string> {
  const message = await postOk(ctx, as, `/tickets/${number}/messages`, {
    body,
    ...(status ? { status } : {}),
  });
  return message.id;
}

function rate(as: Json, number: string, messageId: string, payload: unknown) {
  return post(ctx, as, `/tickets/${number}/messages/${messageId}/rating`, payload);
}

describe("rating an answer", () => {
  it("reopens on not-answered, raises the severity and hands the ticket to another agent", async () => {
    freezeClock(ctx.clock, NEW_YORK_MORNING);
    const first = await crew.add({ tier: "L1", universes: ["server"] });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer);
    expect(ticket.severity).toBe("medium");
    const before = await routingOf(ctx.db, ticket.number);
    expect(before.assignee).toBe(first.id);
    const second = await crew.add({ tier: "L1", universes: ["server"] });

    const messageId = await answer(first, ticket.number, "Reboot it.", "solved");
    ctx.clock.advance(minutes(30));
    const res = await rate(customer.user, ticket.number, messageId, {
      rating: "not-answered",
      comment: "  I asked why it crashed.  ",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      messageId,
      rating: "not-answered",
      comment: "I asked why it crashed.",
      ticket: { status: "waiting-for-provider", severity: "high" },
    });

    const after = await routingOf(ctx.db, ticket.number);
    expect(after).toMatchObject({ tier: "L1", assignee: second.id });
    expect(after.row).toMatchObject({
      reopened_count: 1,
      severity: "high",
      sla_clock: "next-response",
    });
    // The next-response clock runs with the Standard update target of a high ticket: 24 h.
    const us = await loadCalendar(ctx.db, "US");
    expect(after.row.due_at).toEqual(us.addMinutes(ctx.clock.now(), 1440));
    expect(after.row.entitlement).toMatchObject({
      firstResponseMinutes: 1440,
      updateMinutes: 1440,
    });

    const stored = await ctx.db
      .selectFrom("answer_ratings")
      .selectAll()
      .where("message_id", "=", messageId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      ticket_id: before.id,
      staff_id: first.id,
      user_id: customer.user.id,
      rating: "not-answered",
    });
    expect(await staffNotices(ctx.db, first.id, before.id)).toEqual([
      "ticket.assigned",
      "ticket.unassigned",
      "ticket.answer_rated",
    ]);
    expect(await staffNotices(ctx.db, second.id, before.id)).toEqual(["ticket.assigned"]);
    expect((await messageKinds(ctx.db, before.id)).at(-1)).toEqual({
      kind: "system",
      body: translator("ru")("ticket.system.reopened"),
    });
    const seen = (await get(ctx, customer.user, `/tickets/${ticket.number}`)).json();
    expect(seen).toMatchObject({
      status: "waiting-for-provider",
      severity: "high",
      reopenedCount: 1,
    });
    expect(
      await ctx.db
        .selectFrom("ticket_escalations")
        .select("id")
        .where("ticket_id", "=", before.id)
        .execute(),
    ).toEqual([]);

    // One rating per answer.
    const again = await rate(customer.user, ticket.number, messageId, { rating: "solved" });
    expect(again.statusCode).toBe(409);
  });

  it("escalates a tier when no other agent of the tier has the skills", async () => {
    const only = await crew.add({ tier: "L1", universes: ["server"] });
    const l2 = await crew.add({ tier: "L2", universes: ["server"] });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer, { impact: "high", urgency: "high" });
    expect((await routingOf(ctx.db, ticket.number)).assignee).toBe(only.id);
    const messageId = await answer(only, ticket.number, "Have you tried turning it off?");
    const rated = await rate(customer.user, ticket.number, messageId, { rating: "not-answered" });
    expect(rated.statusCode, rated.body).toBe(201);
    // Critical stays critical.
    expect(rated.json().ticket.severity).toBe("critical");
    const after = await routingOf(ctx.db, ticket.number);
    expect(after).toMatchObject({ tier: "L2", assignee: l2.id });
    const escalations = await ctx.db
      .selectFrom("ticket_escalations")
      .select(["from_tier", "to_tier", "reason", "by_staff_id"])
      .where("ticket_id", "=", after.id)
      .execute();
    expect(escalations).toEqual([
      { from_tier: "L1", to_tier: "L2", reason: "rating", by_staff_id: null },
    ]);
  });

  it("leaves the ticket in its queue when the other agents of the tier are full", async () => {
    const author = await crew.add({ tier: "L1", universes: ["server"], max: 5 });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer);
    const busy = await crew.add({ tier: "L1", universes: ["server"], max: 1 });
    await openRussian(ctx, customer);
    await crew.add({ tier: "L2", universes: ["server"] });
    expect((await routingOf(ctx.db, ticket.number)).assignee).toBe(author.id);
    const messageId = await answer(author, ticket.number, "Done.");
    expect(
      (await rate(customer.user, ticket.number, messageId, { rating: "not-answered" })).statusCode,
    ).toBe(201);
    expect(await routingOf(ctx.db, ticket.number)).toMatchObject({ tier: "L1", assignee: null });
    expect(busy.id).not.toBe(author.id);
  });

  it("keeps the time already used when the clock runs, against the target of the new severity", async () => {
    const start = new Date("2026-12-02T09:00:00.000Z");
    freezeClock(ctx.clock, start);
    const agent = await crew.add({ tier: "L2", universes: ["enterprise"] });
    await crew.add({ tier: "L2", universes: ["enterprise"] });
    const customer = await customerWith(ctx.db, { universe: "enterprise", level: "business" });
    const ticket = await openRussian(ctx, customer);
    const messageId = await answer(agent, ticket.number, "Try the new image.");
    ctx.clock.advance(minutes(10));
    await postOk(ctx, customer.user, `/tickets/${ticket.number}/messages`, { body: "Still down." });
    // Business, medium: 480 minutes to the next answer; 60 of them pass before the rating.
    ctx.clock.advance(minutes(60));
    const res = await rate(customer.user, ticket.number, messageId, { rating: "not-answered" });
    expect(res.statusCode, res.body).toBe(201);
    const { row } = await routingOf(ctx.db, ticket.number);
    expect(row.severity).toBe("high");
    // High: 240 minutes, of which 60 are used.
    expect(row.due_at).toEqual(new Date(start.getTime() + minutes(10 + 240)));
  });

  it("marks the ticket solved when its latest answer solved the problem", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer);
    const older = await answer(agent, ticket.number, "Checking.");
    const latest = await answer(agent, ticket.number, "Fixed the route.");
    const early = await rate(customer.user, ticket.number, older, { rating: "solved" });
    expect(early.json().ticket.status).toBe("open");
    const res = await rate(customer.user, ticket.number, latest, { rating: "solved" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ticket.status).toBe("solved");
    expect((await routingOf(ctx.db, ticket.number)).row.solved_at).not.toBeNull();
  });

  it("rates only public agent answers, by customers allowed on the ticket", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer);
    const answerId = await answer(agent, ticket.number, "Public answer.");
    const note = await postOk(ctx, agent, `/tickets/${ticket.number}/notes`, { body: "secret" });
    const { id } = await routingOf(ctx.db, ticket.number);
    const customerMessage = await ctx.db
      .selectFrom("ticket_messages")
      .select("id")
      .where("ticket_id", "=", id)
      .where("kind", "=", "customer")
      .executeTakeFirstOrThrow();
    await postOk(ctx, agent, `/tickets/${ticket.number}/status`, { status: "on-hold" }, 200);
    const system = await ctx.db
      .selectFrom("ticket_messages")
      .select("id")
      .where("ticket_id", "=", id)
      .where("kind", "=", "system")
      .executeTakeFirstOrThrow();
    const other = await openRussian(ctx, customer);
    const stranger = await createCustomer(ctx.db);

    const cases: [Json, string, string, unknown, number][] = [
      [customer.user, ticket.number, note.id, { rating: "solved" }, 404],
      [customer.user, ticket.number, customerMessage.id, { rating: "solved" }, 422],
      [customer.user, ticket.number, system.id, { rating: "not-answered" }, 422],
      [customer.user, other.number, answerId, { rating: "solved" }, 404],
      [
        customer.user,
        ticket.number,
        "00000000-0000-4000-8000-000000000000",
        { rating: "solved" },
        404,
      ],
      [customer.user, ticket.number, "not-a-uuid", { rating: "solved" }, 400],
      [customer.user, ticket.number, answerId, { rating: "meh" }, 400],
      [
        customer.user,
        ticket.number,
        answerId,
        { rating: "solved", comment: "x".repeat(2001) },
        400,
      ],
      [stranger, ticket.number, answerId, { rating: "solved" }, 404],
      [agent, ticket.number, answerId, { rating: "solved" }, 403],
    ];
    for (const [who, number, messageId, payload, status] of cases) {
      const res = await rate(who, number, messageId, payload);
      expect(res.statusCode, `${messageId} ${JSON.stringify(payload)}: ${res.body}`).toBe(status);
    }
    expect(
      (await rate(customer.user, ticket.number, note.id, { rating: "solved" })).body,
    ).not.toContain("secret");

    await postOk(ctx, customer.user, `/tickets/${ticket.number}/close`, undefined, 200);
    const closed = await rate(customer.user, ticket.number, answerId, { rating: "not-answered" });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe("ticket_closed");
  });
});
