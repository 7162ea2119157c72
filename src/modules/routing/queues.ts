import type { Language, StaffTier, Universe } from "../../db/schema.ts";
import type { AppContext } from "../../http/context.ts";
import { type PageOf, toPage } from "../../http/pagination.ts";
import type { Principal, StaffPrincipal } from "../../http/principal.ts";
import { forbidden } from "../../http/problem.ts";
import { presentTicketSummary } from "../tickets/presenter.ts";
import { dueKey, heldKeyOf, queueKeyOf } from "./cursor.ts";
import { authorize, seesQueue } from "./policy.ts";
import { heldPage, queueCounts, queuePage } from "./queue-repository.ts";
import { TIERS } from "./rules.ts";
import type { QueueParams, QueueTicketsQuery } from "./schemas.ts";

const UNIVERSES: readonly Universe[] = ["market", "server", "public-cloud", "enterprise"];
const LANGUAGES: readonly Language[] = ["en", "fr", "ru"];

function requireQueueReader(principal: Principal): StaffPrincipal {
  authorize(principal, "queue.read");
  if (principal.kind !== "staff") throw forbidden("Queues are staff business");
  return principal;
}

/**
 * Tiers a universe's tickets can wait in: L1 to L3 everywhere (entry tiers, escalations,
 * Fast-Path), TAM where an active offer enters there.
 */
async function tiersByUniverse(ctx: AppContext): Promise<Map<string, Set<StaffTier>>> {
  const rows = await ctx.db
    .selectFrom("offers")
    .select(["universe", "entry_tier"])
    .where("active", "=", true)
    .distinct()
    .execute();
  const tiers = new Map<string, Set<StaffTier>>(
    UNIVERSES.map((u) => [u, new Set<StaffTier>(["L1", "L2", "L3"])]),
  );
  for (const row of rows) tiers.get(row.universe)?.add(row.entry_tier);
  return tiers;
}

/**
 * The queues the caller may see (agents: their universes), each with its unassigned waiting
 * tickets, how many of them are past due, and the soonest due time. Empty queues are listed
 * too, so the board has the same shape every day.
 */
export async function listQueues(ctx: AppContext, principal: Principal) {
  const staff = requireQueueReader(principal);
  const universes = UNIVERSES.filter((u) => seesQueue(staff, u));
  const [counts, tiers] = await Promise.all([
    queueCounts(ctx.db, staff.role === "agent" ? universes : null, ctx.clock.now()),
    tiersByUniverse(ctx),
  ]);
  const key = (u: string, t: string, l: string) => `${u}/${t}/${l}`;
  const byKey = new Map(counts.map((row) => [key(row.universe, row.tier, row.language), row]));
  const items = [];
  for (const universe of universes) {
    for (const tier of TIERS) {
      for (const language of LANGUAGES) {
        const row = byKey.get(key(universe, tier, language));
        if (!row && !tiers.get(universe)?.has(tier)) continue;
        items.push({
          universe,
          tier,
          language,
          unassigned: row?.waiting ?? 0,
          breached: row?.overdue ?? 0,
          atRisk: row?.at_risk ?? 0,
          soonestDueAt: row?.soonest_due_at?.toISOString() ?? null,
        });
      }
    }
  }
  return { items };
}

/** One page of a queue's unassigned waiting tickets, most urgent first. */
export async function queueTickets(
  ctx: AppContext,
  principal: Principal,
  queue: QueueParams,
  query: QueueTicketsQuery,
): Promise<PageOf<ReturnType<typeof presentTicketSummary>>> {
  const staff = requireQueueReader(principal);
  if (!seesQueue(staff, queue.universe)) {
    throw forbidden(`Agents read the queues of their universes, and ${queue.universe} is not one`);
  }
  const limit = query.limit ?? 25;
  const rows = await queuePage(ctx.db, queue, queueKeyOf(query.cursor), limit);
  return toPage(
    rows,
    limit,
    (row) => [dueKey(row.due_us), row.queue_priority, row.number],
    (row) => presentTicketSummary(principal, row),
  );
}

/** The tickets assigned to the caller and not yet solved, soonest due first. */
export async function myTickets(ctx: AppContext, principal: Principal, query: QueueTicketsQuery) {
  const staff = requireQueueReader(principal);
  const limit = query.limit ?? 25;
  const rows = await heldPage(ctx.db, staff.staffId, heldKeyOf(query.cursor), limit);
  return toPage(
    rows,
    limit,
    (row) => [dueKey(row.due_us), row.number],
    (row) => presentTicketSummary(principal, row),
  );
}
