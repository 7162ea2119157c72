import type { Database } from "../../db/database.ts";
import type { Clock } from "../../lib/clock.ts";
import type { TicketRow } from "./repository.ts";

/**
 * The seam for what follows a ticket's creation (routing and auto-assignment): each hook runs
 * inside the creation's transaction, after the ticket, its first message, audit and outbox are
 * written, so an assignment commits or rolls back with the ticket. A hook may update the
 * ticket's `assigned_staff_id`, `tier` or `queue_priority` with `trx`, never with the outer db.
 */
export type TicketCreatedHook = (trx: Database, ticket: TicketRow, clock: Clock) => Promise<void>;

const createdHooks: TicketCreatedHook[] = [];

/** Registers a hook run after every ticket creation; returns a function that removes it. */
export function onTicketCreated(hook: TicketCreatedHook): () => void {
  createdHooks.push(hook);
  return () => {
    const index = createdHooks.indexOf(hook);
    if (index >= 0) createdHooks.splice(index, 1);
  };
}

export async function runCreatedHooks(trx: Database, ticket: TicketRow, clock: Clock) {
  for (const hook of createdHooks) await hook(trx, ticket, clock);
}
