import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../src/modules/webhooks/events.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createCustomer,
  createService,
  createStaff,
  type TestService,
  type TestStaff,
  type TestUser,
  uniqueSuffix,
} from "../helpers/factories.ts";
import { type Json, openIncident, postOk, ticketRow } from "../helpers/ticket-factories.ts";
import {
  dispatch,
  outboxAbout,
  runDelivery,
  subscribe,
  takeJobs,
  ticketOutbox,
} from "./helpers.ts";
import { type Received, Receiver } from "./receiver.ts";

/**
 * Who receives what: a partner-managed service (owner O, partner P as tech contact), an
 * outsider X, and a staff admin's global subscription G, all pointing at one receiver.
 */

let ctx: TestContext;
let owner: TestUser;
let partner: TestUser;
let outsider: TestUser;
let admin: TestStaff;
let service: TestService;
let receiver: Receiver;
const hooks: Record<"o" | "p" | "x" | "g", Json> = {} as never;

const accountTypes = EVENT_TYPES.filter(
  (t) => !["ticket.escalated", "sla.warning", "sla.breached"].includes(t),
);

beforeAll(async () => {
  ctx = await testContext();
  owner = await createCustomer(ctx.db);
  partner = await createCustomer(ctx.db);
  outsider = await createCustomer(ctx.db);
  admin = await createStaff(ctx.db, { role: "admin" });
  service = await createService(ctx.db, { admin: owner.account, tech: partner.account });
  receiver = await Receiver.start();
  for (const [key, as] of [
    ["o", owner],
    ["p", partner],
    ["x", outsider],
  ] as const) {
    hooks[key] = await subscribe(ctx, as, {
      url: receiver.url(`/${key}`),
      eventTypes: accountTypes,
    });
  }
  hooks.g = await subscribe(ctx, admin, { url: receiver.url("/g"), eventTypes: [...EVENT_TYPES] });
});

afterAll(async () => {
  // Global subscriptions see every event of the shared test database: remove it.
  await ctx.app.inject({
    method: "DELETE",
    url: `/api/v1/webhooks/${hooks.g.id}`,
    headers: admin.auth,
  });
  await receiver.stop();
});

/** Dispatches the rows, runs every job of our subscriptions; returns what each endpoint got. */
async function deliver(rows: Awaited<ReturnType<typeof outboxAbout>>) {
  await dispatch(ctx, rows);
  const ids = new Set(rows.map((row) => row.event_id));
  const jobs = await takeJobs(
    ctx,
    Object.values(hooks).map((h) => h.id),
  );
  for (const job of jobs) expect(await runDelivery(ctx, job)).toBeNull();
  // Jobs of one dispatch share their creation time, so they run in no set order: events are
  // put back in the order of their changes (their first outbox row).
  const position = new Map<string, number>();
  for (const row of rows) {
    const seen = position.get(row.event_id);
    position.set(row.event_id, seen === undefined ? row.id : Math.min(seen, row.id));
  }
  const got = (path: string) =>
    receiver.requests
      .filter((r) => r.path === path && ids.has(String(r.headers["palier-event-id"])))
      .map((r: Received) => JSON.parse(r.body) as Json)
      .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  return { o: got("/o"), p: got("/p"), x: got("/x"), g: got("/g"), raw: receiver.requests };
}

