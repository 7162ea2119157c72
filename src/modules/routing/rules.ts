import type { Severity, StaffRole, StaffTier, TicketStatus } from "../../db/schema.ts";

/** The routing rules as plain data and pure functions: tiers, severities, who handles tickets. */

/** Display and escalation order of the support tiers. */
export const TIERS: readonly StaffTier[] = ["L1", "L2", "L3", "TAM"];

/** Staff roles that take tickets: agents and leads; admins run the platform, not the queues. */
export const HANDLER_ROLES: readonly StaffRole[] = ["agent", "lead"];

/** An unassigned ticket in one of these statuses waits in its queue (tickets_queue_idx). */
export const QUEUE_STATUSES: readonly TicketStatus[] = ["open", "waiting-for-provider"];

/** Tickets an agent holds: everything assigned that is neither solved nor closed. */
export const LOAD_STATUSES: readonly TicketStatus[] = [
  "open",
  "waiting-for-provider",
  "waiting-for-customer",
  "on-hold",
];

/**
 * The tier a ticket goes to when escalated: L1 → L2 → L3, and the TAM team hands over to L3
 * experts. L3 is the top: nothing above it.
 */
export function nextTier(tier: StaffTier): StaffTier | null {
  switch (tier) {
    case "L1":
      return "L2";
    case "L2":
    case "TAM":
      return "L3";
    case "L3":
      return null;
  }
}

/**
 * The tiers auto-assignment tries for a ticket of `tier`, in order. Enterprise tickets enter
 * at TAM and fall back to an L3 expert when no TAM is available.
 */
export function routeTiers(tier: StaffTier): StaffTier[] {
  return tier === "TAM" ? ["TAM", "L3"] : [tier];
}

/** Whether a staff member of `staffTier` works the queue of `ticketTier` (L3 backs up TAM). */
export function servesTier(staffTier: StaffTier, ticketTier: StaffTier): boolean {
  return routeTiers(ticketTier).includes(staffTier);
}

const SEVERITY_STEPS: readonly Severity[] = ["low", "medium", "high", "critical"];

/** One step up for routing after a "did not answer" rating; critical stays critical. */
export function raiseSeverity(severity: Severity): Severity {
  const index = SEVERITY_STEPS.indexOf(severity);
  return SEVERITY_STEPS[Math.min(index + 1, SEVERITY_STEPS.length - 1)] ?? severity;
}
