import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { periodicTasks } from "../../src/jobs/scheduler.ts";
import { routeWaitingTickets } from "../../src/modules/routing/waiting.ts";
import { insertMessage } from "../../src/modules/tickets/message-repository.ts";
import type { TestContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";
import {
  assignmentAudits,
  type Crew,
  customerWith,
  type RoutingCustomer,
  routingOf,
  routingWorld,
  staffNotices,
} from "../helpers/routing-factories.ts";
import { type Json, openTicket, post } from "../helpers/ticket-factories.ts";

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;
// A product of each test's own, and agents skilled in it alone, so that no agent of another
// file (the database is shared) ever takes these tickets.
// Those agents see no universe's tickets through the API, so their work is written directly.
let product: string;
// The accounts this test made: the pass routes their tickets only, never other files'.
let accounts: string[];
const QUEUE = { universe: "server", tier: "L1", language: "ru" };

beforeAll(() => {
  ({ ctx, crew } = world);
});

beforeEach(async () => {
  accounts = [];
  product = `waiting-${uniqueSuffix()}`;
  await ctx.db
    .insertInto("products")
    .values({
      code: product,
      name: "Waiting test",
      universe: "server",
      product_unit: "virtual-servers",
    })
    .execute();
});

async function customer(): Promise<RoutingCustomer> {
  const made = await customerWith(ctx.db, { universe: "server", level: "standard" });
  accounts.push(made.user.account.id);
  await ctx.db.updateTable("services").set({ product }).where("id", "=", made.service.id).execute();
  return made;
}

/** A Russian billing question (no matrix area needed) on the customer's service. */
function ask(of: RoutingCustomer, urgency: "low" | "medium" | "high"): Promise<Json> {
  return openTicket(ctx, of.user, {
    service: of.service.name,
    category: "billing",
    language: "ru",
    impact: "medium",
    urgency,
  });
}

const agent = (max: number) => crew.add({ tier: "L1", universes: [], products: [product], max });
const route = () =>
  routeWaitingTickets(ctx.db, ctx.clock, { queues: [QUEUE], accountIds: accounts });

/** The agent's public answer, as answering through the API writes it. */
async function answer(by: Json, ticketId: string): Promise<string> {
  const row = await insertMessage(ctx.db, {
    ticket_id: ticketId,
    kind: "agent",
    author_user_id: null,
    author_staff_id: by.id,
    body: "Done.",
    created_at: ctx.clock.now(),
  });
  return row.id;
}

/** Marks the ticket solved; the load triggers give its assignee the room back. */
async function solved(ticketId: string): Promise<void> {
  await ctx.db
    .updateTable("tickets")
    .set({ status: "solved" })
    .where("id", "=", ticketId)
    .execute();
}

describe("routing tickets that wait in their queue", () => {
  it("hands the most urgent waiting ticket to an agent once one has room", async () => {
    const solo = await agent(1);
    const buyer = await customer();
    const held = await ask(buyer, "medium");
    expect((await routingOf(ctx.db, held.number)).assignee).toBe(solo.id);
    const later = await ask(buyer, "low");
    const urgent = await ask(buyer, "high");
    expect((await routingOf(ctx.db, urgent.number)).assignee).toBeNull();
    expect(await route()).toBe(0);

    await solved((await routingOf(ctx.db, held.number)).id);
    expect(await route()).toBe(1);
    const routed = await routingOf(ctx.db, urgent.number);
    expect(routed).toMatchObject({ tier: "L1", assignee: solo.id });
    expect((await routingOf(ctx.db, later.number)).assignee).toBeNull();
    expect(await staffNotices(ctx.db, solo.id, routed.id)).toEqual(["ticket.assigned"]);
    const audits = await assignmentAudits(ctx.db, routed.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_kind: "system", details: { how: "automatic" } });
    // Full again: nothing more to hand out.
    expect(await route()).toBe(0);
  });

  it("never hands a ticket back to the agent whose answer was rated as not answering", async () => {
    const author = await agent(5);
    const buyer = await customer();
    const ticket = await ask(buyer, "medium");
    expect((await routingOf(ctx.db, ticket.number)).assignee).toBe(author.id);
    const other = await agent(1);
    const othersTicket = await routingOf(ctx.db, (await ask(buyer, "low")).number);
    expect(othersTicket.assignee).toBe(other.id);
    const { id } = await routingOf(ctx.db, ticket.number);
    const answerId = await answer(author, id);
    const rated = await post(
      ctx,
      buyer.user,
      `/tickets/${ticket.number}/messages/${answerId}/rating`,
      { rating: "not-answered" },
    );
    expect(rated.statusCode, rated.body).toBe(201);
    // The other L1 agent with the skills is full: the ticket waits in the L1 queue.
    expect(await routingOf(ctx.db, ticket.number)).toMatchObject({ tier: "L1", assignee: null });
    expect(await route()).toBe(0);
    expect((await routingOf(ctx.db, ticket.number)).assignee).toBeNull();

    await solved(othersTicket.id);
    expect(await route()).toBe(1);
    expect((await routingOf(ctx.db, ticket.number)).assignee).toBe(other.id);
  });

  it("routes only the accounts it is given, when given some", async () => {
    const stranger = await customerWith(ctx.db, { universe: "server", level: "standard" });
    await ctx.db
      .updateTable("services")
      .set({ product })
      .where("id", "=", stranger.service.id)
      .execute();
    const theirs = await ask(stranger, "high");
    const ours = await ask(await customer(), "low");
    const agentWithRoom = await agent(5);
    expect(await route()).toBe(1);
    expect((await routingOf(ctx.db, ours.number)).assignee).toBe(agentWithRoom.id);
    expect((await routingOf(ctx.db, theirs.number)).assignee).toBeNull();
  });

  it("is a periodic task every 30 seconds", () => {
    const task = periodicTasks.find((t) => t.name === "routing.route-waiting");
    expect(task?.everyMs).toBe(30_000);
  });
});
