import type { Database } from "../db/database.ts";
import type { JobContext } from "./jobs.ts";

/** One outbox row as the dispatcher hands it to consumers. */
export interface OutboxEvent {
  /** The row id: increasing, used as the live stream's event id. */
  id: number;
  /** Shared by every row one command wrote (one per recipient). */
  eventId: string;
  topic: string;
  recipientAccountId: string | null;
  recipientStaffId: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * A side of delivery (mail, webhooks). The dispatcher calls every consumer inside the transaction
 * that marks the rows dispatched, so the jobs a consumer enqueues (with `ctx.jobs.send(..., { trx })`)
 * exist exactly when the rows are marked, never twice and never lost.
 */
export interface EventConsumer {
  name: string;
  consume(events: OutboxEvent[], trx: Database, ctx: JobContext): Promise<void>;
}
