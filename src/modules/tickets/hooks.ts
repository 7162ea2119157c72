import type { InsertObject, RawBuilder } from "kysely";
import type { DB, StaffTier } from "../../db/schema.ts";
import type { TicketRow } from "./repository.ts";

/**
 * The seam between ticket creation and routing (routing depends on tickets, not the reverse).
 * Routing does not run a query of its own for a new ticket: it hands creation a plan, and the
 * one statement that writes the ticket picks the agent, writes the ticket already assigned and
 * announces the assignment, so the pick commits or rolls back with the ticket.
 */

/** What routing needs of a ticket about to be written. */
export type TicketDraft = Pick<
  TicketRow,
  "calendar" | "entitlement" | "account_id" | "universe" | "product" | "language" | "tier"
>;

/** Columns of the rows the plan's pick selects. */
export interface PickedStaff {
  id: string;
  tier: StaffTier;
}

/**
 * Rows announcing an assignment, written only when the pick found someone. Values may be SQL
 * expressions over the statement's `pick` (one row: `pick.id`, `pick.tier`).
 */
export interface AssignmentRows {
  audit: InsertObject<DB, "audit_log">;
  outbox: InsertObject<DB, "outbox">;
}

/** What an assignment's notices say about the ticket. */
export type AnnouncedTicket = Pick<
  TicketRow,
  "id" | "number" | "subject" | "severity" | "universe" | "language" | "tier" | "due_at"
>;

/** Routing's plan for a ticket about to be written. */
export interface RoutingPlan {
  /** A select of at most one row (`PickedStaff`) that locks the chosen staff member's row. */
  pick: RawBuilder<PickedStaff>;
  /** The assignment's audit and outbox rows for `ticket`, as written unassigned in `draft.tier`. */
  announcement(ticket: AnnouncedTicket): AssignmentRows;
}

export type TicketRouter = (draft: TicketDraft) => RoutingPlan | null;

let router: TicketRouter | null = null;

/** Installs the router new tickets go through; the routing module installs its own at start. */
export function setTicketRouter(next: TicketRouter | null): void {
  router = next;
}

/** Routing's plan for a ticket about to be created; null leaves it unassigned in its queue. */
export function planRouting(draft: TicketDraft): RoutingPlan | null {
  return router ? router(draft) : null;
}
