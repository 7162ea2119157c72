import { loadConfig } from "../config.ts";
import type { Language, Programme, Universe } from "../db/schema.ts";
import { createAccount, createUser } from "../modules/accounts/service.ts";
import {
  list,
  oneOf,
  optional,
  optionalChoice,
  parseFlags,
  required,
  requiredChoice,
  UsageError,
} from "./args.ts";
import { choosePassword } from "./password.ts";
import { withDatabase } from "./runtime.ts";

const LANGUAGES = ["en", "fr", "ru"] as const satisfies readonly Language[];
const PROGRAMMES = [
  "direct",
  "technical-partner",
  "commercial-partner",
] as const satisfies readonly Programme[];
const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
const PARTNER_TIERS = ["registered", "advanced", "premier"] as const;

/** `palier account create`: prints the new account's NIC handle. */
export async function accountCreate(args: string[]): Promise<void> {
  const values = parseFlags(args, {
    name: { type: "string" },
    kind: { type: "string" },
    region: { type: "string" },
    language: { type: "string" },
    nic: { type: "string" },
    programme: { type: "string" },
    "certified-at": { type: "string" },
    "partner-programmes": { type: "string" },
  });
  const input = {
    name: required(values, "name"),
    kind: requiredChoice(values, "kind", ["individual", "company"] as const),
    region: required(values, "region").toUpperCase(),
    language: requiredChoice(values, "language", LANGUAGES),
    nicHandle: optional(values, "nic"),
    programme: optionalChoice(values, "programme", PROGRAMMES),
    certifiedAt: optional(values, "certified-at"),
    partnerProgrammes: partnerProgrammes(optional(values, "partner-programmes")),
  };
  if (input.certifiedAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.certifiedAt)) {
    throw new UsageError("--certified-at must be a date, YYYY-MM-DD");
  }
  const created = await withDatabase(loadConfig(), ({ db }) => createAccount(db, null, input));
  console.log(
    `Created account ${created.nicHandle} (${input.name}, ${input.kind}, ${input.region})`,
  );
}

/** `palier user create`: a user of an existing account, signing in with email and password. */
export async function userCreate(args: string[]): Promise<void> {
  const values = parseFlags(args, {
    nic: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    language: { type: "string" },
    "time-zone": { type: "string" },
  });
  const { password, generated } = choosePassword(values);
  const input = {
    nicHandle: required(values, "nic"),
    email: required(values, "email"),
    name: required(values, "name"),
    password,
    language: optionalChoice(values, "language", LANGUAGES),
    timeZone: optional(values, "time-zone"),
  };
  await withDatabase(loadConfig(), ({ db }) => createUser(db, null, input));
  console.log(`Created user ${input.email} in account ${input.nicHandle}`);
  if (generated) console.log(`Password: ${password}`);
}

/** `server:premier,market:registered` → partner programmes. */
function partnerProgrammes(value: string | undefined) {
  return list(value)?.map((item) => {
    const [universe, tier, ...rest] = item.split(":");
    if (universe === undefined || tier === undefined || rest.length > 0) {
      throw new UsageError("--partner-programmes takes universe:tier pairs, e.g. server:premier");
    }
    return {
      universe: oneOf(universe, "partner-programmes universe", UNIVERSES) as Universe,
      tier: oneOf(tier, "partner-programmes tier", PARTNER_TIERS),
    };
  });
}
