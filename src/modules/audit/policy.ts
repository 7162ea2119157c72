import type { Principal } from "../../http/principal.ts";
import { forbidden } from "../../http/problem.ts";

/** Whose entries a caller may read: everything, or only those about their own account. */
export type AuditScope = { all: true } | { all: false; accountId: string };

/** Staff leads and admins read the whole log; agents none of it; users their account's part. */
export function auditScopeOf(p: Principal): AuditScope {
  if (p.kind === "user") return { all: false, accountId: p.accountId };
  if (p.role === "agent") throw forbidden("Only staff leads and admins may read the audit log");
  return { all: true };
}
