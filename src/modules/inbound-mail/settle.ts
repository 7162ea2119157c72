import type { Database } from "../../db/database.ts";
import type { InboundStatus } from "../../db/schema.ts";
import { updateInboundMessage } from "./repository.ts";

/**
 * The end of one processing run, written in the transaction that did the work: the message's
 * status, outcome and links. `claim` is the idempotency gate every such transaction opens with.
 */

/**
 * Locks the message and tells whether it still waits for processing. A second run of the job
 * (a retry after a crash once the first had committed, or a duplicate) finds it settled and
 * does nothing.
 */
export async function claim(trx: Database, id: string): Promise<boolean> {
  const row = await trx
    .selectFrom("inbound_messages")
    .select("status")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row?.status === "received";
}

export interface Settlement {
  status: Exclude<InboundStatus, "received">;
  outcome: string;
  details?: Record<string, unknown>;
  fromAddress: string | null;
  subject: string | null;
  ticketId?: string | null;
  ticketMessageId?: string | null;
  error?: string | null;
  now: Date;
}

export async function settle(trx: Database, id: string, settlement: Settlement): Promise<void> {
  await updateInboundMessage(trx, id, {
    status: settlement.status,
    outcome: settlement.outcome,
    outcome_details: JSON.stringify(settlement.details ?? {}),
    from_address: settlement.fromAddress,
    subject: settlement.subject,
    ticket_id: settlement.ticketId ?? null,
    ticket_message_id: settlement.ticketMessageId ?? null,
    error: settlement.error ?? null,
    processed_at: settlement.now,
  });
}
