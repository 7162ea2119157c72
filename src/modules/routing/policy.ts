import type { Principal, StaffPrincipal } from "../../http/principal.ts";
import { forbidden } from "../../http/problem.ts";
import { staffSeesUniverse } from "../services/policy.ts";
import type { TicketRole } from "../tickets/policy.ts";

/** Everything a caller may do about queues, assignment, escalation, ratings and quality. */
export const ROUTING_ACTIONS = [
  "queue.read",
  "ticket.assign",
  "ticket.take",
  "ticket.unassign",
  "ticket.escalate",
  "answer.rate",
  "quality.read",
] as const;
export type RoutingAction = (typeof ROUTING_ACTIONS)[number];

/**
 * Who may do what. Agents and leads take tickets from their queues; leads and admins assign
 * anyone and release any assignment (an agent may release only its own, see `mayUnassign`);
 * every staff member who sees a ticket may escalate it; customers rate answers; leads and
 * admins read quality figures. Ticket visibility itself is the tickets module's rule.
 */
export const routingPolicy: Readonly<Record<RoutingAction, readonly TicketRole[]>> = {
  "queue.read": ["agent", "lead", "admin"],
  "ticket.assign": ["lead", "admin"],
  "ticket.take": ["agent", "lead"],
  "ticket.unassign": ["lead", "admin"],
  "ticket.escalate": ["agent", "lead", "admin"],
  "answer.rate": ["customer"],
  "quality.read": ["lead", "admin"],
};

function roleOf(principal: Principal): TicketRole {
  return principal.kind === "user" ? "customer" : principal.role;
}

export function mayDo(principal: Principal, action: RoutingAction): boolean {
  return routingPolicy[action].includes(roleOf(principal));
}

/** 403 unless the caller's role allows the action (visibility is checked before this). */
export function authorize(principal: Principal, action: RoutingAction): void {
  if (!mayDo(principal, action)) {
    throw forbidden(
      principal.kind === "user" ? `Customers may not do ${action}` : `Staff may not do ${action}`,
    );
  }
}

/** Leads and admins release any assignment; an agent only the tickets assigned to itself. */
export function mayUnassign(principal: Principal, assignedStaffId: string | null): boolean {
  if (mayDo(principal, "ticket.unassign")) return true;
  return (
    principal.kind === "staff" && assignedStaffId !== null && principal.staffId === assignedStaffId
  );
}

/** Agents read the queues of their universes; leads and admins every queue. */
export function seesQueue(staff: StaffPrincipal, universe: string): boolean {
  return staffSeesUniverse(staff, universe);
}
