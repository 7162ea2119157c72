import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/context.ts";
import type { Workers } from "../../src/jobs/worker.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { openIncident, postOk } from "../helpers/ticket-factories.ts";
import { startTestWorkers } from "../jobs/helpers.ts";
import { SseClient } from "./sse-client.ts";

let ctx: TestContext;
let app: App;
let base: string;
let workers: Workers;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;
const clients: SseClient[] = [];

async function listen(instance: App): Promise<string> {
  await instance.listen({ port: 0, host: "127.0.0.1" });
  const { port } = instance.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/api/v1`;
}

async function stream(as: { auth: Record<string, string> }, headers: Record<string, string> = {}) {
  const client = await SseClient.open(`${base}/events`, { ...as.auth, ...headers });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  ctx = await testContext();
  // A server of its own on a real port: the shared app only answers app.inject.
  app = await buildApp(ctx, { logger: false, rateLimitPerMinute: 1_000_000 });
  base = await listen(app);
  workers = await startTestWorkers(ctx);
  customer = await createUser(ctx.db, await createAccount(ctx.db, { region: "EU" }));
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await workers?.stop();
  await app?.close();
});

const answer = (number: string, body: string) =>
  postOk(ctx, agent, `/tickets/${number}/messages`, { body });

/**
 * Hands the ticket to another agent, then `agent` writes an internal note: the note's notice is
 * addressed to the holder, so there is a note event for streams to show or withhold.
 */
async function noteByAnother(number: string, body: string): Promise<void> {
  const lead = await createStaff(ctx.db, { role: "lead" });
  const holder = await createStaff(ctx.db, { universes: ["server"] });
  await postOk(ctx, lead, `/tickets/${number}/assign`, { staffId: holder.id }, 200);
  await postOk(ctx, agent, `/tickets/${number}/notes`, { body });
  const notices = await ctx.db
    .selectFrom("outbox")
    .select("topic")
    .where("recipient_staff_id", "=", holder.id)
    .where("topic", "=", "ticket.note_added")
    .execute();
  expect(notices).toHaveLength(1);
}

describe("live events", () => {
  it("bring a customer the agent's answer as it happens, never a note or another account's event", async () => {
    const ticket = await openIncident(ctx, customer, service);
    const outsider = await createUser(ctx.db, await createAccount(ctx.db, { region: "EU" }));
    const theirs = await openIncident(
      ctx,
      outsider,
      await createService(ctx.db, { admin: outsider.account }),
    );
    const events = await stream(customer);
    expect(events.status).toBe(200);

    await answer(ticket.number, "Rebooted the host; please check.");
    const answered = await events.next(
      (e) => e.event === "ticket.answered" && e.data.data.number === ticket.number,
    );
    expect(answered.id).toBe(String(answered.data.id));
    expect(answered.data).toMatchObject({
      type: "ticket.answered",
      eventId: expect.any(String),
      at: expect.any(String),
      data: { number: ticket.number, subject: ticket.subject },
    });

    // A note, another account's answer, then a second answer: once that arrives, the stream
    // has seen everything committed before it (batches stream in commit order).
    await noteByAnother(ticket.number, "Host was swapping.");
    await answer(theirs.number, "Not for you.");
    await answer(ticket.number, "Anything else?");
    const from = events.events.indexOf(answered) + 1;
    await events.next(
      (e) => e.event === "ticket.answered" && e.data.data.number === ticket.number,
      from,
    );
    for (const event of events.events) {
      expect(event.event).not.toBe("ticket.note_added");
      expect(event.data.data.number ?? ticket.number).toBe(ticket.number);
      expect(JSON.stringify(event.data)).not.toContain("Host was swapping");
    }
  });

  it("give staff one copy of each event of the tickets they may read", async () => {
    const admin = await createStaff(ctx.db, { role: "admin" });
    const elsewhere = await createStaff(ctx.db, { universes: ["market"] });
    const adminEvents = await stream(admin);
    const elsewhereEvents = await stream(elsewhere);
    const ticket = await openIncident(ctx, customer, service);
    await noteByAnother(ticket.number, "Internal remark.");
    await answer(ticket.number, "Done.");

    await adminEvents.next(
      (e) => e.event === "ticket.note_added" && e.data.data.number === ticket.number,
    );
    await adminEvents.next(
      (e) => e.event === "ticket.answered" && e.data.data.number === ticket.number,
    );
    const mine = adminEvents.events.filter((e) => e.data.data.number === ticket.number);
    const eventIds = mine.map((e) => e.data.eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);

    // The market agent hears of its own rows only; a sentinel addressed to it closes the check.
    await ctx.db
      .insertInto("outbox")
      .values({ topic: "test.sentinel", recipient_staff_id: elsewhere.id, payload: "{}" })
      .execute();
    await elsewhereEvents.next((e) => e.event === "test.sentinel");
    expect(elsewhereEvents.events.filter((e) => e.data.data.number === ticket.number)).toEqual([]);
  });

  it("resume after Last-Event-ID with what was missed, then live", async () => {
    const ticket = await openIncident(ctx, customer, service);
    const first = await stream(customer);
    await answer(ticket.number, "First.");
    const seen = await first.next(
      (e) => e.data.data.number === ticket.number && e.event === "ticket.answered",
    );
    first.close();

    await answer(ticket.number, "Second.");
    await answer(ticket.number, "Third.");
    const resumed = await stream(customer, { "last-event-id": seen.id ?? "" });
    const second = await resumed.next((e) => e.event === "ticket.answered");
    const third = await resumed.next(
      (e) => e.event === "ticket.answered",
      resumed.events.indexOf(second) + 1,
    );
    expect(Number(second.id)).toBeGreaterThan(Number(seen.id));
    expect(Number(third.id)).toBeGreaterThan(Number(second.id));
    expect(resumed.events.map((e) => e.id)).not.toContain(seen.id);

    await answer(ticket.number, "Fourth, live.");
    await resumed.next((e) => e.event === "ticket.answered", resumed.events.indexOf(third) + 1);
  });

  it("refuse anonymous callers and malformed Last-Event-ID with problem+json", async () => {
    const anonymous = await SseClient.open(`${base}/events`, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe("unauthenticated");
    const malformed = await stream(customer, { "last-event-id": "abc" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe("last-event-id");
  });

  it("let one person hold ten open streams, refuse an eleventh with 429, and free a place on close", async () => {
    const reader = await createUser(ctx.db, customer.account);
    const open: SseClient[] = [];
    for (let i = 0; i < 10; i++) {
      const client = await stream(reader);
      expect(client.status).toBe(200);
      open.push(client);
    }
    const refused = await stream(reader);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: "too_many_streams", status: 429 });
    // Another person of the same account is not counted against the first.
    expect((await stream(customer)).status).toBe(200);

    open[0]?.close();
    const deadline = Date.now() + 5_000;
    let again = await stream(reader);
    while (again.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await stream(reader);
    }
    expect(again.status).toBe(200);
    for (const client of open) client.close();
  });

  it("is documented in the OpenAPI document as an event stream", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const operation = doc.paths["/api/v1/events"].get;
    expect(Object.keys(operation.responses["200"].content)).toEqual(["text/event-stream"]);
    expect(operation.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: "header", name: "last-event-id" })]),
    );
    expect(JSON.stringify(doc.components.schemas)).toContain("LiveEvent");
  });

  it("end open streams when the app closes, so shutdown does not hang", async () => {
    const own = await buildApp(ctx, { logger: false, rateLimitPerMinute: 1_000_000 });
    const url = await listen(own);
    const client = await SseClient.open(`${url}/events`, customer.auth);
    clients.push(client);
    expect(client.status).toBe(200);
    await own.close();
    await client.closedByServer();
    expect(client.ended).toBe(true);
  });
});
