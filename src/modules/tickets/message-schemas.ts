import { type Static, Type } from "@sinclair/typebox";
import { Nullable } from "../../http/openapi.ts";
import { Page, PageQuery } from "../../http/pagination.ts";
import { STAFF_STATUSES } from "./rules.ts";
import { AttachmentIds, literals, StaffStatusT } from "./schemas.ts";

const DateTime = Type.String({ format: "date-time" });
const MessageBodyText = Type.String({ minLength: 1, maxLength: 50_000 });

export const ReplyBody = Type.Object(
  {
    body: MessageBodyText,
    attachments: Type.Optional(AttachmentIds),
    status: Type.Optional(
      literals(STAFF_STATUSES, "Staff only: the status to set along with the answer"),
    ),
  },
  { additionalProperties: false },
);
export type ReplyBody = Static<typeof ReplyBody>;

export const NoteBody = Type.Object(
  { body: MessageBodyText, attachments: Type.Optional(AttachmentIds) },
  { additionalProperties: false },
);
export type NoteBody = Static<typeof NoteBody>;

export const StatusBody = Type.Object({ status: StaffStatusT }, { additionalProperties: false });
export type StatusBody = Static<typeof StatusBody>;

export const OutOfPerimeterBody = Type.Object(
  {
    area: Type.Optional(
      Type.String({
        pattern: "^[a-z0-9][a-z0-9-]{1,62}$",
        description: "The matrix area to cite; defaults to the one chosen at intake",
      }),
    ),
  },
  { additionalProperties: false },
);
export type OutOfPerimeterBody = Static<typeof OutOfPerimeterBody>;

export const EmptyBody = Type.Union([
  Type.Object({}, { additionalProperties: false }),
  Type.Null(),
]);

export const MessageListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type MessageListQuery = Static<typeof MessageListQuery>;

export const AttachmentBody = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdAt: DateTime,
});

export const MessageBody = Type.Object({
  id: Type.String(),
  kind: literals(
    ["customer", "agent", "internal", "system"] as const,
    "internal notes reach staff only",
  ),
  author: Type.Union([
    Type.Object({
      kind: Type.Literal("customer"),
      name: Type.Union([Type.String(), Type.Null()]),
      nicHandle: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Object({ kind: Type.Literal("staff"), name: Type.Union([Type.String(), Type.Null()]) }),
    Type.Object({ kind: Type.Literal("system") }),
  ]),
  body: Type.String(),
  attachments: Type.Array(AttachmentBody),
  createdAt: DateTime,
  rating: Nullable(
    Type.Object(
      {
        value: literals(["solved", "not-answered"] as const),
        comment: Nullable(Type.String()),
        createdAt: DateTime,
      },
      { description: "The customer's rating of this public answer; null when not rated" },
    ),
  ),
});
export const MessagePage = Page(MessageBody);

export const AttachmentParams = Type.Object({
  number: Type.String({ pattern: "^([Pp][Aa][Ll]-)?[0-9]{1,15}$" }),
  id: Type.String({ format: "uuid" }),
});
export type AttachmentParams = Static<typeof AttachmentParams>;

export const UploadQuery = Type.Object(
  {
    filename: Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: "^[^/\\\\\\u0000-\\u001f]+$",
      description: "The file's name, without a path",
    }),
  },
  { additionalProperties: false },
);
export type UploadQuery = Static<typeof UploadQuery>;
