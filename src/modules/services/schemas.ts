import { type Static, Type } from "@sinclair/typebox";
import { Page, PageQuery } from "../../http/pagination.ts";

/** Service names as stored are lowercase; the path accepts any case and lowercases it. */
export const SERVICE_NAME_PATTERN = "^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$";
export const NIC_PATTERN = "^[a-z]{2}[0-9]{1,6}-pal$";

const Nic = Type.String({ pattern: NIC_PATTERN, maxLength: 16, description: "NIC handle" });
const ContactRoleT = Type.Union([
  Type.Literal("admin"),
  Type.Literal("tech"),
  Type.Literal("billing"),
]);
const StatusT = Type.Union([
  Type.Literal("active"),
  Type.Literal("suspended"),
  Type.Literal("expired"),
  Type.Literal("terminated"),
]);
const ResourceKindT = Type.Union([
  Type.Literal("ipv4"),
  Type.Literal("ipv6"),
  Type.Literal("ip-range"),
  Type.Literal("domain"),
  Type.Literal("hostname"),
]);

export const ServiceParams = Type.Object({
  serviceName: Type.String({ pattern: SERVICE_NAME_PATTERN, maxLength: 253 }),
});
export type ServiceParams = Static<typeof ServiceParams>;

export const ServiceListQuery = Type.Object(
  {
    ...PageQuery,
    universe: Type.Optional(
      Type.Union([
        Type.Literal("market"),
        Type.Literal("server"),
        Type.Literal("public-cloud"),
        Type.Literal("enterprise"),
      ]),
    ),
    product: Type.Optional(Type.String({ pattern: "^[a-z0-9][a-z0-9-]{1,62}$" })),
    region: Type.Optional(Type.String({ pattern: "^[A-Z]{2}$" })),
    status: Type.Optional(StatusT),
    role: Type.Optional(ContactRoleT),
    q: Type.Optional(
      Type.String({
        pattern: "^[A-Za-z0-9.-]{1,253}$",
        description: "Prefix of the service name",
      }),
    ),
    account: Type.Optional(
      Type.String({
        pattern: NIC_PATTERN,
        description: "Staff only: services where this account holds a role",
      }),
    ),
  },
  { additionalProperties: false },
);
export type ServiceListQuery = Static<typeof ServiceListQuery>;

const Contacts = Type.Object({
  admin: Type.String({ description: "NIC handle of the admin contact" }),
  tech: Type.String(),
  billing: Type.String(),
});

const summaryProperties = {
  name: Type.String(),
  product: Type.String(),
  universe: Type.String(),
  region: Type.String(),
  datacenter: Type.String(),
  status: Type.String(),
  direct: Type.Boolean({ description: "One account holds all three contact roles" }),
  myRoles: Type.Array(Type.String(), {
    description: "The caller's contact roles on the service; empty for staff",
  }),
  contacts: Contacts,
  createdAt: Type.String({ format: "date-time" }),
};
export const ServiceSummary = Type.Object(summaryProperties);

export const Resource = Type.Object({
  kind: ResourceKindT,
  value: Type.String(),
  network: Type.Union([Type.String(), Type.Null()], {
    description: "CIDR network of IP resources",
  }),
});

export const ServiceDetail = Type.Object({
  ...summaryProperties,
  productName: Type.String(),
  resources: Type.Array(Resource),
});

export const ServicePage = Page(ServiceSummary);

const Contact = Type.Object({
  nicHandle: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  region: Type.String(),
  programme: Type.String(),
});

export const ServiceContactsBody = Type.Object({
  serviceName: Type.String(),
  direct: Type.Boolean(),
  admin: Contact,
  tech: Contact,
  billing: Contact,
});

export const ProvisionBody = Type.Object(
  {
    name: Type.String({ pattern: SERVICE_NAME_PATTERN, maxLength: 253 }),
    product: Type.String({ minLength: 1, maxLength: 63 }),
    region: Type.String({ minLength: 1, maxLength: 8 }),
    datacenter: Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,31}$" }),
    contacts: Type.Object({ admin: Nic, tech: Nic, billing: Nic }, { additionalProperties: false }),
    status: Type.Optional(StatusT),
    resources: Type.Optional(
      Type.Array(
        Type.Object(
          { kind: ResourceKindT, value: Type.String({ minLength: 1, maxLength: 253 }) },
          { additionalProperties: false },
        ),
        { maxItems: 256 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ProvisionBody = Static<typeof ProvisionBody>;

export const UpdateBody = Type.Object(
  {
    status: Type.Optional(StatusT),
    datacenter: Type.Optional(Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,31}$" })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBody = Static<typeof UpdateBody>;
