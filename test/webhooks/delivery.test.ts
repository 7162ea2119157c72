import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAILING_LIMIT_MS } from "../../src/modules/webhooks/delivery.ts";
import { postSigned } from "../../src/modules/webhooks/sender.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createUser,
  type TestService,
  type TestUser,
} from "../helpers/factories.ts";
import { get, type Json, openIncident, post, ticketRow } from "../helpers/ticket-factories.ts";
import {
  deliveryRows,
  dispatch,
  runDelivery,
  subscribe,
  takeJobs,
  ticketOutbox,
} from "./helpers.ts";
import { Receiver } from "./receiver.ts";
import { verifyPalierSignature } from "./recipe.js";

let ctx: TestContext;
let customer: TestUser;
let service: TestService;
const receivers: Receiver[] = [];

beforeAll(async () => {
  ctx = await testContext();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
});
afterEach(() => ctx.clock.reset());
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.stop()));
});

async function receiver(down = false): Promise<Receiver> {
  const r = down ? await Receiver.down() : await Receiver.start();
  receivers.push(r);
  return r;
}

/** A subscription of the customer's account to ticket.created at the receiver. */
async function hook(target: Receiver) {
  return subscribe(ctx, customer, { url: target.url(), eventTypes: ["ticket.created"] });
}

/** Opens a ticket and dispatches its outbox rows; returns the ticket.created event id. */
async function ticketCreated(): Promise<string> {
  const ticket = await openIncident(ctx, customer, service);
  const { id } = await ticketRow(ctx.db, ticket.number);
  const rows = await ticketOutbox(ctx.db, id);
  await dispatch(ctx, rows);
  const created = rows.find((row) => row.topic === "ticket.created");
  if (!created) throw new Error("no ticket.created notice");
  return created.event_id;
}

async function log(subscriptionId: string): Promise<Json[]> {
  const res = await get(ctx, customer, `/webhooks/${subscriptionId}/deliveries`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function subscription(id: string): Promise<Json> {
  return (await get(ctx, customer, `/webhooks/${id}`)).json();
}

describe("a delivery", () => {
  it("is signed so that the documented recipe verifies it, and is sent once", async () => {
    const target = await receiver();
    const sub = await hook(target);
    target.respond = (req) =>
      verifyPalierSignature(sub.secret, req.headers["palier-signature"], req.body) ? 204 : 401;
    const eventId = await ticketCreated();
    const [job, ...others] = await takeJobs(ctx, [sub.id]);
    expect(others).toEqual([]);
    if (!job) throw new Error("no job");
    expect(await runDelivery(ctx, job)).toBeNull();

    const [request] = target.forEvent(eventId);
    if (!request) throw new Error("nothing received");
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Palier-Webhooks/1",
      "palier-event-id": eventId,
      "palier-event-type": "ticket.created",
    });
    const signature = String(request.headers["palier-signature"]);
    const t = Number(request.headers["palier-timestamp"]);
    expect(signature).toMatch(new RegExp(`^t=${t},v1=[0-9a-f]{64}$`));
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ id: eventId, type: "ticket.created" });
    expect(body.data).toMatchObject({ serviceName: service.name, category: "incident" });
    expect(Date.parse(body.createdAt)).not.toBeNaN();

    // The recipe refuses a changed body, another secret, and a replay after five minutes.
    expect(verifyPalierSignature(sub.secret, signature, request.body, t)).toBe(true);
    expect(verifyPalierSignature(sub.secret, signature, `${request.body} `, t)).toBe(false);
    expect(verifyPalierSignature(`${sub.secret}x`, signature, request.body, t)).toBe(false);
    expect(verifyPalierSignature(sub.secret, signature, request.body, t + 299)).toBe(true);
    expect(verifyPalierSignature(sub.secret, signature, request.body, t + 301)).toBe(false);
    expect(verifyPalierSignature(sub.secret, undefined, request.body, t)).toBe(false);

    const entries = await log(sub.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      eventId,
      eventType: "ticket.created",
      attempt: 1,
      status: "delivered",
      statusCode: 204,
      error: null,
    });
    expect(entries[0].durationMs).toBeGreaterThanOrEqual(0);

    // The job runs again, as after a crash before pg-boss recorded it done: nothing is re-sent.
    expect(await runDelivery(ctx, job)).toBeNull();
    expect(target.forEvent(eventId)).toHaveLength(1);
    expect(await log(sub.id)).toHaveLength(1);
  });

  it("carries a timestamp the recipe refuses once it is older than five minutes", async () => {
    const target = await receiver();
    const sub = await hook(target);
    target.respond = (req) =>
      verifyPalierSignature(sub.secret, req.headers["palier-signature"], req.body) ? 204 : 401;
    await ticketCreated();
    const [job] = await takeJobs(ctx, [sub.id]);
    if (!job) throw new Error("no job");
    // Palier's clock six minutes behind the receiver's: the request looks like a replay.
    ctx.clock.advance(-6 * 60_000);
    const error = await runDelivery(ctx, job);
    expect(error?.message).toContain("HTTP 401");
    const [entry] = await log(sub.id);
    expect(entry).toMatchObject({ status: "failed", statusCode: 401, error: "HTTP 401" });
  });

  it("is retried after the receiver was down, and then delivered", async () => {
    const target = await receiver(true);
    const sub = await hook(target);
    const eventId = await ticketCreated();
    const [job] = await takeJobs(ctx, [sub.id]);
    if (!job) throw new Error("no job");

    const error = await runDelivery(ctx, job);
    expect(error?.message).toContain("ECONNREFUSED");
    const failing = await subscription(sub.id);
    expect(failing.failingSince).not.toBeNull();
    expect(failing.active).toBe(true);

    await target.up();
    expect(await runDelivery(ctx, job)).toBeNull();
    expect(target.forEvent(eventId)).toHaveLength(1);
    const entries = await log(sub.id);
    expect(entries.map((e) => [e.attempt, e.status, e.statusCode])).toEqual([
      [2, "delivered", 204],
      [1, "failed", null],
    ]);
    expect(entries[1].error).toContain("ECONNREFUSED");
    expect((await subscription(sub.id)).failingSince).toBeNull();
  });

  it("does not follow redirects", async () => {
    const target = await receiver();
    target.respond = () => 302;
    const sub = await hook(target);
    await ticketCreated();
    const [job] = await takeJobs(ctx, [sub.id]);
    if (!job) throw new Error("no job");
    expect(await runDelivery(ctx, job)).not.toBeNull();
    expect(target.requests.map((r) => r.path)).toEqual(["/hooks/palier"]);
    const [entry] = await log(sub.id);
    expect(entry).toMatchObject({ status: "failed", statusCode: 302 });
    expect(entry.error).toContain("redirects are not followed");
  });

  it("gives up on a receiver that does not answer in time", async () => {
    const silent = await receiver();
    silent.respond = () => null;
    const result = await postSigned(silent.url(), { body: "{}", headers: {} }, { timeoutMs: 200 });
    expect(result).toMatchObject({ delivered: false, statusCode: null });
    expect(result.error).toContain("timed out");
  });
});

