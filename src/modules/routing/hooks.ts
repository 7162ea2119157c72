import { onTicketCreated } from "../tickets/hooks.ts";
import { autoAssign } from "./assignment.ts";

let registered = false;

/**
 * Routes every new ticket inside its creation transaction, so the assignment commits or rolls
 * back with the ticket. Registered once per process, however many apps are built.
 */
export function registerRoutingHooks(): void {
  if (registered) return;
  registered = true;
  onTicketCreated(async (trx, ticket) => {
    await autoAssign(trx, ticket);
  });
}
