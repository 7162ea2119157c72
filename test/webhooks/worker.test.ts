import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueAll } from "../../src/jobs/outbox.ts";
import type { Workers } from "../../src/jobs/worker.ts";
import { insertSubscription } from "../../src/modules/webhooks/repository.ts";
import { newWebhookSecret } from "../../src/modules/webhooks/signature.ts";
import { testContext } from "../helpers/context.ts";
import {
  type ExclusiveContext,
  exclusiveContext,
  startTestWorkers,
  waitFor,
} from "../jobs/helpers.ts";
import { deliveryRows } from "./helpers.ts";
import { Receiver } from "./receiver.ts";
import { verifyPalierSignature } from "./recipe.js";

/**
 * The whole path with the real dispatcher and workers: a committed outbox row becomes a job,
 * the worker posts it, pg-boss retries it. The outbox must be one no other test file
 * dispatches (see exclusiveContext), so the subscription and the event are written directly.
 */

let exclusive: ExclusiveContext;
let ctx: ExclusiveContext["ctx"];
let receiver: Receiver;
let subscriptionId: string;
let secret: string;
const running: Workers[] = [];

beforeAll(async () => {
  exclusive = await exclusiveContext(await testContext());
  ctx = exclusive.ctx;
  receiver = await Receiver.down();
  secret = newWebhookSecret();
  // A global subscription: it receives every event, so a bare outbox row reaches it.
  ({ id: subscriptionId } = await insertSubscription(ctx.db, {
    account_id: null,
    created_by_user_id: null,
    created_by_staff_id: null,
    url: receiver.url(),
    event_types: ["ticket.created"],
    secret_sealed: ctx.keys.encrypt(secret),
  }));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((workers) => workers.stop()));
});

afterAll(async () => {
  await ctx.db
    .updateTable("webhook_subscriptions")
    .set({ deleted_at: new Date(), active: false })
    .where("id", "=", subscriptionId)
    .execute();
  await receiver.stop();
  await exclusive.close();
});

async function start(): Promise<Workers> {
  const workers = await startTestWorkers(ctx);
  running.push(workers);
  return workers;
}

async function stop(workers: Workers): Promise<void> {
  running.splice(running.indexOf(workers), 1);
  await workers.stop();
}

async function attempts(eventId: string) {
  return (await deliveryRows(ctx.db, subscriptionId)).filter((row) => row.event_id === eventId);
}

describe("webhooks through the dispatcher and the workers", () => {
  it("retries after the receiver was down, across a worker restart, and sends once", async () => {
    const ticketId = randomUUID();
    await ctx.db
      .transaction()
      .execute((trx) =>
        enqueueAll(trx, [{ topic: "ticket.created", payload: { ticketId, subject: "Disk full" } }]),
      );
    const { event_id: eventId } = await ctx.db
      .selectFrom("outbox")
      .select("event_id")
      .where(sql<boolean>`payload->>'ticketId' = ${ticketId}`)
      .executeTakeFirstOrThrow();

    let workers = await start();
    await waitFor(
      async () => ((await attempts(eventId)).some((a) => a.status === "failed") ? true : undefined),
      "the first attempt to fail",
    );
    // The process stops while the job waits for its retry; the receiver comes back.
    await stop(workers);
    await receiver.up();
    // pg-boss would wait 1-2 minutes before the retry: bring it forward.
    await sql`
      update pgboss.job set start_after = now()
      where name = 'webhook.deliver' and state = 'retry' and data->>'subscriptionId' = ${subscriptionId}
    `.execute(ctx.db);
    workers = await start();
    await waitFor(
      async () =>
        (await attempts(eventId)).some((a) => a.status === "delivered") ? true : undefined,
      "the retried delivery",
    );
    await stop(workers);
    // Started again, nothing is sent twice.
    await stop(await start());

    const requests = receiver.forEvent(eventId);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(
      verifyPalierSignature(secret, request?.headers["palier-signature"], request?.body ?? ""),
    ).toBe(true);
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      id: eventId,
      type: "ticket.created",
      data: { ticketId, subject: "Disk full" },
    });
    const log = await attempts(eventId);
    expect(log.map((a) => [a.attempt, a.status])).toEqual([
      [1, "failed"],
      [2, "delivered"],
    ]);
    expect(log[0]?.error).toContain("ECONNREFUSED");
  });
});