describe("a ticket's life as webhooks", () => {
  it("reaches the concerned accounts only, the global subscription once per change, and never a note", async () => {
    const agent = await createStaff(ctx.db, { universes: ["server"] });
    const colleague = await createStaff(ctx.db, { universes: ["server"] });
    const note = `internal note ${uniqueSuffix()}`;
    const answer = `public answer ${uniqueSuffix()}`;
    const ownerText = `owner message ${uniqueSuffix()}`;

    const ticket = await openIncident(ctx, partner, service);
    const { id: ticketId } = await ticketRow(ctx.db, ticket.number);
    const url = `/tickets/${ticket.number}`;
    await postOk(ctx, admin, `${url}/assign`, { staffId: agent.id }, 200);
    await postOk(ctx, colleague, `${url}/notes`, { body: note });
    await postOk(ctx, agent, `${url}/messages`, { body: answer });
    await postOk(ctx, owner, `${url}/messages`, { body: ownerText });
    await postOk(ctx, agent, `${url}/status`, { status: "on-hold" }, 200);

    const rows = await ticketOutbox(ctx.db, ticketId);
    expect(rows.map((r) => r.topic)).toContain("ticket.note_added");
    const got = await deliver(rows);

    expect(got.x).toEqual([]);
    const types = (events: Json[]) => events.map((e) => e.type);
    expect(types(got.o)).toEqual([
      "ticket.created",
      "ticket.message.created",
      "ticket.status.changed",
    ]);
    expect(types(got.p)).toEqual([
      "ticket.created",
      "ticket.message.created",
      "ticket.message.created",
      "ticket.status.changed",
    ]);
    // The creation was announced to two accounts in one change: the global hook gets it once.
    const created = rows.filter((r) => r.topic === "ticket.created");
    expect(new Set(created.map((r) => r.recipient_account_id))).toEqual(
      new Set([owner.account.id, partner.account.id]),
    );
    const globalCreated = got.g.filter((e) => e.type === "ticket.created");
    expect(globalCreated.map((e) => e.id)).toEqual([created[0]?.event_id]);
    expect(got.o[0].id).toBe(globalCreated[0].id);
    expect(got.g.filter((e) => e.type === "ticket.status.changed")).toHaveLength(1);

    // Messages carry their public text and author; the partner sees the owner's message.
    const answered = got.o[1];
    expect(answered.data.message).toMatchObject({ author: "agent", body: answer });
    expect(got.p.map((e) => e.data.message?.body)).toContain(ownerText);
    expect(got.p.find((e) => e.data.message?.body === ownerText).data.message.author).toBe(
      "customer",
    );
    const globalAnswers = got.g.filter((e) => e.data.message?.body === answer);
    expect(globalAnswers).toHaveLength(1);

    // The internal note never leaves, to any subscription.
    for (const request of got.raw) expect(request.body).not.toContain(note);
    expect(got.raw.some((r) => r.headers["palier-event-type"] === "ticket.note_added")).toBe(false);
  });

  it("sends staff-only events to the global subscription alone, once per change", async () => {
    const agent = await createStaff(ctx.db, { universes: ["server"], tier: "L1" });
    // Someone at L2 to take it, or a lead to hear of it: two staff recipients, one change.
    await createStaff(ctx.db, { universes: ["server"], tier: "L2" });
    await createStaff(ctx.db, { role: "lead", universes: ["server"], tier: "L2" });
    const ticket = await openIncident(ctx, owner, service);
    const { id: ticketId } = await ticketRow(ctx.db, ticket.number);
    await postOk(ctx, admin, `/tickets/${ticket.number}/assign`, { staffId: agent.id }, 200);
    await postOk(
      ctx,
      agent,
      `/tickets/${ticket.number}/escalate`,
      { summary: "Needs the network team." },
      200,
    );
    const rows = await ticketOutbox(ctx.db, ticketId);
    const escalated = rows.filter((r) => r.topic === "ticket.escalated");
    expect(escalated.length).toBeGreaterThan(1);
    const got = await deliver(rows);
    expect(got.g.filter((e) => e.type === "ticket.escalated")).toHaveLength(1);
    for (const events of [got.o, got.p, got.x]) {
      expect(events.map((e) => e.type)).not.toContain("ticket.escalated");
    }
  });
});

describe("contact changes as webhooks", () => {
  it("tell both sides without the one-time token or link", async () => {
    const receiving = await createCustomer(ctx.db);
    const hook = await subscribe(ctx, receiving, {
      url: receiver.url("/r"),
      eventTypes: ["contact_change.requested"],
    });
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/services/${service.name}/contact-changes`,
      headers: owner.auth,
      payload: { role: "tech", toNicHandle: receiving.account.nic },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await outboxAbout(ctx.db, "contactChangeId", res.json().id);
    const secrets = rows.flatMap((r) => [String(r.payload.token), String(r.payload.link)]);
    expect(secrets.every((s) => s.length > 10)).toBe(true);

    await dispatch(ctx, rows);
    const jobs = await takeJobs(ctx, [...Object.values(hooks).map((h) => h.id), hook.id]);
    for (const job of jobs) expect(await runDelivery(ctx, job)).toBeNull();
    const ids = new Set(rows.map((r) => r.event_id));
    const sent = receiver.requests.filter((r) => ids.has(String(r.headers["palier-event-id"])));
    const byPath = (path: string) => sent.filter((r) => r.path === path);
    expect(byPath("/r")).toHaveLength(1);
    expect(byPath("/p")).toHaveLength(1);
    expect(byPath("/g")).toHaveLength(1);
    expect(byPath("/x")).toEqual([]);
    // The owner requested it but neither gives nor receives: its account was not notified.
    expect(byPath("/o")).toEqual([]);
    const receivedData = JSON.parse(byPath("/r")[0]?.body ?? "{}").data;
    expect(receivedData).toMatchObject({ side: "receiving", role: "tech" });
    for (const request of sent) {
      const data = JSON.parse(request.body).data;
      expect(data).not.toHaveProperty("token");
      expect(data).not.toHaveProperty("link");
      for (const secret of secrets) expect(request.body).not.toContain(secret);
    }
  });
});
