import { type Static, Type } from "@sinclair/typebox";

const Language = Type.Union([Type.Literal("en"), Type.Literal("fr"), Type.Literal("ru")], {
  description: "The language the answer is written in",
});
const Universe = Type.Union(
  [
    Type.Literal("market"),
    Type.Literal("server"),
    Type.Literal("public-cloud"),
    Type.Literal("enterprise"),
  ],
  { description: "Offered only on this universe's tickets; absent or null for every universe" },
);
const Title = Type.String({ minLength: 1, maxLength: 120 });
const Body = Type.String({ minLength: 1, maxLength: 20_000 });

export const CannedAnswer = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    language: Language,
    universe: Type.Union([Universe, Type.Null()]),
    title: Type.String(),
    body: Type.String(),
    shipped: Type.Boolean({ description: "One of the answers Palier ships (seeded)" }),
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({ format: "date-time" }),
  },
  { $id: "CannedAnswer", title: "CannedAnswer" },
);

export const CannedAnswerListQuery = Type.Object(
  {
    language: Language,
    universe: Type.Optional(Universe),
  },
  { additionalProperties: false },
);
export type CannedAnswerListQuery = Static<typeof CannedAnswerListQuery>;

export const NewCannedAnswerBody = Type.Object(
  {
    language: Language,
    universe: Type.Optional(Type.Union([Universe, Type.Null()])),
    title: Title,
    body: Body,
  },
  { additionalProperties: false },
);
export type NewCannedAnswerBody = Static<typeof NewCannedAnswerBody>;

export const CannedAnswerPatchBody = Type.Object(
  {
    language: Type.Optional(Language),
    universe: Type.Optional(Type.Union([Universe, Type.Null()])),
    title: Type.Optional(Title),
    body: Type.Optional(Body),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CannedAnswerPatchBody = Static<typeof CannedAnswerPatchBody>;

export const CannedAnswerParams = Type.Object({ id: Type.String({ format: "uuid" }) });
export type CannedAnswerParams = Static<typeof CannedAnswerParams>;
