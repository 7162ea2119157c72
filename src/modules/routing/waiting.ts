import type { Database } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Clock } from "../../lib/clock.ts";
import { findTicket } from "../tickets/repository.ts";
import { assignTicket, skillsFor } from "./assignment.ts";
import { queueCounts, type WaitingTicket, waitingToRoute } from "./queue-repository.ts";
import { findNotAnsweredAuthors } from "./rating-repository.ts";
import { lockLeastLoaded, type Skills } from "./repository.ts";
import { QUEUE_STATUSES, routeTiers } from "./rules.ts";

/**
 * Routing of the tickets that wait in their queues. Creation, escalation and ratings route a
 * ticket when it arrives; when nobody with the skills had room, it waits unassigned. Room comes
 * back later (agents solve tickets, staff admins add agents or raise a capacity), so the
 * scheduler runs this pass every 30 seconds: each queue's tickets, most urgent first, go to the
 * least loaded agent with room, as at creation, and never back to an agent whose answer on the
 * ticket was rated "not-answered". Agents may still take a waiting ticket themselves.
 */

/** Tickets looked at per queue and pass: the most urgent ones; the rest wait for the next. */
export const ROUTED_PER_QUEUE = 1000;

export interface Queue {
  universe: string;
  tier: string;
  language: string;
}

export interface RouteScope {
  /** Only these queues; default every queue with waiting tickets. */
  queues?: readonly Queue[];
  /**
   * Only the tickets of these accounts. Tests use it: they share one database with other test
   * files, whose waiting tickets and agents this pass must leave alone.
   */
  accountIds?: readonly string[];
}

/**
 * Hands waiting tickets to agents with room, one transaction per ticket. Once nobody had room
 * for a set of skills, later tickets asking the same are not tried again in this pass. Returns
 * how many tickets were assigned.
 */
export async function routeWaitingTickets(
  db: Database,
  clock: Clock,
  scope: RouteScope = {},
): Promise<number> {
  const queues = scope.queues ?? (await queuesBySoonestDue(db, clock));
  const full = new Set<string>();
  let assigned = 0;
  for (const queue of queues) {
    for (const waiting of await waitingToRoute(db, queue, ROUTED_PER_QUEUE, scope.accountIds)) {
      const skills = await skillsFor(db, waiting, waiting.excluded);
      const key = JSON.stringify([waiting.tier, skills]);
      if (full.has(key)) continue;
      const outcome = await routeOne(db, waiting, skills);
      if (outcome === "assigned") assigned += 1;
      if (outcome === "nobody") full.add(key);
    }
  }
  return assigned;
}

/** Queues with waiting tickets, the one whose most urgent ticket is due first leading. */
async function queuesBySoonestDue(db: Database, clock: Clock): Promise<Queue[]> {
  const counts = await queueCounts(db, null, clock.now());
  const due = (at: Date | null) => at?.getTime() ?? Number.POSITIVE_INFINITY;
  return counts.sort((a, b) => due(a.soonest_due_at) - due(b.soonest_due_at));
}

/**
 * Routes one ticket if it still waits: its row locked, its exclusions read again (a rating may
 * have come in since `skills` were worked out).
 */
function routeOne(db: Database, waiting: WaitingTicket, skills: Skills) {
  return inTransaction(db, async (trx): Promise<"assigned" | "nobody" | "gone"> => {
    const ticket = await findTicket(trx, { id: waiting.id }, true);
    const stillWaiting =
      ticket !== undefined &&
      ticket.assigned_staff_id === null &&
      QUEUE_STATUSES.includes(ticket.status) &&
      ticket.tier === waiting.tier;
    if (!stillWaiting) return "gone";
    const exclude = await findNotAnsweredAuthors(trx, ticket.id);
    const chosen = await lockLeastLoaded(trx, routeTiers(ticket.tier), { ...skills, exclude });
    if (!chosen) return "nobody";
    await assignTicket(trx, ticket, {
      staffId: chosen.id,
      tier: chosen.tier,
      how: "automatic",
      actor: null,
    });
    return "assigned";
  });
}
