import { beforeAll, describe, expect, it } from "vitest";
import type { TestContext } from "../helpers/context.ts";
import {
  type Crew,
  type CrewMember,
  customerWith,
  openRussian,
  type RoutingCustomer,
  routingWorld,
} from "../helpers/routing-factories.ts";
import { freezeClock, get, type Json, postOk } from "../helpers/ticket-factories.ts";

/**
 * Quality figures cover the ratings given in a period. This file rates answers in June 1985,
 * when no other test rates anything, so the period holds exactly its own ratings (and after
 * the sweeper tests' 1970s, whose sweeps must not find these tickets due).
 */

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;

beforeAll(() => {
  ({ ctx, crew } = world);
});

const PERIOD = "from=1985-06-04T00:00:00Z&to=1985-06-07T00:00:00Z";

async function answerAndRate(
  customer: RoutingCustomer,
  agent: CrewMember,
  rating: "solved" | "not-answered",
): Promise<void> {
  const ticket = await openRussian(ctx, customer);
  const message = await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
    body: "An answer.",
  });
  await postOk(ctx, customer.user, `/tickets/${ticket.number}/messages/${message.id}/rating`, {
    rating,
  });
}

describe("quality figures", () => {
  it("counts rated answers, solved and not-answered shares and reopenings per agent and per tier", async () => {
    freezeClock(ctx.clock, "1985-06-05T14:00:00Z");
    const ana = await crew.add({ tier: "L1", universes: ["server"] });
    const boris = await crew.add({ tier: "L1", universes: ["server"] });
    const chloe = await crew.add({ tier: "L2", universes: ["enterprise"] });
    const lead = await crew.add({ role: "lead", tier: "L2", universes: [], languages: ["en"] });
    const admin = await crew.add({ role: "admin", tier: "L3", universes: [], languages: ["en"] });
    const server = await customerWith(ctx.db, { universe: "server" });
    const enterprise = await customerWith(ctx.db, {
      universe: "enterprise",
      level: "business",
      since: new Date("1980-01-01T00:00:00Z"),
    });
    await answerAndRate(server, ana, "solved");
    await answerAndRate(server, ana, "not-answered");
    await answerAndRate(server, boris, "solved");
    await answerAndRate(enterprise, chloe, "not-answered");

    const agents = (await get(ctx, lead, `/quality/agents?${PERIOD}`)).json();
    expect(agents.period).toEqual({
      from: "1985-06-04T00:00:00.000Z",
      to: "1985-06-07T00:00:00.000Z",
    });
    const byId = new Map(agents.items.map((item: Json) => [item.staffId, item]));
    expect(byId.size).toBe(3);
    expect(byId.get(ana.id)).toMatchObject({
      tier: "L1",
      answersRated: 2,
      solved: 1,
      notAnswered: 1,
      solvedPercent: 50,
      notAnsweredPercent: 50,
      reopenings: 1,
    });
    expect(byId.get(boris.id)).toMatchObject({
      answersRated: 1,
      solvedPercent: 100,
      notAnsweredPercent: 0,
      reopenings: 0,
    });
    expect(byId.get(chloe.id)).toMatchObject({
      tier: "L2",
      answersRated: 1,
      notAnswered: 1,
      reopenings: 1,
    });
    // Tier first, then name.
    expect(agents.items.at(-1).staffId).toBe(chloe.id);

    const teams = (await get(ctx, admin, `/quality/teams?${PERIOD}`)).json();
    expect(teams.items).toEqual([
      {
        tier: "L1",
        agents: 2,
        answersRated: 3,
        solved: 2,
        notAnswered: 1,
        solvedPercent: 66.7,
        notAnsweredPercent: 33.3,
        reopenings: 1,
      },
      {
        tier: "L2",
        agents: 1,
        answersRated: 1,
        solved: 0,
        notAnswered: 1,
        solvedPercent: 0,
        notAnsweredPercent: 100,
        reopenings: 1,
      },
      ...["L3", "TAM"].map((tier) => ({
        tier,
        agents: 0,
        answersRated: 0,
        solved: 0,
        notAnswered: 0,
        solvedPercent: null,
        notAnsweredPercent: null,
        reopenings: 0,
      })),
    ]);

    const l2 = (await get(ctx, lead, `/quality/agents?${PERIOD}&tier=L2`)).json();
    expect(l2.items.map((item: Json) => item.staffId)).toEqual([chloe.id]);

    // One agent per page, in the same order.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${cursor}` : "";
      const page: Json = (await get(ctx, lead, `/quality/agents?${PERIOD}&limit=1${after}`)).json();
      walked.push(...page.items.map((item: Json) => item.staffId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(agents.items.map((item: Json) => item.staffId));

    const empty = (
      await get(ctx, lead, "/quality/teams?from=1984-01-01T00:00:00Z&to=1984-02-01T00:00:00Z")
    ).json();
    expect(empty.items.every((item: Json) => item.answersRated === 0)).toBe(true);
  });

  it("checks the period and the cursor", async () => {
    const lead = await crew.add({ role: "lead", tier: "L2", universes: [], languages: ["en"] });
    const backwards = await get(
      ctx,
      lead,
      "/quality/teams?from=1985-06-07T00:00:00Z&to=1985-06-05T00:00:00Z",
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe("from");
    const tooLong = await get(
      ctx,
      lead,
      "/quality/agents?from=1980-01-01T00:00:00Z&to=1985-01-01T00:00:00Z",
    );
    expect(tooLong.statusCode).toBe(400);
    expect((await get(ctx, lead, "/quality/agents?from=yesterday")).statusCode).toBe(400);
    expect((await get(ctx, lead, "/quality/agents?cursor=bm9wZQ")).statusCode).toBe(400);
  });
});
