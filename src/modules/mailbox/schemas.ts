import { type Static, Type } from "@sinclair/typebox";
import { PageQuery } from "../../http/pagination.ts";

const Status = Type.Union(
  [Type.Literal("queued"), Type.Literal("sent"), Type.Literal("held"), Type.Literal("failed")],
  {
    description:
      "queued: waiting for (or retrying) delivery; sent: accepted by the SMTP relay; " +
      "held: kept in this developer mailbox (no SMTP_URL); failed: no retry left",
  },
);

const nullable = <T extends import("@sinclair/typebox").TSchema>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const MailSummary = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    to: Type.String({ examples: ["jane@example.com"] }),
    toName: nullable(Type.String()),
    subject: Type.String({ examples: ["[PAL-100123] Received: Disk full on web01"] }),
    language: Type.Union([Type.Literal("en"), Type.Literal("fr"), Type.Literal("ru")]),
    ticket: nullable(Type.String({ description: "Ticket number, e.g. PAL-100123" })),
    status: Status,
    transport: nullable(Type.Union([Type.Literal("smtp"), Type.Literal("mailbox")])),
    attempts: Type.Integer(),
    createdAt: Type.String({ format: "date-time" }),
    sentAt: nullable(Type.String({ format: "date-time" })),
  },
  { $id: "MailSummary", title: "MailSummary" },
);

export const MailMessage = Type.Object(
  {
    ...MailSummary.properties,
    from: Type.String({ description: "MAIL_FROM at the time of reading" }),
    replyTo: nullable(Type.String()),
    headers: Type.Record(Type.String(), Type.String(), {
      description: "Message-ID, In-Reply-To, References, Auto-Submitted…",
    }),
    text: Type.String(),
    html: Type.String(),
    secret: Type.Boolean({
      description: "Carries a one-time link; redacted once delivered over SMTP",
    }),
    redactedAt: nullable(Type.String({ format: "date-time" })),
    lastError: nullable(Type.String()),
  },
  { $id: "MailMessage", title: "MailMessage" },
);

export const MailboxQuery = Type.Object(
  {
    ...PageQuery,
    to: Type.Optional(
      Type.String({ minLength: 3, maxLength: 320, description: "Recipient address, any case" }),
    ),
    ticket: Type.Optional(
      Type.String({
        pattern: "^([Pp][Aa][Ll]-)?[0-9]{1,15}$",
        description: "Ticket number (PAL-100123 or 100123)",
      }),
    ),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);
export type MailboxQuery = Static<typeof MailboxQuery>;

export const MailParams = Type.Object({ id: Type.String({ format: "uuid" }) });
