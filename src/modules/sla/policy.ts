import type { Principal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";

/** Who is calling, as far as business calendars care. */
export type SlaRole = "anonymous" | "customer" | "agent" | "lead" | "admin";

export type SlaAction = "calendar.read" | "calendar.write";

const everyone: readonly SlaRole[] = ["anonymous", "customer", "agent", "lead", "admin"];
const admins: readonly SlaRole[] = ["admin"];

/**
 * The hours and holidays of support are part of what the provider publishes, like the
 * catalogue: anyone may read them, so a customer can see why a deadline falls on Monday. Only
 * staff admins change them, since every deadline computed afterwards follows.
 */
export const slaPolicy: Readonly<Record<SlaAction, readonly SlaRole[]>> = {
  "calendar.read": everyone,
  "calendar.write": admins,
};

export function slaRoleOf(principal: Principal | null): SlaRole {
  if (!principal) return "anonymous";
  return principal.kind === "user" ? "customer" : principal.role;
}

export function mayDo(principal: Principal | null, action: SlaAction): boolean {
  return slaPolicy[action].includes(slaRoleOf(principal));
}

/** Throws 401 for an anonymous caller and 403 for a known one the table does not allow. */
export function authorize(principal: Principal | null, action: SlaAction): void {
  if (mayDo(principal, action)) return;
  if (!principal) throw new AppError("unauthenticated", "Sign in first");
  throw new AppError("forbidden", "Only staff admins may change business calendars");
}
