import type { ServiceStatus } from "../db/schema.ts";
import { colleagues, type DemoAccountDef, demoAccounts, timeZones } from "./demo-accounts.ts";
import { AddressPlan, type DemoRegion } from "./demo-network.ts";
import { type DemoResource, shapes } from "./demo-services.ts";
import { type DemoStaffDef, demoStaff } from "./demo-staff.ts";
import { Prng } from "./prng.ts";

export interface PlannedAccount extends DemoAccountDef {
  nic: string;
  createdAt: Date;
}

export interface PlannedUser {
  account: string;
  email: string;
  name: string;
  language: DemoAccountDef["language"];
  timeZone: string;
}

export interface PlannedService {
  name: string;
  product: string;
  region: DemoRegion;
  datacenter: string;
  status: ServiceStatus;
  /** Account slugs of the three contacts. */
  admin: string;
  tech: string;
  billing: string;
  createdAt: Date;
  resources: DemoResource[];
}

export interface DemoPlan {
  accounts: PlannedAccount[];
  users: PlannedUser[];
  staff: DemoStaffDef[];
  services: PlannedService[];
}

export const DEMO_SEED = 20_261_126;
const DAY_MS = 86_400_000;
const REGIONS: DemoRegion[] = ["EU", "CA", "US"];

type Weights = readonly (readonly [string, number])[];
const INDIVIDUAL: Weights = [
  ["domain", 4],
  ["web-hosting", 3],
  ["email", 2],
  ["vps", 3],
  ["internet-access", 2],
  ["instance", 1],
  ["voip", 1],
  ["object-storage", 1],
  ["dedicated-server", 1],
];
const COMPANY: Weights = [
  ["domain", 3],
  ["web-hosting", 2],
  ["email", 3],
  ["internet-access", 1],
  ["voip", 1],
  ["saas", 2],
  ["dedicated-server", 3],
  ["vps", 3],
  ["instance", 3],
  ["block-storage", 2],
  ["object-storage", 2],
  ["managed-kubernetes", 1],
  ["hosted-private-cloud", 0.5],
  ["hybrid-cloud", 0.5],
];
const PARTNER: Weights = [
  ["dedicated-server", 4],
  ["vps", 3],
  ["instance", 3],
  ["block-storage", 2],
  ["object-storage", 2],
  ["managed-kubernetes", 2],
  ["hosted-private-cloud", 1],
  ["hybrid-cloud", 1],
  ["domain", 2],
  ["email", 1],
];
/** Products whose technical side a technical partner runs for its clients. */
const TECHNICAL = new Set([
  "web-hosting",
  "dedicated-server",
  "vps",
  "instance",
  "block-storage",
  "object-storage",
  "managed-kubernetes",
  "hosted-private-cloud",
  "hybrid-cloud",
]);
const STATUSES: readonly (readonly [ServiceStatus, number])[] = [
  ["active", 86],
  ["suspended", 6],
  ["expired", 5],
  ["terminated", 3],
];

/**
 * The whole demo as plain data, the same on every machine for a given seed; only dates move
 * with `now`, so the demo never looks years old.
 */
export function buildDemoPlan(now: Date, seed = DEMO_SEED): DemoPlan {
  const prng = new Prng(seed);
  const addresses = new AddressPlan();
  const accounts = planAccounts(prng, now);
  const users = accounts.flatMap((account) => planUsers(prng, account));
  const services: PlannedService[] = [];
  const names = new Set<string>();
  const perProduct = new Map<string, number>();

  const add = (account: PlannedAccount, product: string, region: DemoRegion) => {
    const shape = shapes[product];
    if (!shape) throw new Error(`no demo shape for product ${product}`);
    const key = `${account.slug}/${product}`;
    const nth = perProduct.get(key) ?? 0;
    perProduct.set(key, nth + 1);
    let built = shape({ prng, addresses, region, slug: account.slug, nth });
    // Random parts rarely collide; derived names (domains) move on to the next variant.
    for (let attempt = 1; names.has(built.name); attempt++) {
      built = shape({ prng, addresses, region, slug: account.slug, nth: nth + 10 * attempt });
    }
    names.add(built.name);
    const age = now.getTime() - account.createdAt.getTime();
    services.push({
      ...built,
      product,
      region,
      status: prng.weighted(STATUSES),
      admin: account.slug,
      tech:
        account.techPartner && TECHNICAL.has(product) && prng.chance(0.85)
          ? account.techPartner
          : account.slug,
      billing: account.reseller && prng.chance(0.9) ? account.reseller : account.slug,
      createdAt: new Date(account.createdAt.getTime() + Math.floor(prng.next() * age)),
      resources: built.resources,
    });
  };

  for (const account of accounts) {
    const partner = account.programme === "technical-partner";
    const reseller = account.programme === "commercial-partner";
    const weights =
      partner || reseller ? PARTNER : account.kind === "company" ? COMPANY : INDIVIDUAL;
    const count =
      partner || reseller
        ? prng.int(10, 16)
        : account.kind === "company"
          ? prng.int(5, 11)
          : prng.int(3, 6);
    for (let i = 0; i < count; i++) {
      const abroad = account.kind === "company" && prng.chance(0.1);
      const region = abroad ? prng.pick(REGIONS) : account.region;
      add(account, prng.weighted(weights), region);
    }
  }

  // Every product exists in every region, so any filter in the demo shows something.
  for (const region of REGIONS) {
    const local = accounts.filter(
      (a) => a.region === region && a.programme !== "commercial-partner",
    );
    for (const product of Object.keys(shapes)) {
      if (!services.some((s) => s.product === product && s.region === region)) {
        add(prng.pick(local), product, region);
      }
    }
  }
  return { accounts, users, staff: demoStaff, services };
}

function planAccounts(prng: Prng, now: Date): PlannedAccount[] {
  const handles = new Set<string>();
  return demoAccounts.map((def) => {
    const words = def.slug.split("-");
    const initials = `${words[0]?.[0] ?? "x"}${words[1]?.[0] ?? words[0]?.[1] ?? "x"}`;
    let nic = `${initials}${prng.digits(5)}-pal`;
    while (handles.has(nic)) nic = `${initials}${prng.digits(5)}-pal`;
    handles.add(nic);
    const createdAt = new Date(now.getTime() - prng.int(400, 2400) * DAY_MS);
    return { ...def, nic, createdAt };
  });
}

function planUsers(prng: Prng, account: PlannedAccount): PlannedUser[] {
  const pool = colleagues[account.language];
  const people: [string, string][] = [account.owner ?? prng.pick(pool)];
  if (account.kind === "company") {
    const extra = account.programme === "direct" || !account.programme ? prng.int(0, 2) : 2;
    const offset = prng.int(0, pool.length - 1);
    for (let k = 0; k < pool.length && people.length <= extra; k++) {
      const candidate = pool[(offset + k) % pool.length] as [string, string];
      if (!people.some(([, local]) => local === candidate[1])) people.push(candidate);
    }
  }
  return people.map(([name, local]) => ({
    account: account.slug,
    email: `${local}@${account.slug}.example`,
    name,
    language: account.language,
    timeZone: timeZoneOf(prng, account),
  }));
}

function timeZoneOf(prng: Prng, account: PlannedAccount): string {
  if (account.region === "EU" && account.language === "fr") return "Europe/Paris";
  if (account.region === "EU" && account.language === "ru") return "Europe/Riga";
  if (account.region === "CA" && account.language === "fr") return "America/Montreal";
  return prng.pick(timeZones[account.region]);
}
