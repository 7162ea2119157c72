import { setTicketRouter } from "../tickets/hooks.ts";
import { automaticAssignmentRows, recordedSkills } from "./assignment.ts";
import { leastLoadedPick } from "./repository.ts";
import { routeTiers } from "./rules.ts";

/**
 * Routes every new ticket in the statement that writes it: the least loaded agent with the
 * skills is picked there, so the ticket is written assigned, and the assignment is announced by
 * the same statement. Installed once per process, however many apps are built.
 */
export function registerRoutingHooks(): void {
  setTicketRouter((draft) => {
    const skills = recordedSkills(draft);
    if (!skills) throw new Error("a new ticket's entitlement records its subscriber's region");
    return {
      pick: leastLoadedPick(routeTiers(draft.tier), skills),
      announcement: automaticAssignmentRows,
    };
  });
}
