import type { Universe } from "../../db/schema.ts";

/** The provider's catalogue as shipped: regions, universes, product units and products. */
export const regions = [
  {
    code: "EU",
    name: "Europe",
    time_zone: "Europe/Paris",
    currency: "EUR",
    languages: ["en", "fr", "ru"],
  },
  {
    code: "CA",
    name: "Canada",
    time_zone: "America/Toronto",
    currency: "CAD",
    languages: ["en", "fr"],
  },
  {
    code: "US",
    name: "United States",
    time_zone: "America/New_York",
    currency: "USD",
    languages: ["en"],
  },
];

export const universes: { code: Universe; name: string; position: number }[] = [
  { code: "market", name: "Market", position: 1 },
  { code: "server", name: "Server", position: 2 },
  { code: "public-cloud", name: "Public Cloud", position: 3 },
  { code: "enterprise", name: "Enterprise", position: 4 },
];

export const productUnits: { code: string; name: string; universe: Universe }[] = [
  { code: "domains-web", name: "Domains & Web", universe: "market" },
  { code: "telecom", name: "Telecom", universe: "market" },
  { code: "saas-apps", name: "SaaS Applications", universe: "market" },
  { code: "baremetal", name: "Bare Metal", universe: "server" },
  { code: "virtual-servers", name: "Virtual Servers", universe: "server" },
  { code: "compute", name: "Cloud Compute", universe: "public-cloud" },
  { code: "storage", name: "Cloud Storage", universe: "public-cloud" },
  { code: "containers", name: "Containers & Orchestration", universe: "public-cloud" },
  { code: "private-cloud", name: "Private Cloud", universe: "enterprise" },
];

export const products: {
  code: string;
  name: string;
  universe: Universe;
  product_unit: string;
  description: string;
}[] = [
  {
    code: "domain",
    name: "Domain name",
    universe: "market",
    product_unit: "domains-web",
    description: "Domain registration and DNS hosting",
  },
  {
    code: "web-hosting",
    name: "Web hosting",
    universe: "market",
    product_unit: "domains-web",
    description: "Shared web hosting with databases",
  },
  {
    code: "email",
    name: "Email",
    universe: "market",
    product_unit: "domains-web",
    description: "Hosted mailboxes",
  },
  {
    code: "internet-access",
    name: "Internet access",
    universe: "market",
    product_unit: "telecom",
    description: "Fibre and DSL internet access",
  },
  {
    code: "voip",
    name: "VoIP",
    universe: "market",
    product_unit: "telecom",
    description: "SIP lines and numbers",
  },
  {
    code: "saas",
    name: "SaaS applications",
    universe: "market",
    product_unit: "saas-apps",
    description: "Hosted collaboration software",
  },
  {
    code: "dedicated-server",
    name: "Dedicated server",
    universe: "server",
    product_unit: "baremetal",
    description: "Bare-metal dedicated servers",
  },
  {
    code: "vps",
    name: "VPS",
    universe: "server",
    product_unit: "virtual-servers",
    description: "Virtual private servers",
  },
  {
    code: "instance",
    name: "Instance",
    universe: "public-cloud",
    product_unit: "compute",
    description: "Public cloud compute instances",
  },
  {
    code: "block-storage",
    name: "Block storage",
    universe: "public-cloud",
    product_unit: "storage",
    description: "Network block volumes",
  },
  {
    code: "object-storage",
    name: "Object storage",
    universe: "public-cloud",
    product_unit: "storage",
    description: "S3-compatible object storage",
  },
  {
    code: "managed-kubernetes",
    name: "Managed Kubernetes",
    universe: "public-cloud",
    product_unit: "containers",
    description: "Managed Kubernetes clusters",
  },
  {
    code: "hosted-private-cloud",
    name: "Hosted private cloud",
    universe: "enterprise",
    product_unit: "private-cloud",
    description: "Dedicated virtualisation platform",
  },
  {
    code: "hybrid-cloud",
    name: "Hybrid cloud",
    universe: "enterprise",
    product_unit: "private-cloud",
    description: "Private cloud connected to on-premises",
  },
];
