import { type Static, Type } from "@sinclair/typebox";
import { PageQuery } from "../../http/pagination.ts";

export const NIC_PATTERN = "^[a-z]{2}[0-9]{1,6}-pal$";

const Nic = Type.String({
  pattern: NIC_PATTERN,
  description: "NIC handle of the account, like ab1234-pal",
  examples: ["ab1234-pal"],
});
const Language = Type.Union([Type.Literal("en"), Type.Literal("fr"), Type.Literal("ru")]);
const Kind = Type.Union([Type.Literal("individual"), Type.Literal("company")]);
const Programme = Type.Union([
  Type.Literal("direct"),
  Type.Literal("technical-partner"),
  Type.Literal("commercial-partner"),
]);
const UniverseCode = Type.Union([
  Type.Literal("market"),
  Type.Literal("server"),
  Type.Literal("public-cloud"),
  Type.Literal("enterprise"),
]);
const PartnerTier = Type.Union([
  Type.Literal("registered"),
  Type.Literal("advanced"),
  Type.Literal("premier"),
]);
const RegionCode = Type.String({ pattern: "^[A-Z]{2}$", description: "Region code, like EU" });
const AccountName = Type.String({ minLength: 1, maxLength: 200 });
const CertifiedAt = Type.String({
  format: "date",
  description: "Certification date of a technical partner (YYYY-MM-DD)",
});
const PartnerProgrammesInput = Type.Array(
  Type.Object({ universe: UniverseCode, tier: PartnerTier }, { additionalProperties: false }),
  { maxItems: 4, description: "Commercial partner programmes, one per universe" },
);

export const NicParams = Type.Object({ nic: Nic });

export const Account = Type.Object(
  {
    nicHandle: Type.String(),
    kind: Kind,
    name: Type.String(),
    region: Type.String(),
    language: Language,
    programme: Programme,
    certifiedAt: Type.Union([Type.String({ format: "date" }), Type.Null()]),
    partnerProgrammes: Type.Array(
      Type.Object({
        universe: UniverseCode,
        tier: PartnerTier,
        joinedAt: Type.String({ format: "date" }),
      }),
    ),
    createdAt: Type.String({ format: "date-time" }),
  },
  { $id: "Account", title: "Account" },
);

export const NewAccountBody = Type.Object(
  {
    nicHandle: Type.Optional(Nic),
    kind: Kind,
    name: AccountName,
    region: RegionCode,
    language: Language,
    programme: Type.Optional(Programme),
    certifiedAt: Type.Optional(CertifiedAt),
    partnerProgrammes: Type.Optional(PartnerProgrammesInput),
  },
  { additionalProperties: false },
);

export const AccountPatchBody = Type.Object(
  {
    name: Type.Optional(AccountName),
    language: Type.Optional(Language),
    programme: Type.Optional(Programme),
    certifiedAt: Type.Optional(Type.Union([CertifiedAt, Type.Null()])),
    partnerProgrammes: Type.Optional(PartnerProgrammesInput),
    region: Type.Optional(RegionCode),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description:
      "Users of the account may change name and language; staff admins may change everything",
  },
);
export type AccountPatch = Static<typeof AccountPatchBody>;

export const AccountListQuery = Type.Object(
  {
    ...PageQuery,
    programme: Type.Optional(Programme),
    region: Type.Optional(RegionCode),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "Part of the NIC handle or name" }),
    ),
  },
  { additionalProperties: false },
);
export type AccountListQuery = Static<typeof AccountListQuery>;

export const User = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    email: Type.String(),
    name: Type.String(),
    language: Language,
    timeZone: Type.String(),
    createdAt: Type.String({ format: "date-time" }),
  },
  { $id: "AccountUser", title: "AccountUser" },
);

export const NewUserBody = Type.Object(
  {
    email: Type.String({ format: "email", maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 12, maxLength: 1024 }),
    language: Type.Optional(Language),
    timeZone: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: "IANA time zone, like Europe/Paris",
      }),
    ),
  },
  { additionalProperties: false },
);

export const UserListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
