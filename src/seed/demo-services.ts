import type { ResourceKind } from "../db/schema.ts";
import {
  type AddressPlan,
  type DemoRegion,
  hostingClusters,
  pickDatacenter,
  REVERSE_TLD,
} from "./demo-network.ts";
import type { Prng } from "./prng.ts";

export interface DemoResource {
  kind: ResourceKind;
  value: string;
  network: string | null;
}

/** What a product's generator returns: the rest (contacts, status, dates) is decided outside. */
export interface ServiceShape {
  name: string;
  datacenter: string;
  resources: DemoResource[];
}

export interface ShapeInput {
  prng: Prng;
  addresses: AddressPlan;
  region: DemoRegion;
  /** The admin account's slug, for names derived from the customer's domain. */
  slug: string;
  /** How many services of this product the account already has (0 for the first). */
  nth: number;
}

const v4 = (value: string): DemoResource => ({ kind: "ipv4", value, network: `${value}/32` });
const v6 = (value: string): DemoResource => ({ kind: "ipv6", value, network: `${value}/128` });
const range = (cidr: string): DemoResource => ({ kind: "ip-range", value: cidr, network: cidr });
const domain = (value: string): DemoResource => ({ kind: "domain", value, network: null });
const host = (value: string): DemoResource => ({ kind: "hostname", value, network: null });

const DOMAIN_PATTERNS = [
  (slug: string) => `${slug}.example`,
  (slug: string) => `${slug}-shop.example`,
  (slug: string) => `${slug}-blog.example`,
  (slug: string) => `get-${slug}.example`,
  (slug: string) => `${slug}-events.example`,
  (slug: string) => `${slug}-status.example`,
];

/** The account's nth domain name: its main domain first, then plausible variants. */
export function domainOf(slug: string, nth: number): string {
  const pattern = DOMAIN_PATTERNS[nth];
  return pattern ? pattern(slug) : `${slug}${nth}.example`;
}

/** A server's public IPv4 and IPv6 (first address of its own /48). */
function serverAddresses(input: ShapeInput): { ipv4: string; ipv6: string } {
  return {
    ipv4: input.addresses.ipv4(input.region),
    ipv6: `${input.addresses.ipv6Prefix(input.region)}::1`,
  };
}

/** Service name and resources per product, the way a hosting provider names them. */
export const shapes: Record<string, (input: ShapeInput) => ServiceShape> = {
  domain: (i) => {
    const name = domainOf(i.slug, i.nth);
    return { name, datacenter: pickDatacenter(i.prng, i.region), resources: [domain(name)] };
  },
  "web-hosting": (i) => {
    const cluster = i.prng.pick(hostingClusters(i.region));
    const site = domainOf(i.slug, i.nth);
    return {
      name: `${i.slug}${i.nth ? `-${i.nth + 1}` : ""}.${cluster.name}`,
      datacenter: pickDatacenter(i.prng, i.region),
      resources: [domain(site), domain(`www.${site}`), host(cluster.name), v4(cluster.ipv4)],
    };
  },
  email: (i) => {
    const mailDomain = domainOf(i.slug, i.nth);
    return {
      name: `mail-${mailDomain.replace(/\.example$/, "")}.email.palier.cloud`,
      datacenter: pickDatacenter(i.prng, i.region),
      resources: [domain(mailDomain), host(`mx${i.prng.int(1, 4)}.mail.palier.cloud`)],
    };
  },
  "internet-access": (i) => {
    const technology = i.prng.pick(["ftth", "ftth", "xdsl"]);
    return {
      name: `${technology}-${i.prng.digits(7)}.access.palier.cloud`,
      datacenter: pickDatacenter(i.prng, i.region),
      resources: [
        v4(i.addresses.ipv4(i.region)),
        range(`${i.addresses.ipv6Prefix(i.region)}::/48`),
      ],
    };
  },
  voip: (i) => {
    const name = `sip-${i.prng.digits(6)}.voip.palier.cloud`;
    return { name, datacenter: pickDatacenter(i.prng, i.region), resources: [host(name)] };
  },
  saas: (i) => {
    const suite = i.prng.pick(["collab", "office", "drive"]);
    const name = `${i.slug}${i.nth ? `-${i.nth + 1}` : ""}.${suite}.palier.cloud`;
    return {
      name,
      datacenter: pickDatacenter(i.prng, i.region),
      resources: [host(name), domain(domainOf(i.slug, 0))],
    };
  },
  "dedicated-server": (i) => {
    const { ipv4, ipv6 } = serverAddresses(i);
    const subnet = ipv4.split(".").slice(0, 3).join("-");
    const name = `ns${i.prng.digits(6)}.ip-${subnet}.${REVERSE_TLD[i.region]}`;
    const resources = [host(name), v4(ipv4), v6(ipv6)];
    if (i.prng.chance(0.35)) resources.push(range(i.addresses.failover(i.region)));
    return { name, datacenter: pickDatacenter(i.prng, i.region), resources };
  },
  vps: (i) => {
    const { ipv4, ipv6 } = serverAddresses(i);
    const name = `vps-${i.prng.hex(8)}.vps.palier.cloud`;
    return {
      name,
      datacenter: pickDatacenter(i.prng, i.region),
      resources: [host(name), v4(ipv4), v6(ipv6)],
    };
  },
  instance: (i) => {
    const { ipv4, ipv6 } = serverAddresses(i);
    return {
      name: `i-${i.prng.hex(12)}`,
      datacenter: pickDatacenter(i.prng, i.region),
      resources: [v4(ipv4), v6(ipv6)],
    };
  },
  "block-storage": (i) => ({
    name: `vol-${i.prng.hex(12)}`,
    datacenter: pickDatacenter(i.prng, i.region),
    resources: [],
  }),
  "object-storage": (i) => {
    const datacenter = pickDatacenter(i.prng, i.region);
    const purpose = i.prng.pick(["assets", "backups", "media", "logs", "archive"]);
    const name = `${i.slug}-${purpose}${i.nth ? `-${i.nth + 1}` : ""}.s3.${datacenter}.palier.cloud`;
    return { name, datacenter, resources: [host(name)] };
  },
  "managed-kubernetes": (i) => {
    const datacenter = pickDatacenter(i.prng, i.region);
    const id = `kube-${i.prng.hex(10)}`;
    return {
      name: id,
      datacenter,
      resources: [host(`${id}.c1.${datacenter}.k8s.palier.cloud`), v4(i.addresses.ipv4(i.region))],
    };
  },
  "hosted-private-cloud": (i) => {
    const block = i.addresses.block28(i.region);
    const name = `pcc-${block.replace(/\/28$/, "").replaceAll(".", "-")}`;
    return {
      name,
      datacenter: pickDatacenter(i.prng, i.region),
      resources: [range(block), host(`${name}.pcc.palier.cloud`)],
    };
  },
  "hybrid-cloud": (i) => {
    const name = `hybrid-${i.prng.hex(8)}.connect.palier.cloud`;
    return {
      name,
      datacenter: pickDatacenter(i.prng, i.region),
      resources: [host(name), range(i.addresses.block28(i.region))],
    };
  },
};
