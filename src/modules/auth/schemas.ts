import { type Static, Type } from "@sinclair/typebox";
import { Nullable } from "../../http/openapi.ts";

export const SignInBody = Type.Object(
  {
    email: Type.String({ format: "email", maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

const AccountSummary = Type.Object({
  nicHandle: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  region: Type.String(),
  programme: Type.String(),
});

export const Me = Type.Union(
  [
    Type.Object({
      kind: Type.Literal("user"),
      id: Type.String(),
      email: Type.String(),
      name: Type.String(),
      language: Type.String(),
      timeZone: Type.String({ description: "IANA time zone" }),
      preferencesSaved: Type.Boolean({
        description: "Whether language and time zone were chosen (PATCH /me), not defaults",
      }),
      account: AccountSummary,
      csrfToken: Type.Optional(Type.String()),
    }),
    Type.Object({
      kind: Type.Literal("staff"),
      id: Type.String(),
      email: Type.String(),
      name: Type.String(),
      role: Type.String(),
      tier: Type.String(),
      universes: Type.Array(Type.String()),
      region: Type.String(),
      language: Nullable(Type.String({ description: "The Manager's language, once chosen" })),
      timeZone: Nullable(Type.String({ description: "IANA time zone, once chosen" })),
      preferencesSaved: Type.Boolean(),
      csrfToken: Type.Optional(Type.String()),
    }),
  ],
  { $id: "Me" },
);
export type Me = Static<typeof Me>;

export const PreferencesBody = Type.Object(
  {
    language: Type.Optional(
      Type.Union([Type.Literal("en"), Type.Literal("fr"), Type.Literal("ru")], {
        description: "The Manager's language (for users, also their emails')",
      }),
    ),
    timeZone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "An IANA time zone name, like Europe/Paris",
      }),
    ),
  },
  { additionalProperties: false },
);
export type PreferencesBody = Static<typeof PreferencesBody>;

export const SessionCreated = Type.Object({
  csrfToken: Type.String({
    description: "Send back in X-CSRF-Token on every cookie-authenticated write",
  }),
  expiresAt: Type.String({ format: "date-time" }),
  me: Type.Ref("Me"),
});

export const TokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scope: Type.Union([Type.Literal("read"), Type.Literal("write")]),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 90 })),
  },
  { additionalProperties: false },
);
export type TokenBody = Static<typeof TokenBody>;

export const ApiToken = Type.Object({
  id: Type.String({ format: "uuid" }),
  name: Type.String(),
  scope: Type.String(),
  prefix: Type.String({ description: "First characters of the token, to recognise it" }),
  createdAt: Type.String({ format: "date-time" }),
  expiresAt: Type.String({ format: "date-time" }),
  lastUsedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const CreatedToken = Type.Intersect([
  ApiToken,
  Type.Object({
    token: Type.Optional(
      Type.String({
        description: "Shown once; store it now. Absent from an Idempotency-Key replay.",
      }),
    ),
  }),
]);

export const TokenParams = Type.Object({ id: Type.String({ format: "uuid" }) });
