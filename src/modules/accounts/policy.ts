import type { Principal } from "../../http/principal.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";

/**
 * Who may do what with accounts and their users. A null principal is the system (CLI, seeding),
 * which may do everything. A customer who is not a user of the account may not learn that it
 * exists, so every refusal to them is a 404; staff know every account, so they get 403.
 */

export const MEMBER_FIELDS = new Set(["name", "language"]);

const isMember = (p: Principal, accountId: string) =>
  p.kind === "user" && p.accountId === accountId;

/** Sees the account and its users: its own users and every staff member. */
export function assertCanSeeAccount(p: Principal | null, accountId: string): void {
  if (p === null || p.kind === "staff" || isMember(p, accountId)) return;
  throw notFound("Account");
}

export function assertCanListAccounts(p: Principal | null): void {
  if (p !== null && p.kind !== "staff") throw forbidden("Only staff may list accounts");
}

export function assertCanCreateAccount(p: Principal | null): void {
  if (p === null) return;
  if (p.kind !== "staff" || p.role === "agent") {
    throw forbidden("Only staff leads and admins may create accounts");
  }
}

/** Users of the account change its name and language; staff admins change everything. */
export function assertCanEditAccount(
  p: Principal | null,
  accountId: string,
  fields: string[],
): void {
  assertCanSeeAccount(p, accountId);
  if (p === null || (p.kind === "staff" && p.role === "admin")) return;
  if (p.kind === "staff") throw forbidden("Only staff admins may change an account");
  const refused = fields.filter((field) => !MEMBER_FIELDS.has(field));
  if (refused.length > 0) {
    throw new AppError(
      "forbidden",
      `Only staff admins may change ${refused.join(", ")}`,
      refused.map((field) => ({ field, in: "body", message: "only staff admins may change this" })),
    );
  }
}

/** Users of the account add colleagues; staff leads and admins add users to any account. */
export function assertCanCreateUser(p: Principal | null, accountId: string): void {
  assertCanSeeAccount(p, accountId);
  if (p === null || isMember(p, accountId)) return;
  if (p.kind === "staff" && p.role !== "agent") return;
  throw forbidden("Only staff leads and admins may add users to an account");
}
