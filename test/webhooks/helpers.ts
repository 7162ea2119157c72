import { sql } from "kysely";
import { expect } from "vitest";
import type { Database } from "../../src/db/database.ts";
import type { OutboxEvent } from "../../src/jobs/consumers.ts";
import type { JobContext } from "../../src/jobs/jobs.ts";
import { JOB_SCHEMA } from "../../src/jobs/queue.ts";
import { enqueueWebhooks } from "../../src/modules/webhooks/consumer.ts";
import { type DeliverData, deliverEvent } from "../../src/modules/webhooks/delivery.ts";
import type { TestContext } from "../helpers/context.ts";
import type { TestStaff, TestUser } from "../helpers/factories.ts";
import type { Json } from "../helpers/ticket-factories.ts";

/**
 * Drives delivery by hand, as the dispatcher and a worker would: the shared test database holds
 * other files' events and jobs, so each test hands the consumer only its own outbox rows and
 * runs only its own subscriptions' jobs (taken out of pg-boss first, so no worker races them).
 */

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

export function jobContext(ctx: TestContext): JobContext {
  return { ...ctx, log: quiet };
}

export type Caller = TestUser | TestStaff;

/** One API call as `as`, with a JSON body when given. */
export function callApi(
  ctx: TestContext,
  as: Caller,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  payload?: Json,
) {
  return ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: as.auth,
    ...(payload === undefined ? {} : { payload }),
  });
}

export async function subscribe(
  ctx: TestContext,
  as: TestUser | TestStaff,
  body: Record<string, unknown>,
): Promise<Json> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/webhooks",
    headers: as.auth,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function toEvent(row: {
  id: number;
  event_id: string;
  topic: string;
  recipient_account_id: string | null;
  recipient_staff_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
}): OutboxEvent {
  return {
    id: row.id,
    eventId: row.event_id,
    topic: row.topic,
    recipientAccountId: row.recipient_account_id,
    recipientStaffId: row.recipient_staff_id,
    payload: row.payload,
    createdAt: row.created_at,
  };
}

/** The outbox rows whose payload names this subject (`ticketId`, `contactChangeId`). */
export function outboxAbout(db: Database, key: "ticketId" | "contactChangeId", id: string) {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where(sql<boolean>`payload->>${key} = ${id}`)
    .orderBy("id")
    .execute();
}

/** The outbox rows of one ticket, oldest first. */
export function ticketOutbox(db: Database, ticketId: string) {
  return outboxAbout(db, "ticketId", ticketId);
}

/**
 * Hands outbox rows to the webhook consumer in one transaction, as the dispatcher does. The
 * jobs it queues are put out of workers' reach (due tomorrow) in that transaction: on the
 * PostgreSQL shared by every test file, another file's workers would otherwise deliver them
 * before `takeJobs` takes them.
 */
export async function dispatch(
  ctx: TestContext,
  rows: Awaited<ReturnType<typeof outboxAbout>>,
): Promise<number> {
  const events = rows.map(toEvent);
  return ctx.db.transaction().execute(async (trx) => {
    const queued = await enqueueWebhooks(events, trx, jobContext(ctx));
    if (events.length > 0) {
      await sql`
        update ${sql.table(`${JOB_SCHEMA}.job`)} set start_after = now() + interval '1 day'
        where name = 'webhook.deliver' and state = 'created'
          and data->'event'->>'id' = any(${[...new Set(rows.map((r) => r.event_id))]}::text[])
      `.execute(trx);
    }
    return queued;
  });
}

/** Takes the queued delivery jobs of these subscriptions out of pg-boss; returns their data. */
export async function takeJobs(
  ctx: TestContext,
  subscriptionIds: string[],
): Promise<DeliverData[]> {
  if (subscriptionIds.length === 0) return [];
  const { rows } = await sql<{ id: string; data: DeliverData }>`
    select id, data from ${sql.table(`${JOB_SCHEMA}.job`)}
    where name = 'webhook.deliver' and state in ('created', 'retry')
      and data->>'subscriptionId' = any(${subscriptionIds}::text[])
    order by created_on
  `.execute(ctx.db);
  if (rows.length > 0) {
    await ctx.jobs.boss.cancel(
      "webhook.deliver",
      rows.map((row) => row.id),
    );
  }
  return rows.map((row) => row.data);
}

/** One run of the delivery job; resolves to the error it threw (a retry), or null. */
export async function runDelivery(ctx: TestContext, data: DeliverData): Promise<Error | null> {
  try {
    await deliverEvent(data, jobContext(ctx));
    return null;
  } catch (error) {
    return error as Error;
  }
}

/** The delivery log of a subscription as stored, oldest attempt first. */
export function deliveryRows(db: Database, subscriptionId: string) {
  return db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("subscription_id", "=", subscriptionId)
    .orderBy("id")
    .execute();
}
