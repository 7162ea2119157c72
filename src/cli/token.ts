import { loadConfig } from "../config.ts";
import { systemClock } from "../lib/clock.ts";
import { findStaffByEmail, findUserByEmail, loadPrincipal } from "../modules/auth/repository.ts";
import { createApiToken } from "../modules/auth/tokens.ts";
import { integer, optional, optionalChoice, parseFlags, required } from "./args.ts";
import { withDatabase } from "./runtime.ts";

/**
 * `palier token create`: a personal API token for a user or staff member, printed alone on
 * stdout so scripts can capture it (`TOKEN=$(palier token create --email ...)`).
 */
export async function tokenCreate(args: string[]): Promise<void> {
  const values = parseFlags(args, {
    email: { type: "string" },
    scope: { type: "string" },
    days: { type: "string" },
    name: { type: "string" },
  });
  const email = required(values, "email");
  const input = {
    name: optional(values, "name") ?? "cli",
    scope: optionalChoice(values, "scope", ["read", "write"] as const) ?? "read",
    expiresInDays: integer(optional(values, "days"), "days", 1, 365) ?? 90,
  };
  const secret = await withDatabase(loadConfig(), async ({ db }) => {
    const user = await findUserByEmail(db, email);
    const staff = user ? undefined : await findStaffByEmail(db, email);
    const principal = await loadPrincipal(db, {
      user_id: user?.id ?? null,
      staff_id: staff?.id ?? null,
    });
    if (!principal) throw new Error(`No user or active staff member with email ${email}`);
    const actor = { principal, ip: null, requestId: "cli" };
    const { secret } = await createApiToken(db, systemClock, actor, input);
    return secret;
  });
  console.log(secret);
}
