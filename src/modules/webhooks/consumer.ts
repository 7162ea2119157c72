import type { Database } from "../../db/database.ts";
import type { EventConsumer, OutboxEvent } from "../../jobs/consumers.ts";
import type { JobContext } from "../../jobs/jobs.ts";
import { type DeliverData, webhookDeliverJob } from "./delivery.ts";
import { insertPendingDeliveries, type PendingDelivery } from "./delivery-repository.ts";
import {
  type EventType,
  eventTypeOf,
  isAccountType,
  isMessageTopic,
  type WebhookEvent,
  webhookData,
} from "./events.ts";
import { matchingSubscriptions, publicMessages } from "./repository.ts";

/**
 * Turns dispatched outbox rows into `webhook.deliver` jobs, inside the dispatch transaction.
 * An account subscription receives the rows addressed to its account; a global one receives
 * each change once (the first row of each event id), whoever it was addressed to.
 */

interface Mapped {
  row: OutboxEvent;
  type: EventType;
}

type MessageFacts = Awaited<ReturnType<typeof publicMessages>>[number];

/** The event's data: the notice without secrets, and for a message its public text. */
function dataOf(item: Mapped, messages: Map<string, MessageFacts>): Record<string, unknown> {
  const data = webhookData(item.row.payload) as Record<string, unknown>;
  const message = typeof data.messageId === "string" ? messages.get(data.messageId) : undefined;
  if (isMessageTopic(item.row.topic) && message) {
    data.message = {
      id: message.id,
      author: message.kind,
      body: message.body,
      createdAt: message.created_at.toISOString(),
    };
  }
  return data;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Matches one batch of rows to subscriptions and enqueues one job per new (subscription, event). */
export async function enqueueWebhooks(
  events: OutboxEvent[],
  trx: Database,
  ctx: JobContext,
): Promise<number> {
  const mapped: Mapped[] = events.flatMap((row) => {
    const type = eventTypeOf(row.topic);
    return type ? [{ row, type }] : [];
  });
  if (mapped.length === 0) return 0;
  const accountIds = unique(
    mapped.flatMap((m) =>
      m.row.recipientAccountId && isAccountType(m.type) ? [m.row.recipientAccountId] : [],
    ),
  );
  const subscriptions = await matchingSubscriptions(
    trx,
    accountIds,
    unique(mapped.map((m) => m.type)),
  );
  if (subscriptions.length === 0) return 0;

  const pairs = new Map<string, { pending: PendingDelivery; item: Mapped }>();
  for (const item of mapped) {
    for (const sub of subscriptions) {
      if (!sub.event_types.includes(item.type)) continue;
      const receives =
        sub.account_id === null ||
        (sub.account_id === item.row.recipientAccountId && isAccountType(item.type));
      const key = `${sub.id}:${item.row.eventId}`;
      if (!receives || pairs.has(key)) continue;
      pairs.set(key, {
        pending: { subscription_id: sub.id, event_id: item.row.eventId, event_type: item.type },
        item,
      });
    }
  }
  if (pairs.size === 0) return 0;

  const messageIds = unique(
    [...pairs.values()].flatMap(({ item }) => {
      const id = item.row.payload.messageId;
      return isMessageTopic(item.row.topic) && typeof id === "string" ? [id] : [];
    }),
  );
  const messages = new Map((await publicMessages(trx, messageIds)).map((m) => [m.id, m]));
  const written = await insertPendingDeliveries(
    trx,
    [...pairs.values()].map((p) => p.pending),
    ctx.clock.now(),
  );
  for (const row of written) {
    const pair = pairs.get(`${row.subscription_id}:${row.event_id}`);
    if (!pair) continue;
    const event: WebhookEvent = {
      id: pair.item.row.eventId,
      type: pair.item.type,
      createdAt: pair.item.row.createdAt.toISOString(),
      data: dataOf(pair.item, messages),
    };
    const data: DeliverData = { subscriptionId: row.subscription_id, event };
    await ctx.jobs.send(webhookDeliverJob, data, { trx });
  }
  return written.length;
}

/** The webhooks side of delivery, registered in src/jobs/consumer-registry.ts. */
export const webhookConsumer: EventConsumer = {
  name: "webhooks",
  async consume(events, trx, ctx) {
    await enqueueWebhooks(events, trx, ctx);
  },
};
