import type { Principal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";

/** Who is calling, as far as the catalogue cares. */
export type CatalogRole = "anonymous" | "customer" | "agent" | "lead" | "admin";

export type CatalogAction =
  | "catalog.read"
  | "region.update"
  | "product.create"
  | "product.update"
  | "responsibility.set"
  | "responsibility.delete";

const everyone: readonly CatalogRole[] = ["anonymous", "customer", "agent", "lead", "admin"];
const admins: readonly CatalogRole[] = ["admin"];

/**
 * The catalogue and its responsibility matrices are published, so anyone may read them; only
 * staff admins may change what the provider commits to.
 */
export const catalogPolicy: Readonly<Record<CatalogAction, readonly CatalogRole[]>> = {
  "catalog.read": everyone,
  "region.update": admins,
  "product.create": admins,
  "product.update": admins,
  "responsibility.set": admins,
  "responsibility.delete": admins,
};

export function catalogRoleOf(principal: Principal | null): CatalogRole {
  if (!principal) return "anonymous";
  return principal.kind === "user" ? "customer" : principal.role;
}

export function mayDo(principal: Principal | null, action: CatalogAction): boolean {
  return catalogPolicy[action].includes(catalogRoleOf(principal));
}

/** Throws 401 for an anonymous caller and 403 for a known one the table does not allow. */
export function authorize(principal: Principal | null, action: CatalogAction): void {
  if (mayDo(principal, action)) return;
  if (!principal) throw new AppError("unauthenticated", "Sign in first");
  throw new AppError("forbidden", "Only staff admins may change the catalogue");
}
