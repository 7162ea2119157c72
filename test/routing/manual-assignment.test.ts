import { beforeAll, describe, expect, it } from "vitest";
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
import { post, postOk } from "../helpers/ticket-factories.ts";

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;
let customer: RoutingCustomer;

beforeAll(async () => {
  ({ ctx, crew } = world);
  customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
});

/** A Standard ticket nobody can take automatically (no Russian-speaking L1 in the US). */
async function queued(): Promise<string> {
  const ticket = await openRussian(ctx, customer);
  expect((await routingOf(ctx.db, ticket.number)).assignee).toBeNull();
  return ticket.number;
}

describe("assigning by hand", () => {
  it("lets a lead assign an agent or lead of the ticket's universe, audited and announced", async () => {
    const number = await queued();
    const lead = await crew.add({ role: "lead", tier: "L2", universes: [] });
    const first = await crew.add({ tier: "L2", universes: ["server"], languages: ["en"] });
    const second = await crew.add({ tier: "L1", universes: ["server"] });

    const assigned = await postOk(
      ctx,
      lead,
      `/tickets/${number}/assign`,
      { staffId: first.id },
      200,
    );
    // A lead's decision: the ticket keeps its tier whoever holds it.
    expect(assigned.staff).toMatchObject({ assignedStaffId: first.id, tier: "L1" });
    await postOk(ctx, lead, `/tickets/${number}/assign`, { staffId: second.id }, 200);
    const { id, assignee } = await routingOf(ctx.db, number);
    expect(assignee).toBe(second.id);
    expect(await staffNotices(ctx.db, first.id, id)).toEqual([
      "ticket.assigned",
      "ticket.unassigned",
    ]);
    expect(await staffNotices(ctx.db, second.id, id)).toEqual(["ticket.assigned"]);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["actor_id", "account_id", "details"])
      .where("subject_id", "=", id)
      .where("action", "=", "ticket.assigned")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual([lead.id, lead.id]);
    expect(audit.every((a) => a.account_id === null)).toBe(true);
    expect(audit[1]?.details).toMatchObject({ how: "assigned", previousStaffId: first.id });
  });

  it("refuses staff who cannot work the ticket, naming staffId", async () => {
    const number = await queued();
    const lead = await crew.add({ role: "lead", tier: "L2", universes: [] });
    const admin = await crew.add({ role: "admin", tier: "L3", universes: ["server"] });
    const elsewhere = await crew.add({ tier: "L1", universes: ["market"] });
    const retired = await crew.add({ tier: "L1", universes: ["server"] });
    await ctx.db.updateTable("staff").set({ active: false }).where("id", "=", retired.id).execute();

    for (const staffId of [
      admin.id,
      elsewhere.id,
      retired.id,
      "00000000-0000-4000-8000-000000000000",
    ]) {
      const res = await post(ctx, lead, `/tickets/${number}/assign`, { staffId });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors[0].field).toBe("staffId");
    }
    const malformed = await post(ctx, lead, `/tickets/${number}/assign`, { staffId: "nobody" });
    expect(malformed.statusCode).toBe(400);
    const missing = await post(ctx, lead, `/tickets/${number}/assign`, {});
    expect(missing.statusCode).toBe(400);
    expect((await routingOf(ctx.db, number)).assignee).toBeNull();
  });

  it("refuses to assign a closed ticket", async () => {
    const number = await queued();
    const lead = await crew.add({ role: "lead", tier: "L2", universes: [] });
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    await postOk(ctx, customer.user, `/tickets/${number}/close`, undefined, 200);
    const res = await post(ctx, lead, `/tickets/${number}/assign`, { staffId: agent.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("ticket_closed");
  });
});

describe("taking from a queue", () => {
  it("lets an agent of the queue's tier and language take an unassigned ticket, once", async () => {
    const number = await queued();
    const taker = await crew.add({ tier: "L1", universes: ["server"], region: "EU" });
    const other = await crew.add({ tier: "L1", universes: ["server"], region: "EU" });
    const taken = await postOk(ctx, taker, `/tickets/${number}/take`, undefined, 200);
    expect(taken.staff).toMatchObject({ assignedStaffId: taker.id, tier: "L1" });
    // Taking again is a no-op for the holder and a conflict for anyone else.
    expect((await post(ctx, taker, `/tickets/${number}/take`)).statusCode).toBe(200);
    const late = await post(ctx, other, `/tickets/${number}/take`);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain("already assigned");
  });

  it("refuses another tier, another language, missing skills and a full agent", async () => {
    const number = await queued();
    const l2 = await crew.add({ tier: "L2", universes: ["server"] });
    const french = await crew.add({ tier: "L1", universes: ["server"], languages: ["fr"] });
    const unskilled = await crew.add({ role: "lead", tier: "L1", universes: ["market"] });
    const full = await crew.add({ tier: "L1", universes: ["server"], region: "EU", max: 1 });
    for (const [who, status] of [
      [l2, 403],
      [french, 403],
      [unskilled, 403],
    ] as const) {
      const res = await post(ctx, who, `/tickets/${number}/take`);
      expect(res.statusCode, res.body).toBe(status);
    }
    await postOk(ctx, full, `/tickets/${await queued()}/take`, undefined, 200);
    const res = await post(ctx, full, `/tickets/${number}/take`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain("maximum");
    const admin = await crew.add({ role: "admin", tier: "L1", universes: ["server"] });
    expect((await post(ctx, admin, `/tickets/${number}/take`)).statusCode).toBe(403);
  });

  it("lets an L3 expert take an Enterprise ticket from the TAM queue, which moves it to L3", async () => {
    const enterprise = await customerWith(ctx.db, { universe: "enterprise", level: "enterprise" });
    const ticket = await openRussian(ctx, enterprise);
    expect(await routingOf(ctx.db, ticket.number)).toMatchObject({ tier: "TAM", assignee: null });
    const expert = await crew.add({ tier: "L3", universes: ["enterprise"], max: 5 });
    const taken = await postOk(ctx, expert, `/tickets/${ticket.number}/take`, undefined, 200);
    expect(taken.staff).toMatchObject({ tier: "L3", assignedStaffId: expert.id });
  });
});

describe("releasing an assignment", () => {
  it("lets the assignee or a lead put the ticket back in its queue, but not another agent", async () => {
    const number = await queued();
    const holder = await crew.add({ tier: "L1", universes: ["server"], region: "EU" });
    const colleague = await crew.add({ tier: "L1", universes: ["server"], region: "EU" });
    const lead = await crew.add({ role: "lead", tier: "L2", universes: [] });
    await postOk(ctx, holder, `/tickets/${number}/take`, undefined, 200);
    expect((await post(ctx, colleague, `/tickets/${number}/unassign`)).statusCode).toBe(403);
    const released = await postOk(ctx, holder, `/tickets/${number}/unassign`, undefined, 200);
    expect(released.staff.assignedStaffId).toBeNull();

    await postOk(ctx, colleague, `/tickets/${number}/take`, undefined, 200);
    await postOk(ctx, lead, `/tickets/${number}/unassign`, undefined, 200);
    const { id, assignee } = await routingOf(ctx.db, number);
    expect(assignee).toBeNull();
    expect(await staffNotices(ctx.db, colleague.id, id)).toEqual([
      "ticket.assigned",
      "ticket.unassigned",
    ]);
    // Releasing an unassigned ticket changes nothing.
    expect((await post(ctx, lead, `/tickets/${number}/unassign`)).statusCode).toBe(200);
  });
});
