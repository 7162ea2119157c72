import type { Database } from "../../db/database.ts";
import type { StaffTier } from "../../db/schema.ts";
import type { Clock } from "../../lib/clock.ts";
import type { TicketRow } from "./repository.ts";

/**
 * The seam between ticket creation and routing (routing depends on tickets, not the reverse).
 * The router runs inside the creation's transaction before the ticket is written, so the ticket
 * is inserted already assigned and the assignment commits or rolls back with it.
 */

/** What routing needs of a ticket about to be written. */
export type TicketDraft = Pick<
  TicketRow,
  "calendar" | "entitlement" | "account_id" | "universe" | "product" | "language" | "tier"
>;

/** Routing's decision: the assignee and tier to write, and how to announce them once written. */
export interface RoutedTicket {
  assignedStaffId: string;
  tier: StaffTier;
  announce(trx: Database, ticket: TicketRow): Promise<void>;
}

export type TicketRouter = (
  trx: Database,
  draft: TicketDraft,
  clock: Clock,
) => Promise<RoutedTicket | null>;

let router: TicketRouter | null = null;

/** Installs the router new tickets go through; the routing module installs its own at start. */
export function setTicketRouter(next: TicketRouter | null): void {
  router = next;
}

/** Routes a ticket about to be created; null leaves it unassigned in its queue. */
export function routeNewTicket(
  trx: Database,
  draft: TicketDraft,
  clock: Clock,
): Promise<RoutedTicket | null> {
  return router ? router(trx, draft, clock) : Promise.resolve(null);
}
