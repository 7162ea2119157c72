import type { Database } from "../db/database.ts";
import { inTransaction } from "../db/transaction.ts";
import { enqueue } from "../jobs/outbox.ts";
import type { Clock } from "../lib/clock.ts";
import { findTicket } from "../modules/tickets/repository.ts";
import { ticketNotice } from "../modules/tickets/transitions.ts";
import { lockTicketsToRemind, markReminded } from "./repository.ts";

/** A ticket waiting this long for its customer gets one reminder. */
export const REMIND_AFTER_DAYS = 3;
const DAY_MS = 86_400_000;
const BATCH = 100;

/**
 * Reminds customers of tickets waiting for their reply for 3 days or more: one `ticket.reminder`
 * notice to the requesting account per waiting period (`reminded_at` is cleared whenever the
 * ticket leaves waiting-for-customer). Batches are transactions over rows locked with SKIP
 * LOCKED, so several Palier processes may run it at once. Returns how many were reminded.
 */
export async function remindWaitingCustomers(db: Database, clock: Clock): Promise<number> {
  let total = 0;
  for (;;) {
    const now = clock.now();
    const before = new Date(now.getTime() - REMIND_AFTER_DAYS * DAY_MS);
    const reminded = await inTransaction(db, async (trx) => {
      const due = await lockTicketsToRemind(trx, before, BATCH);
      for (const { id, waiting_since } of due) {
        await markReminded(trx, id, now);
        const ticket = await findTicket(trx, { id });
        if (!ticket || !waiting_since) continue;
        await enqueue(trx, {
          topic: "ticket.reminder",
          recipientAccountId: ticket.account_id,
          payload: { ...ticketNotice(ticket), waitingSince: waiting_since.toISOString() },
        });
      }
      return due.length;
    });
    total += reminded;
    if (reminded < BATCH) return total;
  }
}
