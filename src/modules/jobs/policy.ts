import type { Principal, StaffPrincipal } from "../../http/principal.ts";
import { forbidden } from "../../http/problem.ts";

/**
 * Jobs carry what they deliver (addresses, webhook URLs, ticket content), so only staff admins
 * read and retry them.
 */
export function assertCanManageJobs(p: Principal): StaffPrincipal {
  if (p.kind !== "staff" || p.role !== "admin") {
    throw forbidden("Only staff admins may read and retry jobs");
  }
  return p;
}
