import type { Principal } from "../../http/principal.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";

/**
 * Who may do what with support levels, offers, subscriptions and Fast-Path. Levels and offers
 * are published. An account's subscriptions and Fast-Path belong to its users (every user of
 * the account: accounts have no finer roles, and whoever may open tickets for the account may
 * see and choose its level) and are visible to all staff, who need the level to work a ticket;
 * only staff admins change them for a customer or edit offers. A customer of another account
 * may not learn that the account exists (404).
 */

export type SupportRole = "anonymous" | "member" | "customer" | "agent" | "lead" | "admin";

export type SupportAction =
  | "levels.read"
  | "offers.read"
  | "offer.update"
  | "subscription.read"
  | "subscription.change"
  | "charge.read"
  | "fast_path.read"
  | "fast_path.subscribe"
  | "fast_path.configure"
  | "fast_path.cancel";

const everyone: readonly SupportRole[] = [
  "anonymous",
  "member",
  "customer",
  "agent",
  "lead",
  "admin",
];
const memberOrStaff: readonly SupportRole[] = ["member", "agent", "lead", "admin"];
const memberOrAdmin: readonly SupportRole[] = ["member", "admin"];

export const supportPolicy: Readonly<Record<SupportAction, readonly SupportRole[]>> = {
  "levels.read": everyone,
  "offers.read": everyone,
  "offer.update": ["admin"],
  "subscription.read": memberOrStaff,
  "subscription.change": memberOrAdmin,
  "charge.read": memberOrStaff,
  "fast_path.read": memberOrStaff,
  "fast_path.subscribe": memberOrAdmin,
  // Price and quota of a Fast-Path subscription are set by the provider, not the partner.
  "fast_path.configure": ["admin"],
  "fast_path.cancel": memberOrAdmin,
};

/** The caller's role towards one account (or towards none, for published data). */
export function supportRoleOf(principal: Principal | null, accountId?: string): SupportRole {
  if (!principal) return "anonymous";
  if (principal.kind === "staff") return principal.role;
  return accountId !== undefined && principal.accountId === accountId ? "member" : "customer";
}

export function mayDo(role: SupportRole, action: SupportAction): boolean {
  return supportPolicy[action].includes(role);
}

/** 401 anonymous, 404 for another account's customer, 403 for a known caller not allowed. */
export function authorize(
  principal: Principal | null,
  action: SupportAction,
  accountId?: string,
): void {
  const role = supportRoleOf(principal, accountId);
  if (mayDo(role, action)) return;
  if (role === "anonymous") throw new AppError("unauthenticated", "Sign in first");
  if (role === "customer" && accountId !== undefined) throw notFound("Account");
  throw forbidden(
    action === "offer.update"
      ? "Only staff admins may change support offers"
      : action === "fast_path.configure"
        ? "Only staff admins may set a Fast-Path price or quota"
        : "Only the account's users and staff admins may do this",
  );
}
