import type { StaffRole } from "../../db/schema.ts";
import { type Principal, requirePrincipal, type StaffPrincipal } from "../../http/principal.ts";
import { forbidden } from "../../http/problem.ts";

/**
 * Reports are the support organisation's own figures: staff leads and admins read them, over
 * every universe. Agents work tickets but do not read their colleagues' figures; customers never
 * read reports (a technical partner reads its own Fast-Path use at /accounts/{nic}/fast-path).
 */
export const REPORT_ACTIONS = ["report.read"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export type ReportRole = "customer" | StaffRole;

export const reportPolicy: Readonly<Record<ReportAction, readonly ReportRole[]>> = {
  "report.read": ["lead", "admin"],
};

export function mayDo(principal: Principal, action: ReportAction): boolean {
  const role: ReportRole = principal.kind === "user" ? "customer" : principal.role;
  return reportPolicy[action].includes(role);
}

/** 401 without a caller, 403 for customers and agents (reports exist for everyone to know). */
export function authorizeReport(principal: Principal | null, action: ReportAction): StaffPrincipal {
  const caller = requirePrincipal(principal);
  if (caller.kind !== "staff" || !mayDo(caller, action)) {
    throw forbidden("Only staff leads and admins read reports");
  }
  return caller;
}
