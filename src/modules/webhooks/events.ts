/**
 * The webhook event types and how outbox topics become them. Pure: the consumer decides from
 * these tables which rows leave as webhooks, so what an integrator may receive is read here.
 */

/** Every event type a subscription may choose. */
export const EVENT_TYPES = [
  "ticket.created",
  "ticket.message.created",
  "ticket.status.changed",
  "ticket.escalated",
  "sla.warning",
  "sla.breached",
  "contact_change.requested",
  "contact_change.done",
  "contact_change.refused",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Sent by `POST /webhooks/{id}/ping` only; never subscribed to. */
export const PING = "ping";
export type DeliveredType = EventType | typeof PING;

/**
 * Types announced only to staff (the outbox addresses them to staff members, never to accounts:
 * tiers and SLA warnings are staff-only facts). Only global subscriptions receive them, so an
 * account may not choose them.
 */
export const STAFF_ONLY_TYPES: ReadonlySet<EventType> = new Set([
  "ticket.escalated",
  "sla.warning",
  "sla.breached",
]);

/**
 * Outbox topic → webhook type. Absent topics never leave as webhooks: internal notes
 * (`ticket.note_added`), assignments, ratings, subscriptions and Fast-Path.
 * `ticket.customer_replied` is the staff side of a customer's message (the assigned agent's
 * notice); it shares the change's event id with the accounts' `ticket.message`, so a global
 * subscription receives the message once.
 */
const TOPIC_TYPES: Readonly<Record<string, EventType>> = {
  "ticket.created": "ticket.created",
  "ticket.message": "ticket.message.created",
  "ticket.answered": "ticket.message.created",
  "ticket.customer_replied": "ticket.message.created",
  "ticket.status_changed": "ticket.status.changed",
  "ticket.closed": "ticket.status.changed",
  "ticket.reopened": "ticket.status.changed",
  "ticket.escalated": "ticket.escalated",
  "sla.warning": "sla.warning",
  "sla.breached": "sla.breached",
  "contact_change.requested": "contact_change.requested",
  "contact_change.done": "contact_change.done",
  "contact_change.refused": "contact_change.refused",
};

export function eventTypeOf(topic: string): EventType | null {
  return TOPIC_TYPES[topic] ?? null;
}

/** Topics announcing a public message, whose text the event carries. */
export function isMessageTopic(topic: string): boolean {
  return TOPIC_TYPES[topic] === "ticket.message.created";
}

/** Topics whose outbox rows an account subscription may receive (addressed to its account). */
export function isAccountType(type: EventType): boolean {
  return !STAFF_ONLY_TYPES.has(type);
}

/**
 * Fields never sent to a webhook, at any depth: a contact change's one-time `token` and the
 * `link` that embeds it are secrets for the mailbox of one side only.
 */
const SECRET_FIELDS = new Set(["token", "link"]);

/** A copy of an outbox payload without the fields webhooks never carry. */
export function webhookData(payload: unknown): unknown {
  if (Array.isArray(payload)) return payload.map(webhookData);
  if (payload === null || typeof payload !== "object") return payload;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (!SECRET_FIELDS.has(key)) copy[key] = webhookData(value);
  }
  return copy;
}

/** What a delivery posts: the body of the request, before serialisation. */
export interface WebhookEvent {
  id: string;
  type: DeliveredType;
  createdAt: string;
  data: Record<string, unknown>;
}
