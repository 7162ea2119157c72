import { loadConfig } from "../config.ts";
import type { StaffRole, StaffTier, Universe } from "../db/schema.ts";
import { createStaff } from "../modules/staff/service.ts";
import {
  integer,
  list,
  oneOf,
  optional,
  parseFlags,
  required,
  requiredChoice,
  UsageError,
} from "./args.ts";
import { choosePassword } from "./password.ts";
import { withDatabase } from "./runtime.ts";

const ROLES = ["agent", "lead", "admin"] as const satisfies readonly StaffRole[];
const TIERS = ["L1", "L2", "L3", "TAM"] as const satisfies readonly StaffTier[];
const UNIVERSES = [
  "market",
  "server",
  "public-cloud",
  "enterprise",
] as const satisfies readonly Universe[];

/** `palier staff create`: a member of the provider's support organisation. */
export async function staffCreate(args: string[]): Promise<void> {
  const values = parseFlags(args, {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    tier: { type: "string" },
    languages: { type: "string" },
    region: { type: "string" },
    universes: { type: "string" },
    products: { type: "string" },
    "max-tickets": { type: "string" },
    password: { type: "string" },
  });
  const languages = list(required(values, "languages")) ?? [];
  if (languages.length === 0) throw new UsageError("--languages needs at least one, e.g. en,fr");
  const { password, generated } = choosePassword(values);
  const input = {
    email: required(values, "email"),
    name: required(values, "name"),
    password,
    role: requiredChoice(values, "role", ROLES),
    tier: requiredChoice(values, "tier", TIERS),
    languages,
    region: required(values, "region").toUpperCase(),
    universes: list(optional(values, "universes"))?.map((u) => oneOf(u, "universes", UNIVERSES)),
    products: list(optional(values, "products")),
    maxConcurrentTickets: integer(optional(values, "max-tickets"), "max-tickets", 1, 200),
  };
  const created = await withDatabase(loadConfig(), ({ db }) => createStaff(db, null, input));
  console.log(
    `Created staff ${input.email} (${input.role}, ${input.tier}, ${input.region}) ${created.id}`,
  );
  if (generated) console.log(`Password: ${password}`);
}
