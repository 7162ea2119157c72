import { beforeAll, describe, expect, it } from "vitest";
import type { TestContext } from "../helpers/context.ts";
import { createAccount, createService, createUser } from "../helpers/factories.ts";
import {
  assignmentAudits,
  type Crew,
  customerWith,
  loadOf,
  openRussian,
  PRODUCT_IN,
  routingOf,
  routingWorld,
  staffNotices,
} from "../helpers/routing-factories.ts";
import { giveFastPath } from "../helpers/support-factories.ts";
import { get } from "../helpers/ticket-factories.ts";

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;

beforeAll(async () => {
  ({ ctx, crew } = world);
});

describe("auto-assignment at creation", () => {
  it("gives a Standard ticket to an L1 agent with its universe, language and the customer's region", async () => {
    const local = await crew.add({ tier: "L1", universes: ["server"], region: "US" });
    await crew.add({ tier: "L1", universes: ["server"], region: "EU" });
    await crew.add({ tier: "L2", universes: ["server"], region: "US" });
    await crew.add({ tier: "L1", universes: ["server"], region: "US", languages: ["fr"] });
    await crew.add({ tier: "L1", universes: ["market"], region: "US" });
    await crew.add({ tier: "L1", role: "admin", universes: ["server"], region: "US" });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });

    const ticket = await openRussian(ctx, customer);
    expect(ticket.entitlement).toMatchObject({ level: "standard", coverage: "business-hours" });
    const routed = await routingOf(ctx.db, ticket.number);
    expect(routed).toMatchObject({ tier: "L1", assignee: local.id });
    expect(await staffNotices(ctx.db, local.id, routed.id)).toEqual(["ticket.assigned"]);

    const [audit, ...more] = await assignmentAudits(ctx.db, routed.id);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ account_id: null, actor_kind: "system" });
    expect(audit?.details).toMatchObject({ staffId: local.id, how: "automatic", tier: "L1" });
    expect(audit?.details).toMatchObject({ number: ticket.number, previousStaffId: null });
    expect(audit?.details).not.toHaveProperty("fromTier");
    const notice = await ctx.db
      .selectFrom("outbox")
      .select("payload")
      .where("recipient_staff_id", "=", local.id)
      .where("topic", "=", "ticket.assigned")
      .executeTakeFirstOrThrow();
    expect(notice.payload).toMatchObject({
      ticketId: routed.id,
      number: ticket.number,
      tier: "L1",
      how: "automatic",
      dueAt: ticket.sla.dueAt,
    });

    // The customer sees the ticket, never who holds it.
    const seen = (await get(ctx, customer.user, `/tickets/${ticket.number}`)).json();
    expect(seen.staff).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain(local.id);
    const staffView = (await get(ctx, local, `/tickets/${ticket.number}`)).json();
    expect(staffView.staff).toMatchObject({ tier: "L1", assignedStaffId: local.id });
  });

  it("keeps a business-hours ticket in its queue when no agent works in the customer's region", async () => {
    await crew.add({ tier: "L1", universes: ["server"], region: "EU" });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer);
    const routed = await routingOf(ctx.db, ticket.number);
    expect(routed).toMatchObject({ tier: "L1", assignee: null });
    expect(await assignmentAudits(ctx.db, routed.id)).toEqual([]);
  });

  it("accepts the product skill instead of the universe", async () => {
    const expert = await crew.add({ tier: "L1", universes: [], products: [PRODUCT_IN.server] });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
    const ticket = await openRussian(ctx, customer);
    expect((await routingOf(ctx.db, ticket.number)).assignee).toBe(expert.id);
  });

  it("picks the least loaded agent under capacity, and leaves the rest in the queue", async () => {
    const small = await crew.add({ tier: "L1", universes: ["server"], max: 1 });
    const large = await crew.add({ tier: "L1", universes: ["server"], max: 2 });
    const customer = await customerWith(ctx.db, { universe: "server", level: "standard" });

    const first = await routingOf(ctx.db, (await openRussian(ctx, customer)).number);
    const second = await routingOf(ctx.db, (await openRussian(ctx, customer)).number);
    // Both started empty: ties go by id, and the second goes to the one still empty.
    const [lower, higher] = [small.id, large.id].sort();
    expect(first.assignee).toBe(lower);
    expect(second.assignee).toBe(higher);

    const third = await routingOf(ctx.db, (await openRussian(ctx, customer)).number);
    expect(third.assignee).toBe(large.id);
    const fourth = await routingOf(ctx.db, (await openRussian(ctx, customer)).number);
    expect(fourth.assignee).toBeNull();
    expect(await loadOf(ctx.db, small.id)).toBe(1);
    expect(await loadOf(ctx.db, large.id)).toBe(2);

    // A solved ticket frees a place: the next one goes to whoever has room.
    await ctx.db
      .updateTable("tickets")
      .set({ status: "solved" })
      .where("id", "=", first.id)
      .execute();
    const fifth = await routingOf(ctx.db, (await openRussian(ctx, customer)).number);
    expect(fifth.assignee).toBe(lower);
  });

  it("gives a Business ticket to an L2 agent of any region (24/7)", async () => {
    const abroad = await crew.add({ tier: "L2", universes: ["enterprise"], region: "EU" });
    await crew.add({ tier: "L1", universes: ["enterprise"], region: "US" });
    const customer = await customerWith(ctx.db, { universe: "enterprise", level: "business" });
    const ticket = await openRussian(ctx, customer);
    expect(ticket.entitlement).toMatchObject({
      level: "business",
      entryTier: "L2",
      calendar: null,
    });
    expect(await routingOf(ctx.db, ticket.number)).toMatchObject({
      tier: "L2",
      assignee: abroad.id,
    });
  });

  it("gives an Enterprise ticket to the TAM team, then to an L3 expert when no TAM is free", async () => {
    const tam = await crew.add({ tier: "TAM", universes: ["enterprise"], max: 1 });
    const expert = await crew.add({ tier: "L3", universes: ["enterprise"], region: "CA" });
    await crew.add({ tier: "L2", universes: ["enterprise"] });
    const customer = await customerWith(ctx.db, { universe: "enterprise", level: "enterprise" });

    const first = await openRussian(ctx, customer);
    expect(first.entitlement).toMatchObject({ entryTier: "TAM", coverage: "24x7" });
    expect(await routingOf(ctx.db, first.number)).toMatchObject({ tier: "TAM", assignee: tam.id });
    const second = await openRussian(ctx, customer);
    expect(await routingOf(ctx.db, second.number)).toMatchObject({
      tier: "L3",
      assignee: expert.id,
    });
    const [audit] = await assignmentAudits(ctx.db, (await routingOf(ctx.db, second.number)).id);
    expect(audit?.details).toMatchObject({ tier: "L3", fromTier: "TAM" });

    // With neither free, the ticket waits in the TAM queue.
    await crew.retire();
    const third = await openRussian(ctx, customer);
    expect(await routingOf(ctx.db, third.number)).toMatchObject({ tier: "TAM", assignee: null });
  });

  it("sends a Fast-Path ticket straight to an L3 expert", async () => {
    const expert = await crew.add({ tier: "L3", universes: ["enterprise"], region: "EU" });
    await crew.add({ tier: "L1", universes: ["enterprise"] });
    await crew.add({ tier: "L2", universes: ["enterprise"] });
    const owner = await createAccount(ctx.db, { region: "US" });
    const partner = await createUser(
      ctx.db,
      await createAccount(ctx.db, { programme: "technical-partner", region: "US" }),
    );
    await giveFastPath(ctx.db, partner.account.id);
    const service = await createService(
      ctx.db,
      { admin: owner, tech: partner.account },
      { product: PRODUCT_IN.enterprise },
    );
    const ticket = await openRussian(ctx, { user: partner, service }, { fastPath: true });
    expect(ticket.fastPath).toBe(true);
    expect(await routingOf(ctx.db, ticket.number)).toMatchObject({
      tier: "L3",
      assignee: expert.id,
    });
  });
});
