import type { StaffRole, TicketCategory, Universe } from "../../db/schema.ts";
import type { Principal, StaffPrincipal, UserPrincipal } from "../../http/principal.ts";
import { forbidden, notFound } from "../../http/problem.ts";
import { can, rolesOf, type ServiceContacts, staffSeesUniverse } from "../services/policy.ts";
import { SERVICE_CATEGORY_ACTION } from "./rules.ts";

/** Everything a caller may do about tickets. */
export const TICKET_ACTIONS = [
  "ticket.open",
  "ticket.read",
  "ticket.messages.read-internal",
  "ticket.reply",
  "ticket.answer",
  "ticket.note",
  "ticket.status.set",
  "ticket.close",
  "ticket.reopen",
  "ticket.out-of-perimeter-answer",
  "attachment.upload",
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export type TicketRole = "customer" | StaffRole;

/**
 * Who may do what, once the ticket is visible to them. Customers speak as customers (reply,
 * close, reopen); staff answer publicly, write internal notes and set statuses. Only customers
 * open tickets: staff answer them. Whether a customer sees a ticket at all depends on its
 * contact roles (see `customerSees`).
 */
export const ticketPolicy: Readonly<Record<TicketAction, readonly TicketRole[]>> = {
  "ticket.open": ["customer"],
  "ticket.read": ["customer", "agent", "lead", "admin"],
  "ticket.messages.read-internal": ["agent", "lead", "admin"],
  "ticket.reply": ["customer"],
  "ticket.answer": ["agent", "lead", "admin"],
  "ticket.note": ["agent", "lead", "admin"],
  "ticket.status.set": ["agent", "lead", "admin"],
  "ticket.close": ["customer"],
  "ticket.reopen": ["customer"],
  "ticket.out-of-perimeter-answer": ["agent", "lead", "admin"],
  "attachment.upload": ["customer", "agent", "lead", "admin"],
};

export function roleOf(principal: Principal): TicketRole {
  return principal.kind === "user" ? "customer" : principal.role;
}

export function mayDo(principal: Principal, action: TicketAction): boolean {
  return ticketPolicy[action].includes(roleOf(principal));
}

/** What visibility needs to know about a ticket. */
export interface TicketScope {
  account_id: string;
  category: TicketCategory;
  universe: Universe;
  /** The service's contacts, when the ticket is about a service that still exists. */
  service: ServiceContacts | null;
}

/**
 * A customer sees the tickets of its own account, and those on services where its account
 * holds a role allowing the ticket's category: a partner tech contact sees the technical
 * tickets of its clients' services, a billing contact their billing tickets.
 */
export function customerSees(user: UserPrincipal, ticket: TicketScope): boolean {
  if (ticket.account_id === user.accountId) return true;
  const action = SERVICE_CATEGORY_ACTION[ticket.category];
  if (!ticket.service || !action) return false;
  return can(rolesOf(user.accountId, ticket.service), action);
}

/** Staff admins and leads see every ticket; agents those of their universes. */
export function staffSees(staff: StaffPrincipal, ticket: Pick<TicketScope, "universe">): boolean {
  return staffSeesUniverse(staff, ticket.universe);
}

export function sees(principal: Principal, ticket: TicketScope): boolean {
  return principal.kind === "user" ? customerSees(principal, ticket) : staffSees(principal, ticket);
}

/**
 * The single gate for ticket actions: 404 when the caller may not know the ticket exists, 403
 * when it may but its role does not allow the action.
 */
export function authorizeTicket(
  principal: Principal,
  ticket: TicketScope,
  action: TicketAction,
): void {
  if (!sees(principal, ticket)) throw notFound("Ticket");
  if (!mayDo(principal, action)) {
    throw forbidden(
      principal.kind === "user" ? `Customers may not do ${action}` : `Staff may not do ${action}`,
    );
  }
}