describe("a subscription that keeps failing", () => {
  it("is disabled 24 hours after its first failure, its owner told, its queue skipped", async () => {
    const target = await receiver();
    target.respond = () => 500;
    const sub = await hook(target);
    const ping = async () => {
      const res = await post(ctx, customer, `/webhooks/${sub.id}/ping`);
      expect(res.statusCode, res.body).toBe(202);
      return res.json().eventId as string;
    };
    const first = await ping();
    const second = await ping();
    const jobs = await takeJobs(ctx, [sub.id]);
    const job = jobs.find((j) => j.event.id === first);
    const later = jobs.find((j) => j.event.id === second);
    if (!job || !later) throw new Error("missing ping jobs");
    expect(job.event).toMatchObject({ type: "ping", data: { subscriptionId: sub.id } });

    expect(await runDelivery(ctx, job)).not.toBeNull();
    const since = (await subscription(sub.id)).failingSince;
    expect(since).not.toBeNull();
    ctx.clock.advance(FAILING_LIMIT_MS - 3_600_000);
    expect(await runDelivery(ctx, job)).not.toBeNull();
    expect((await subscription(sub.id)).active).toBe(true);

    ctx.clock.advance(3_600_000);
    // The failure 24 h after the first disables the subscription and stops the retries.
    expect(await runDelivery(ctx, job)).toBeNull();
    const disabled = await subscription(sub.id);
    expect(disabled).toMatchObject({
      active: false,
      failingSince: since,
      disabledReason: "failing_for_24h",
    });
    expect(disabled.disabledAt).not.toBeNull();

    const notices = await ctx.db
      .selectFrom("outbox")
      .selectAll()
      .where("topic", "=", "webhook.disabled")
      .where("recipient_account_id", "=", customer.account.id)
      .execute();
    expect(notices.map((n) => n.payload)).toEqual([
      { subscriptionId: sub.id, url: sub.url, reason: "failing_for_24h", failingSince: since },
    ]);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_kind"])
      .where("subject_id", "=", sub.id)
      .where("action", "=", "webhook.disabled")
      .execute();
    expect(audit).toEqual([{ action: "webhook.disabled", actor_kind: "system" }]);

    // A job still queued for it records a skip and sends nothing.
    expect(await runDelivery(ctx, later)).toBeNull();
    expect(target.requests).toHaveLength(3);
    const rows = await deliveryRows(ctx.db, sub.id);
    expect(rows.map((r) => [r.event_id === first, r.attempt, r.status, r.error])).toEqual([
      [true, 1, "failed", "HTTP 500"],
      [false, 1, "skipped", "subscription disabled"],
      [true, 2, "failed", "HTTP 500"],
      [true, 3, "failed", "HTTP 500"],
    ]);
    // No new jobs either: the dispatcher no longer matches it.
    await ticketCreated();
    expect(await takeJobs(ctx, [sub.id])).toEqual([]);
  });

  it("records deliveries for a deleted subscription as skipped", async () => {
    const target = await receiver();
    const sub = await hook(target);
    await ticketCreated();
    const [job] = await takeJobs(ctx, [sub.id]);
    if (!job) throw new Error("no job");
    expect(
      (
        await ctx.app.inject({
          method: "DELETE",
          url: `/api/v1/webhooks/${sub.id}`,
          headers: customer.auth,
        })
      ).statusCode,
    ).toBe(204);
    expect(await runDelivery(ctx, job)).toBeNull();
    expect(target.requests).toEqual([]);
    const rows = await deliveryRows(ctx.db, sub.id);
    expect(rows.map((r) => [r.attempt, r.status, r.error])).toEqual([
      [1, "skipped", "subscription deleted"],
    ]);
  });
});

describe("the documented recipe", () => {
  it("is the code the tests verify with, word for word", () => {
    const docs = readFileSync(new URL("../../docs/WEBHOOKS.md", import.meta.url), "utf8");
    const recipe = readFileSync(new URL("./recipe.js", import.meta.url), "utf8");
    expect(docs).toContain(recipe.trim());
  });
});
