import { type Static, Type } from "@sinclair/typebox";
import { Page, PageQuery } from "../../http/pagination.ts";
import { NIC_PATTERN } from "../services/schemas.ts";

const ContactRoleT = Type.Union([
  Type.Literal("admin"),
  Type.Literal("tech"),
  Type.Literal("billing"),
]);
const StateT = Type.Union([
  Type.Literal("todo"),
  Type.Literal("validating"),
  Type.Literal("done"),
  Type.Literal("refused"),
  Type.Literal("expired"),
  Type.Literal("aborted"),
]);

export const RequestBody = Type.Object(
  {
    role: ContactRoleT,
    toNicHandle: Type.String({
      pattern: NIC_PATTERN,
      maxLength: 16,
      description: "NIC handle of the account that receives the role",
    }),
  },
  { additionalProperties: false },
);
export type RequestBody = Static<typeof RequestBody>;

export const DecisionBody = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 256,
      description: "The single-use token sent to your account",
    }),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const ChangeParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export const ChangeListQuery = Type.Object(
  { ...PageQuery, state: Type.Optional(StateT) },
  { additionalProperties: false },
);
export type ChangeListQuery = Static<typeof ChangeListQuery>;

const Side = Type.Object({
  nicHandle: Type.String(),
  decision: Type.Union([Type.Literal("accepted"), Type.Literal("refused"), Type.Null()]),
  decidedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const ContactChange = Type.Object({
  id: Type.String({ format: "uuid" }),
  serviceName: Type.String(),
  role: ContactRoleT,
  state: StateT,
  from: Side,
  to: Side,
  requestedBy: Type.Object({
    kind: Type.Union([Type.Literal("user"), Type.Literal("staff"), Type.Literal("unknown")]),
    nicHandle: Type.Union([Type.String(), Type.Null()]),
  }),
  mySide: Type.Union([Type.Literal("giving"), Type.Literal("receiving"), Type.Null()], {
    description: "Which side of the change the caller's account is on",
  }),
  createdAt: Type.String({ format: "date-time" }),
  expiresAt: Type.String({ format: "date-time" }),
  closedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const ChangePage = Page(ContactChange);
