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
import { get, messageKinds, post, postOk } from "../helpers/ticket-factories.ts";

const world = routingWorld();
let ctx: TestContext;
let crew: Crew;
let standard: RoutingCustomer;

const SUMMARY = "Kernel panic traced to the NIC firmware; needs an L2 with access to the IPMI logs";

beforeAll(async () => {
  ({ ctx, crew } = world);
  standard = await customerWith(ctx.db, { universe: "server", level: "standard" });
});

describe("escalation by an agent", () => {
  it("requires a summary that is not blank, naming the field", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    const { number } = await openRussian(ctx, standard);
    for (const payload of [{}, { summary: "" }, { summary: "   \n " }]) {
      const res = await post(ctx, agent, `/tickets/${number}/escalate`, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["summary"]);
    }
    const unknown = await post(ctx, agent, `/tickets/${number}/escalate`, {
      summary: "x",
      tier: "L3",
    });
    expect(unknown.statusCode).toBe(400);
    expect(await routingOf(ctx.db, number)).toMatchObject({ tier: "L1" });
  });

  it("moves the ticket to the next tier, keeps the summary as a note and re-routes it", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    const expert = await crew.add({ tier: "L2", universes: ["server"] });
    await crew.add({ tier: "L2", universes: ["server"], region: "EU" });
    const { number } = await openRussian(ctx, standard);
    const before = await routingOf(ctx.db, number);
    expect(before).toMatchObject({ tier: "L1", assignee: agent.id });

    const escalated = await postOk(
      ctx,
      agent,
      `/tickets/${number}/escalate`,
      { summary: SUMMARY },
      200,
    );
    // Business hours: the L2 agent is in the customer's region too.
    expect(escalated.staff).toMatchObject({ tier: "L2", assignedStaffId: expert.id });
    const rows = await ctx.db
      .selectFrom("ticket_escalations")
      .select(["from_tier", "to_tier", "reason", "by_staff_id"])
      .where("ticket_id", "=", before.id)
      .execute();
    expect(rows).toEqual([
      { from_tier: "L1", to_tier: "L2", reason: "manual", by_staff_id: agent.id },
    ]);
    expect(await messageKinds(ctx.db, before.id)).toContainEqual({
      kind: "internal",
      body: SUMMARY,
    });
    expect(await staffNotices(ctx.db, agent.id, before.id)).toEqual([
      "ticket.assigned",
      "ticket.escalated",
    ]);
    expect(await staffNotices(ctx.db, expert.id, before.id)).toEqual([
      "ticket.assigned",
      "ticket.escalated",
    ]);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["actor_id", "account_id", "details"])
      .where("subject_id", "=", before.id)
      .where("action", "=", "ticket.escalated")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: agent.id, account_id: null });
    expect(audit.details).toMatchObject({ from: "L1", to: "L2", reason: "manual" });

    const history = (await get(ctx, expert, `/tickets/${number}/escalations`)).json();
    expect(history.items).toEqual([
      expect.objectContaining({
        fromTier: "L1",
        toTier: "L2",
        reason: "manual",
        by: expect.objectContaining({ staffId: agent.id }),
      }),
    ]);
  });

  it("never shows the summary or the tiers to the customer", async () => {
    await crew.add({ tier: "L1", universes: ["server"] });
    const { number } = await openRussian(ctx, standard);
    const lead = await crew.add({ role: "lead", tier: "L2", universes: [] });
    await postOk(ctx, lead, `/tickets/${number}/escalate`, { summary: SUMMARY }, 200);
    const customer = standard.user;
    const responses = [
      await get(ctx, customer, `/tickets/${number}`),
      await get(ctx, customer, `/tickets/${number}/messages?limit=100`),
      await get(ctx, customer, "/tickets?limit=100"),
      await get(ctx, customer, "/audit-log?limit=100"),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(SUMMARY);
      expect(res.body).not.toContain("ticket.escalated");
    }
    expect(responses[0]?.json().staff).toBeUndefined();
    const { id } = await routingOf(ctx.db, number);
    const notices = await ctx.db
      .selectFrom("outbox")
      .select("payload")
      .where("recipient_account_id", "=", customer.account.id)
      .where((eb) => eb(eb.ref("payload", "->>").key("ticketId" as never), "=", id))
      .execute();
    expect(JSON.stringify(notices)).not.toContain(SUMMARY);
    expect((await get(ctx, customer, `/tickets/${number}/escalations`)).statusCode).toBe(403);
  });

  it("goes from TAM to L3, and refuses to go above L3 with a clear 409", async () => {
    const tam = await crew.add({ tier: "TAM", universes: ["enterprise"] });
    const expert = await crew.add({ tier: "L3", universes: ["enterprise"], max: 1 });
    const customer = await customerWith(ctx.db, { universe: "enterprise", level: "enterprise" });
    const { number } = await openRussian(ctx, customer);
    expect((await routingOf(ctx.db, number)).assignee).toBe(tam.id);
    const escalated = await postOk(
      ctx,
      tam,
      `/tickets/${number}/escalate`,
      { summary: SUMMARY },
      200,
    );
    expect(escalated.staff).toMatchObject({ tier: "L3", assignedStaffId: expert.id });

    const refused = await post(ctx, expert, `/tickets/${number}/escalate`, { summary: "again" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain("L3, the top tier");
    const { id } = await routingOf(ctx.db, number);
    const notes = (await messageKinds(ctx.db, id)).filter((m) => m.kind === "internal");
    expect(notes).toEqual([{ kind: "internal", body: SUMMARY }]);
  });

  it("leaves the ticket in the next tier's queue and tells the leads when nobody is free", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    // Leads take tickets too: this one speaks no Russian, so it is told rather than chosen.
    const lead = await crew.add({
      role: "lead",
      tier: "L2",
      universes: ["server"],
      languages: ["en"],
    });
    const { number } = await openRussian(ctx, standard);
    const escalated = await postOk(
      ctx,
      agent,
      `/tickets/${number}/escalate`,
      { summary: SUMMARY },
      200,
    );
    expect(escalated.staff).toMatchObject({ tier: "L2", assignedStaffId: null });
    const { id } = await routingOf(ctx.db, number);
    expect(await staffNotices(ctx.db, lead.id, id)).toEqual(["ticket.escalated"]);
    const queue = (await get(ctx, lead, "/queues/server/L2/ru/tickets?limit=100")).json();
    expect(queue.items.map((t: { number: string }) => t.number)).toContain(number);
  });

  it("refuses a closed ticket", async () => {
    const agent = await crew.add({ tier: "L1", universes: ["server"] });
    const { number } = await openRussian(ctx, standard);
    await postOk(ctx, standard.user, `/tickets/${number}/close`, undefined, 200);
    const res = await post(ctx, agent, `/tickets/${number}/escalate`, { summary: SUMMARY });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("ticket_closed");
  });
});
