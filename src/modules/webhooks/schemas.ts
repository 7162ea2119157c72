import { type Static, Type } from "@sinclair/typebox";
import { Page, PageQuery } from "../../http/pagination.ts";
import { NIC_PATTERN } from "../services/schemas.ts";
import { EVENT_TYPES } from "./events.ts";

const EventTypeT = Type.Union(
  EVENT_TYPES.map((type) => Type.Literal(type)),
  { description: "A webhook event type" },
);
const EventTypes = Type.Array(EventTypeT, {
  minItems: 1,
  maxItems: EVENT_TYPES.length,
  uniqueItems: true,
  description:
    "The events to receive. ticket.escalated, sla.warning and sla.breached are announced to " +
    "staff only: only staff admins' global subscriptions may choose them.",
});
const Url = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: "https URL (http only for localhost or 127.0.0.1), without credentials",
});
const Description = Type.String({ maxLength: 500 });
const DateTime = Type.String({ format: "date-time" });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const SubscriptionBody = Type.Object(
  { url: Url, eventTypes: EventTypes, description: Type.Optional(Description) },
  { additionalProperties: false },
);
export type SubscriptionBody = Static<typeof SubscriptionBody>;

export const SubscriptionPatch = Type.Object(
  {
    url: Type.Optional(Url),
    eventTypes: Type.Optional(EventTypes),
    description: Type.Optional(Description),
    active: Type.Optional(
      Type.Boolean({
        description:
          "false pauses deliveries (events meanwhile are skipped); true resumes them and " +
          "re-enables a subscription disabled after 24 h of failures",
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SubscriptionPatch = Static<typeof SubscriptionPatch>;

export const SubscriptionParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export const SubscriptionListQuery = Type.Object(
  {
    ...PageQuery,
    nicHandle: Type.Optional(
      Type.String({
        pattern: NIC_PATTERN,
        maxLength: 16,
        description: "Staff admins: only this account's subscriptions",
      }),
    ),
    global: Type.Optional(
      Type.Boolean({ description: "Staff admins: true for global subscriptions only" }),
    ),
  },
  { additionalProperties: false },
);
export type SubscriptionListQuery = Static<typeof SubscriptionListQuery>;

const subscriptionFields = {
  id: Type.String({ format: "uuid" }),
  scope: Type.Union([Type.Literal("account"), Type.Literal("global")]),
  nicHandle: Type.Union([Type.String(), Type.Null()], {
    description: "The owning account; null for a global subscription",
  }),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  description: Type.String(),
  active: Type.Boolean(),
  failingSince: Type.Union([DateTime, Type.Null()], {
    description: "When the current run of failed deliveries began; null when delivering",
  }),
  disabledAt: NullableDateTime,
  disabledReason: Type.Union([Type.Literal("failing_for_24h"), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const Subscription = Type.Object(subscriptionFields);

export const SubscriptionWithSecret = Type.Object({
  ...subscriptionFields,
  secret: Type.String({
    description: "The signing secret. Shown only in this response: store it now.",
  }),
});

export const SubscriptionPage = Page(Subscription);

export const Delivery = Type.Object({
  id: Type.Integer(),
  eventId: Type.String({ format: "uuid" }),
  eventType: Type.String(),
  attempt: Type.Integer({ minimum: 1 }),
  status: Type.Union([
    Type.Literal("pending"),
    Type.Literal("delivered"),
    Type.Literal("failed"),
    Type.Literal("skipped"),
  ]),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: DateTime,
  startedAt: NullableDateTime,
  finishedAt: NullableDateTime,
});

export const DeliveryListQuery = Type.Object(
  { ...PageQuery, eventId: Type.Optional(Type.String({ format: "uuid" })) },
  { additionalProperties: false },
);
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const DeliveryPage = Page(Delivery);

export const PingAccepted = Type.Object({
  eventId: Type.String({ format: "uuid" }),
  status: Type.Literal("pending"),
});
