import type { Language, StaffRole, StaffTier } from "../db/schema.ts";
import { AppError } from "./problem.ts";

export interface UserPrincipal {
  kind: "user";
  userId: string;
  email: string;
  name: string;
  language: Language;
  accountId: string;
  nicHandle: string;
  region: string;
}

export interface StaffPrincipal {
  kind: "staff";
  staffId: string;
  email: string;
  name: string;
  role: StaffRole;
  tier: StaffTier;
  universes: string[];
  region: string;
}

export type Principal = UserPrincipal | StaffPrincipal;

/** How the caller proved who it is; read-scoped tokens may not write. */
export interface Credential {
  via: "session" | "token";
  id: string;
  scope: "read" | "write";
  csrfToken?: string;
}

/** Who is acting, from where: passed to every service command for policy and audit. */
export interface Actor {
  principal: Principal;
  ip: string | null;
  requestId: string;
}

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new AppError("unauthenticated", "Sign in first");
  return principal;
}

/** Staff with at least one of the given roles, else forbidden (staff exist is no secret). */
export function requireStaff(principal: Principal, roles: StaffRole[]): StaffPrincipal {
  if (principal.kind !== "staff" || !roles.includes(principal.role)) {
    throw new AppError("forbidden", `Only staff with role ${roles.join(" or ")} may do this`);
  }
  return principal;
}

export function actorLabel(principal: Principal): string {
  return principal.kind === "user"
    ? `${principal.email} (${principal.nicHandle})`
    : `${principal.email} (staff ${principal.role})`;
}
