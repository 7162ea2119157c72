import type { StaffRole, StaffTier } from "../db/schema.ts";

export interface DemoStaffDef {
  name: string;
  email: string;
  role: StaffRole;
  tier: StaffTier;
  languages: string[];
  region: "EU" | "CA" | "US";
  universes: string[];
  products?: string[];
}

const ALL = ["market", "server", "public-cloud", "enterprise"];
const MAX_TICKETS: Record<StaffTier, number> = { L1: 15, L2: 10, L3: 6, TAM: 20 };

/** Concurrent tickets a demo technician takes, by tier: fewer and harder as the tier rises. */
export function maxTicketsOf(tier: StaffTier): number {
  return MAX_TICKETS[tier];
}

// The support organisation of the fictional provider "Palier Cloud".
export const demoStaff: DemoStaffDef[] = [
  s("Léa Martin", "agent", "L1", ["fr", "en"], "EU", ["market", "server"]),
  s("Hugo Bernard", "agent", "L1", ["fr", "en"], "EU", ["market"]),
  s("Anna Kuznetsova", "agent", "L1", ["ru", "en"], "EU", ["server", "public-cloud"]),
  s("Sophie Lambert", "agent", "L2", ["fr", "en"], "EU", ["server"]),
  s("Ivan Petrov", "lead", "L2", ["ru", "en"], "EU", ["server", "public-cloud"]),
  s("Katarzyna Nowak", "agent", "L2", ["en", "ru"], "EU", ["public-cloud"]),
  s("Julien Faure", "agent", "L3", ["fr", "en"], "EU", ["server"], ["dedicated-server"]),
  s("Nadia Benali", "admin", "L3", ["fr", "en"], "EU", ALL),
  s("Thomas Girard", "agent", "TAM", ["fr", "en"], "EU", ["enterprise"]),
  s("Elena Morozova", "agent", "TAM", ["ru", "en", "fr"], "EU", ["enterprise", "public-cloud"]),
  s("Olivier Côté", "agent", "L1", ["fr", "en"], "CA", ["market"]),
  s("Emma Tremblay", "agent", "L2", ["en", "fr"], "CA", ["public-cloud"]),
  s("Marc-André Roy", "lead", "L3", ["fr", "en"], "CA", ["server", "enterprise"]),
  s("Chloé Pelletier", "agent", "TAM", ["fr", "en"], "CA", ["enterprise", "public-cloud"]),
  s("Jessica Nguyen", "agent", "L1", ["en"], "US", ["market", "server"]),
  s("Daniel Brooks", "agent", "L2", ["en"], "US", ["public-cloud"]),
  s("Aisha Johnson", "lead", "L2", ["en"], "US", ALL),
  s("Robert Kim", "agent", "L3", ["en"], "US", ["public-cloud"], ["managed-kubernetes"]),
  s("Sam Carter", "admin", "L3", ["en"], "US", ALL),
];

function s(
  name: string,
  role: StaffRole,
  tier: StaffTier,
  languages: string[],
  region: DemoStaffDef["region"],
  universes: string[],
  products: string[] = [],
): DemoStaffDef {
  const local = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, ".");
  return {
    name,
    email: `${local}@palier.cloud`,
    role,
    tier,
    languages,
    region,
    universes,
    products,
  };
}
