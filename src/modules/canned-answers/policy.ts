import type { Principal } from "../../http/principal.ts";
import { forbidden } from "../../http/problem.ts";

/**
 * Canned answers are support's own wording: every staff member reads them (customers get 403,
 * since that they exist is no secret), only staff admins change them.
 */
export function assertCanReadCannedAnswers(p: Principal): void {
  if (p.kind !== "staff") throw forbidden("Only staff may read canned answers");
}

/** Staff admins curate the answers every agent inserts. */
export function assertCanManageCannedAnswers(p: Principal): void {
  if (p.kind !== "staff" || p.role !== "admin") {
    throw forbidden("Only staff admins may manage canned answers");
  }
}
