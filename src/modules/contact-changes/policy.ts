import type { Principal, UserPrincipal } from "../../http/principal.ts";
import { forbidden, notFound } from "../../http/problem.ts";
import { rolesOf, staffSeesUniverse } from "../services/policy.ts";
import type { ChangeView } from "./repository.ts";

export type Side = "giving" | "receiving";

/** Which side of the task the caller's account is on, if any. */
export function sideOf(principal: Principal, change: ChangeView): Side | null {
  if (principal.kind !== "user") return null;
  if (change.from_account_id === principal.accountId) return "giving";
  if (change.to_account_id === principal.accountId) return "receiving";
  return null;
}

/**
 * Who may know a task exists: the two sides, the requester's account, the service's current
 * contacts (who list its tasks anyway) and staff who see the service. Everyone else gets 404.
 */
export function requireChangeVisible(principal: Principal, change: ChangeView): void {
  if (principal.kind === "staff") {
    if (!staffSeesUniverse(principal, change.universe)) throw notFound("Contact change");
    return;
  }
  const related =
    sideOf(principal, change) !== null ||
    change.requester_account_id === principal.accountId ||
    rolesOf(principal.accountId, change).length > 0;
  if (!related) throw notFound("Contact change");
}

/** Decisions are made with a side's token by a user of that side; staff hold no token. */
export function requireMayDecide(principal: Principal): asserts principal is UserPrincipal {
  if (principal.kind !== "user") {
    throw forbidden("Only users of the giving or receiving account decide, with their token");
  }
}

/** The requester's account or a staff admin may abort an open task. */
export function requireMayAbort(principal: Principal, change: ChangeView): void {
  const allowed =
    principal.kind === "staff"
      ? principal.role === "admin"
      : change.requester_account_id === principal.accountId;
  if (!allowed) throw forbidden("Only the requesting account or a staff admin may abort");
}
