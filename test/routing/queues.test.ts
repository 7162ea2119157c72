import { beforeAll, describe, expect, it } from "vitest";
import type { TestContext } from "../helpers/context.ts";
import {
  type Crew,
  customerWith,
  openRussian,
  routingOf,
  routingWorld,
} from "../helpers/routing-factories.ts";
import { get, type Json, postOk } from "../helpers/ticket-factories.ts";

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;

beforeAll(() => {
  ({ ctx, crew } = world);
});

/** Every ticket number of every page of a queue read. */
async function walk(as: Json, url: string, limit = 2): Promise<string[]> {
  const numbers: string[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${cursor}` : "";
    const res = await get(ctx, as, `${url}?limit=${limit}${after}`);
    expect(res.statusCode, res.body).toBe(200);
    const page: Json = res.json();
    numbers.push(...page.items.map((t: Json) => t.number));
    cursor = page.nextCursor;
  } while (cursor);
  return numbers;
}

async function setDue(number: string, dueAt: string | null, patch: Record<string, unknown> = {}) {
  await ctx.db
    .updateTable("tickets")
    .set({ due_at: dueAt === null ? null : new Date(dueAt), ...patch })
    .where("id", "=", (await routingOf(ctx.db, number)).id)
    .execute();
}

describe("queues", () => {
  it("orders a queue by due time, Premium ahead of Standard at equal due time, undated last", async () => {
    // Nobody speaks Russian at L1 in public cloud: every ticket waits in the queue.
    const standard = await customerWith(ctx.db, { universe: "public-cloud", region: "CA" });
    const premium = await customerWith(ctx.db, {
      universe: "public-cloud",
      level: "premium",
      region: "CA",
    });
    const s1 = (await openRussian(ctx, standard)).number;
    const p1 = (await openRussian(ctx, premium)).number;
    const early = (await openRussian(ctx, standard)).number;
    const undated = (await openRussian(ctx, premium)).number;
    const s2 = (await openRussian(ctx, standard)).number;
    const assigned = (await openRussian(ctx, standard)).number;
    const waitingForCustomer = (await openRussian(ctx, standard)).number;
    for (const number of [s1, p1, s2, assigned, waitingForCustomer]) {
      await setDue(number, "2001-01-01T10:00:00Z");
    }
    await setDue(early, "2001-01-01T09:00:00Z");
    await setDue(undated, null);
    const holder = await crew.add({ tier: "L1", universes: ["public-cloud"], languages: ["en"] });
    await setDue(assigned, "2001-01-01T10:00:00Z", { assigned_staff_id: holder.id });
    await setDue(waitingForCustomer, "2001-01-01T10:00:00Z", { status: "waiting-for-customer" });

    const lead = await crew.add({ role: "lead", tier: "L2", universes: [], languages: ["en"] });
    const mine = new Set([s1, p1, early, undated, s2, assigned, waitingForCustomer]);
    const order = (await walk(lead, "/queues/public-cloud/L1/ru/tickets")).filter((n) =>
      mine.has(n),
    );
    const [first, second] = [s1, s2].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
    expect(order).toEqual([early, p1, first, second, undated]);
    // Pages of one give the same order across the dated and undated parts.
    const single = (await walk(lead, "/queues/public-cloud/L1/ru/tickets", 1)).filter((n) =>
      mine.has(n),
    );
    expect(single).toEqual(order);

    const page = (await get(ctx, lead, "/queues/public-cloud/L1/ru/tickets?limit=100")).json();
    const head = page.items.find((t: Json) => t.number === early);
    expect(head).toMatchObject({ level: "standard", staff: { tier: "L1", assignedStaffId: null } });

    const board = (await get(ctx, lead, "/queues")).json();
    const queue = board.items.find(
      (q: Json) => q.universe === "public-cloud" && q.tier === "L1" && q.language === "ru",
    );
    expect(queue.unassigned).toBeGreaterThanOrEqual(5);
    expect(queue.breached).toBeGreaterThanOrEqual(4);
    expect(queue.soonestDueAt <= "2001-01-01T09:00:00.000Z").toBe(true);
    // Past their warning instant but not yet due: at risk, told apart from breached.
    const now = ctx.clock.now().getTime();
    const future = new Date(now + 3_600_000).toISOString();
    await setDue(s2, future, { sla_warn_at: new Date(now - 60_000) });
    const risky = (await get(ctx, lead, "/queues")).json();
    const again = risky.items.find(
      (q: Json) => q.universe === "public-cloud" && q.tier === "L1" && q.language === "ru",
    );
    expect(again.atRisk).toBeGreaterThanOrEqual(1);
  });

  it("puts Fast-Path, then Enterprise, ahead at equal due time in one tier's queue", async () => {
    const business = await customerWith(ctx.db, { universe: "enterprise", level: "business" });
    const enterprise = await customerWith(ctx.db, { universe: "enterprise", level: "enterprise" });
    const b = (await openRussian(ctx, business)).number;
    const e = (await openRussian(ctx, enterprise)).number;
    // The priority a Fast-Path entitlement records, on a ticket sent to the same queue.
    const f = (await openRussian(ctx, business)).number;
    for (const number of [b, e]) await setDue(number, "2002-02-02T10:00:00Z", { tier: "L3" });
    await setDue(f, "2002-02-02T10:00:00Z", { tier: "L3", queue_priority: 100, fast_path: true });
    const lead = await crew.add({ role: "lead", tier: "L2", universes: [], languages: ["en"] });
    const mine = new Set([b, e, f]);
    const order = (await walk(lead, "/queues/enterprise/L3/ru/tickets")).filter((n) => mine.has(n));
    expect(order).toEqual([f, e, b]);
  });

  it("lists the queues of an agent's universes only, and refuses the others", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["public-cloud", "enterprise"] });
    const board = (await get(ctx, agent, "/queues")).json();
    const universes = new Set(board.items.map((q: Json) => q.universe));
    expect([...universes]).toEqual(["public-cloud", "enterprise"]);
    const tiers = (universe: string) =>
      new Set(board.items.filter((q: Json) => q.universe === universe).map((q: Json) => q.tier));
    expect(tiers("enterprise").has("TAM")).toBe(true);
    expect([...tiers("public-cloud")]).toEqual(["L1", "L2", "L3"]);
    expect(board.items.filter((q: Json) => q.universe === "enterprise")).toHaveLength(12);
    for (const q of board.items) {
      expect(Object.keys(q).sort()).toEqual(
        ["atRisk", "breached", "language", "soonestDueAt", "tier", "unassigned", "universe"].sort(),
      );
    }
    const refused = await get(ctx, agent, "/queues/server/L1/en/tickets");
    expect(refused.statusCode).toBe(403);
    expect((await get(ctx, agent, "/queues/server/L5/en/tickets")).statusCode).toBe(400);
    expect((await get(ctx, agent, "/queues/enterprise/L1/ru/tickets?cursor=abc")).statusCode).toBe(
      400,
    );
  });

  it("lists my own tickets soonest due first, without solved ones", async () => {
    const agent = await crew.add({ tier: "L2", universes: ["enterprise"] });
    const customer = await customerWith(ctx.db, { universe: "enterprise", level: "business" });
    const numbers: string[] = [];
    for (let i = 0; i < 4; i++) numbers.push((await openRussian(ctx, customer)).number);
    for (const number of numbers) {
      expect((await routingOf(ctx.db, number)).assignee).toBe(agent.id);
    }
    const [a, b, c, d] = numbers as [string, string, string, string];
    await setDue(a, "2030-01-01T12:00:00Z");
    await setDue(b, "2030-01-01T08:00:00Z");
    await setDue(c, null);
    await postOk(ctx, agent, `/tickets/${d}/status`, { status: "solved" }, 200);
    expect(await walk(agent, "/queues/mine", 1)).toEqual([b, a, c]);
    const customerTries = await get(ctx, customer.user, "/queues/mine");
    expect(customerTries.statusCode).toBe(403);
  });
});
