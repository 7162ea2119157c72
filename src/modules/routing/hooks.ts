import { setTicketRouter } from "../tickets/hooks.ts";
import { announceAssignment, chooseAgent } from "./assignment.ts";

/**
 * Routes every new ticket inside its creation transaction: the least loaded agent with the
 * skills is chosen before the insert, so the ticket is written assigned, and the assignment is
 * announced once the row exists. Installed once per process, however many apps are built.
 */
export function registerRoutingHooks(): void {
  setTicketRouter(async (trx, draft) => {
    const chosen = await chooseAgent(trx, draft);
    if (!chosen) return null;
    return {
      assignedStaffId: chosen.id,
      tier: chosen.tier,
      announce: (db, ticket) =>
        announceAssignment(
          db,
          { ...ticket, assigned_staff_id: null, tier: draft.tier },
          { staffId: chosen.id, tier: chosen.tier, how: "automatic", actor: null },
        ),
    };
  });
}
