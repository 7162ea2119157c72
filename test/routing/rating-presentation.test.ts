import { beforeAll, describe, expect, it } from "vitest";
import type { TestContext } from "../helpers/context.ts";
import {
  type Crew,
  customerWith,
  openRussian,
  routingWorld,
} from "../helpers/routing-factories.ts";
import { get, type Json, post, postOk } from "../helpers/ticket-factories.ts";

/** The thread says how each answer was rated, so the Manager can show it and offer to rate. */

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;

beforeAll(() => {
  ({ ctx, crew } = world);
});

async function thread(as: Json, number: string): Promise<Json[]> {
  const res = await get(ctx, as, `/tickets/${number}/messages?limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe("ratings in the thread", () => {
  it("shows each answer's rating to the customer and to staff, never an internal note", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer);
    const first = await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "Checking.",
    });
    const note = await postOk(ctx, agent, `/tickets/${ticket.number}/notes`, {
      body: "Internal: the host is flaky.",
    });
    const second = await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "Fixed the route.",
    });
    // Freshly posted answers carry no rating yet.
    expect(first.rating).toBeNull();

    const before = await thread(customer.user, ticket.number);
    expect(before.map((m) => m.id)).not.toContain(note.id);
    expect(before.filter((m) => m.kind === "agent").map((m) => m.rating)).toEqual([null, null]);

    const rated = await post(
      ctx,
      customer.user,
      `/tickets/${ticket.number}/messages/${first.id}/rating`,
      { rating: "not-answered", comment: "I asked why." },
    );
    expect(rated.statusCode, rated.body).toBe(201);

    const after = await thread(customer.user, ticket.number);
    const byId = new Map(after.map((m) => [m.id, m]));
    expect(byId.get(first.id).rating).toEqual({
      value: "not-answered",
      comment: "I asked why.",
      createdAt: rated.json().createdAt,
    });
    expect(byId.get(second.id).rating).toBeNull();
    expect(byId.has(note.id)).toBe(false);
    // The customer's own message and the system line of the reopening are never rated.
    for (const message of after.filter((m) => m.kind !== "agent")) {
      expect(message.rating).toBeNull();
    }
    expect(after.some((m) => m.kind === "internal")).toBe(false);

    const staffView = await thread(agent, ticket.number);
    const staffById = new Map(staffView.map((m) => [m.id, m]));
    expect(staffById.get(first.id).rating).toMatchObject({ value: "not-answered" });
    expect(staffById.get(note.id)).toMatchObject({ kind: "internal", rating: null });
  });

  it("shows a solved rating without a comment", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer);
    const answer = await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "Fixed.",
    });
    const rated = await post(
      ctx,
      customer.user,
      `/tickets/${ticket.number}/messages/${answer.id}/rating`,
      { rating: "solved" },
    );
    expect(rated.statusCode, rated.body).toBe(201);
    const items = await thread(customer.user, ticket.number);
    expect(items.find((m) => m.id === answer.id).rating).toMatchObject({
      value: "solved",
      comment: null,
    });
  });
});
