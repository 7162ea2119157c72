import { type Static, Type } from "@sinclair/typebox";
import { Page, PageQuery } from "../../http/pagination.ts";
import { literals } from "../tickets/schemas.ts";

const DateTime = Type.String({ format: "date-time" });
const nullable = <T extends import("@sinclair/typebox").TSchema>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const INBOUND_STATUSES = ["received", "processed", "ignored", "failed"] as const;

export const InboundListQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(literals(INBOUND_STATUSES)) },
  { additionalProperties: false },
);
export type InboundListQuery = Static<typeof InboundListQuery>;

export const InboundParams = Type.Object({ id: Type.String({ format: "uuid" }) });
export type InboundParams = Static<typeof InboundParams>;

const summaryProperties = {
  id: Type.String({ format: "uuid" }),
  receivedAt: DateTime,
  envelopeFrom: nullable(Type.String({ description: "MAIL FROM; null for the null sender <>" })),
  envelopeTo: Type.Array(Type.String(), { description: "RCPT TO addresses" }),
  from: nullable(Type.String({ description: "The From address, once parsed" })),
  subject: nullable(Type.String()),
  messageId: nullable(Type.String()),
  sizeBytes: Type.Integer(),
  status: literals(INBOUND_STATUSES),
  outcome: nullable(
    Type.String({
      description:
        "ticket-reply, ticket-created, automatic, unknown-sender, staff-sender, not-allowed, ticket-closed, no-service, ambiguous-service or failed",
    }),
  ),
  ticket: nullable(Type.String({ description: "The ticket written to, as PAL-100123" })),
  error: nullable(Type.String({ description: "Why processing failed" })),
  processedAt: nullable(DateTime),
};

export const InboundSummary = Type.Object(summaryProperties);
export const InboundPage = Page(InboundSummary);

export const InboundDetail = Type.Object({
  ...summaryProperties,
  remoteAddress: nullable(Type.String({ description: "IP address of the SMTP client" })),
  attempts: Type.Integer({ description: "Processing runs that ended in an unexpected error" }),
  ticketMessageId: nullable(Type.String()),
  outcomeDetails: Type.Record(Type.String(), Type.Unknown(), {
    description: "How it was threaded, skipped attachments, whether an answer went out, …",
  }),
  headers: Type.Array(Type.Object({ name: Type.String(), value: Type.String() }), {
    description: "The message's header fields as received, unfolded",
  }),
});
