import { type Static, Type } from "@sinclair/typebox";
import { PageQuery } from "../../http/pagination.ts";

const Role = Type.Union([Type.Literal("agent"), Type.Literal("lead"), Type.Literal("admin")]);
const Tier = Type.Union([
  Type.Literal("L1"),
  Type.Literal("L2"),
  Type.Literal("L3"),
  Type.Literal("TAM"),
]);
const UniverseCode = Type.Union([
  Type.Literal("market"),
  Type.Literal("server"),
  Type.Literal("public-cloud"),
  Type.Literal("enterprise"),
]);
const LanguageCode = Type.String({ pattern: "^[a-z]{2}$", description: "ISO 639-1 code" });
const Languages = Type.Array(LanguageCode, { minItems: 1, maxItems: 20, uniqueItems: true });
const Universes = Type.Array(UniverseCode, { maxItems: 4, uniqueItems: true });
const Products = Type.Array(Type.String({ pattern: "^[a-z0-9][a-z0-9-]{1,62}$" }), {
  maxItems: 100,
  uniqueItems: true,
  description: "Product codes this person is skilled in",
});
const RegionCode = Type.String({ pattern: "^[A-Z]{2}$" });
const MaxTickets = Type.Integer({ minimum: 1, maximum: 200 });

export const StaffMember = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    email: Type.String(),
    name: Type.String(),
    role: Role,
    tier: Tier,
    languages: Type.Array(Type.String()),
    universes: Type.Array(Type.String()),
    products: Type.Array(Type.String()),
    region: Type.String(),
    maxConcurrentTickets: Type.Integer(),
    active: Type.Boolean(),
    createdAt: Type.String({ format: "date-time" }),
  },
  { $id: "StaffMember", title: "StaffMember" },
);

export const StaffParams = Type.Object({ id: Type.String({ format: "uuid" }) });

export const StaffListQuery = Type.Object(
  {
    ...PageQuery,
    role: Type.Optional(Role),
    tier: Type.Optional(Tier),
    universe: Type.Optional(UniverseCode),
    language: Type.Optional(LanguageCode),
  },
  { additionalProperties: false },
);
export type StaffListQuery = Static<typeof StaffListQuery>;

export const NewStaffBody = Type.Object(
  {
    email: Type.String({ format: "email", maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 12, maxLength: 1024 }),
    role: Role,
    tier: Tier,
    languages: Languages,
    universes: Type.Optional(Universes),
    products: Type.Optional(Products),
    region: RegionCode,
    maxConcurrentTickets: Type.Optional(MaxTickets),
  },
  { additionalProperties: false },
);

export const StaffPatchBody = Type.Object(
  {
    role: Type.Optional(Role),
    tier: Type.Optional(Tier),
    languages: Type.Optional(Languages),
    universes: Type.Optional(Universes),
    products: Type.Optional(Products),
    region: Type.Optional(RegionCode),
    maxConcurrentTickets: Type.Optional(MaxTickets),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type StaffPatch = Static<typeof StaffPatchBody>;
