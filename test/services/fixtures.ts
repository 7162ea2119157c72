import type { Database } from "../../src/db/database.ts";
import {
  createCustomer,
  createService,
  createStaff,
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";

export type Caller =
  | "admin"
  | "tech"
  | "billing"
  | "unrelated"
  | "anonymous"
  | "agentIn"
  | "agentOut"
  | "lead"
  | "staffAdmin";

export const CALLERS: Caller[] = [
  "admin",
  "tech",
  "billing",
  "unrelated",
  "anonymous",
  "agentIn",
  "agentOut",
  "lead",
  "staffAdmin",
];

export interface Cast {
  admin: TestUser;
  tech: TestUser;
  billing: TestUser;
  unrelated: TestUser;
  /** An account of the same region nobody has involved yet: a receiver for contact changes. */
  newcomer: TestUser;
  agentIn: TestStaff;
  agentOut: TestStaff;
  lead: TestStaff;
  staffAdmin: TestStaff;
}

/** Three distinct contact accounts, an outsider and staff; the agents split on the universe. */
export async function createCast(db: Database, region = "EU"): Promise<Cast> {
  return {
    admin: await createCustomer(db, { region }),
    tech: await createCustomer(db, { region, programme: "technical-partner" }),
    billing: await createCustomer(db, { region }),
    unrelated: await createCustomer(db, { region }),
    newcomer: await createCustomer(db, { region }),
    // The service product is a vps, in the server universe.
    agentIn: await createStaff(db, { role: "agent", universes: ["server"] }),
    agentOut: await createStaff(db, { role: "agent", universes: ["market", "enterprise"] }),
    lead: await createStaff(db, { role: "lead", universes: ["market"] }),
    staffAdmin: await createStaff(db, { role: "admin", universes: [] }),
  };
}

/** A partner-managed service: three different contact accounts. */
export function createManagedService(db: Database, cast: Cast): Promise<TestService> {
  return createService(
    db,
    { admin: cast.admin.account, tech: cast.tech.account, billing: cast.billing.account },
    { product: "vps" },
  );
}

export function headersOf(cast: Cast, caller: Caller): Record<string, string> {
  if (caller === "anonymous") return {};
  return cast[caller].auth;
}
