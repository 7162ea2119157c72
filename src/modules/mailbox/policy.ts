import type { Principal } from "../../http/principal.ts";
import { forbidden } from "../../http/problem.ts";

/**
 * The developer mailbox holds every notification, one-time contact-change links included, so
 * only staff admins read it.
 */
export function assertCanReadMailbox(p: Principal): void {
  if (p.kind !== "staff" || p.role !== "admin") {
    throw forbidden("Only staff admins may read the developer mailbox");
  }
}
