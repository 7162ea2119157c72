import { type Static, Type } from "@sinclair/typebox";
import { PageQuery } from "../../http/pagination.ts";

export const AuditEntry = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String({ format: "date-time" }),
    actor: Type.Object({
      kind: Type.Union([
        Type.Literal("user"),
        Type.Literal("staff"),
        Type.Literal("system"),
        Type.Literal("anonymous"),
      ]),
      id: Type.Union([Type.String(), Type.Null()]),
      label: Type.String(),
    }),
    action: Type.String({ examples: ["account.updated"] }),
    subject: Type.Object({ kind: Type.String(), id: Type.String() }),
    account: Type.Union([Type.String(), Type.Null()], {
      description: "NIC handle of the account concerned, if any",
    }),
    ip: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.Union([Type.String(), Type.Null()]),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: "AuditEntry", title: "AuditEntry" },
);

export const AuditQuery = Type.Object(
  {
    ...PageQuery,
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    subjectKind: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    subjectId: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    account: Type.Optional(
      Type.String({ pattern: "^[a-z]{2}[0-9]{1,6}-pal$", description: "NIC handle" }),
    ),
    from: Type.Optional(Type.String({ format: "date-time", description: "Inclusive" })),
    to: Type.Optional(Type.String({ format: "date-time", description: "Exclusive" })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
