import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import { OUTBOX_CHANNEL, onOutboxCommitted } from "../db/outbox-signal.ts";
import type { OutboxTable } from "../db/schema.ts";
import { eventConsumers } from "./consumer-registry.ts";
import type { EventConsumer, OutboxEvent } from "./consumers.ts";
import type { JobContext } from "./jobs.ts";

/** Channel the dispatcher notifies at commit with the batch number it just dispatched. */
export const LIVE_CHANNEL = "palier_live";

/** Rows fanned out per transaction: bounds the transaction while keeping per-row cost low. */
export const DISPATCH_BATCH = 500;

// One dispatcher at a time across every process on the database: batch numbers then commit in
// increasing order, which live streams rely on. A transaction-level lock ends with the commit,
// so a crashed dispatcher never holds it.
const DISPATCH_LOCK = sql`hashtext('palier.outbox.dispatch')`;

type OutboxRow = Selectable<OutboxTable>;

export function toOutboxEvent(row: OutboxRow): OutboxEvent {
  return {
    id: row.id,
    eventId: row.event_id,
    topic: row.topic,
    recipientAccountId: row.recipient_account_id,
    recipientStaffId: row.recipient_staff_id,
    payload: row.payload as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

/** Rows dispatched by a round, or "busy" when another process holds the dispatch lock. */
type RoundOutcome = number | "busy";

/** How soon a dispatcher tries again after finding another process dispatching. */
const BUSY_RETRY_MS = 50;

/**
 * Fans one batch of undispatched outbox rows out to the consumers, in one transaction: the jobs
 * the consumers enqueue commit together with the rows' dispatched mark, so a row is handed to
 * consumers exactly once even if the process dies at any point. Returns the rows dispatched; 0
 * when there are none or another process is dispatching. When a consumer fails on the batch, the
 * rows are retried one by one so one bad row cannot hold the others back.
 */
export async function dispatchOutbox(
  ctx: JobContext,
  consumers: readonly EventConsumer[] = eventConsumers,
  limit = DISPATCH_BATCH,
): Promise<number> {
  const outcome = await dispatchRound(ctx, consumers, limit);
  return outcome === "busy" ? 0 : outcome;
}

async function dispatchRound(
  ctx: JobContext,
  consumers: readonly EventConsumer[],
  limit: number,
): Promise<RoundOutcome> {
  try {
    return await dispatchBatch(ctx, consumers, { limit });
  } catch (error) {
    ctx.log.error({ err: error }, "outbox batch dispatch failed; dispatching row by row");
  }
  const pending = await ctx.db
    .selectFrom("outbox")
    .select("id")
    .where("delivered_at", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute();
  let dispatched = 0;
  for (const { id } of pending) {
    try {
      const outcome = await dispatchBatch(ctx, consumers, { limit: 1, onlyId: id });
      if (outcome === "busy") return dispatched > 0 ? dispatched : "busy";
      dispatched += outcome;
    } catch (error) {
      ctx.log.error({ err: error, outboxId: id }, "outbox row dispatch failed; retried later");
    }
  }
  return dispatched;
}

async function dispatchBatch(
  ctx: JobContext,
  consumers: readonly EventConsumer[],
  scope: { limit: number; onlyId?: number },
): Promise<RoundOutcome> {
  return ctx.db.transaction().execute(async (trx): Promise<RoundOutcome> => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(${DISPATCH_LOCK}) as locked
    `.execute(trx);
    if (!rows[0]?.locked) return "busy";
    let query = trx
      .selectFrom("outbox")
      .selectAll()
      .where("delivered_at", "is", null)
      .orderBy("id")
      .limit(scope.limit);
    if (scope.onlyId !== undefined) query = query.where("id", "=", scope.onlyId);
    const pending = await query.execute();
    if (pending.length === 0) return 0;
    const events = pending.map(toOutboxEvent);
    for (const consumer of consumers) await consumer.consume(events, trx, ctx);
    await markDispatched(
      trx,
      pending.map((row) => row.id),
    );
    return pending.length;
  });
}

/** Stamps the rows with the next batch number and announces it to live streams at commit. */
async function markDispatched(trx: Database, ids: number[]): Promise<void> {
  const { rows } = await sql<{ batch: number }>`
    select nextval('outbox_dispatch_batch_seq')::bigint as batch
  `.execute(trx);
  const batch = rows[0]?.batch ?? 0;
  await trx
    .updateTable("outbox")
    .set({ delivered_at: sql<Date>`now()`, dispatch_batch: batch })
    .where("id", "in", ids)
    .execute();
  await sql`select pg_notify(${LIVE_CHANNEL}, ${String(batch)})`.execute(trx);
}

export interface DispatcherOptions {
  consumers?: readonly EventConsumer[];
  /** Fallback poll, in case a notification is missed. Default 1.5 s. */
  pollIntervalMs?: number;
  /** Called after a round that dispatched rows (the workers look at their queues at once). */
  onDispatched?: () => void;
}

export interface Dispatcher {
  /** Dispatches now (and until the outbox is empty) instead of at the next notification. */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Runs the dispatcher whenever commands announce new rows (directly in this process, or by
 * LISTEN palier_outbox from others; see `announceOutbox`), and on a fallback poll. One round at
 * a time in this process; a wake during a round runs one more round, so a row committed while a
 * round was reading is never left waiting for the poll. When another process holds the dispatch
 * lock, it tries again shortly: that process may have read the outbox before these rows were
 * committed.
 */
export async function startDispatcher(
  ctx: JobContext,
  options: DispatcherOptions = {},
): Promise<Dispatcher> {
  const consumers = options.consumers ?? eventConsumers;
  let stopped = false;
  let again = false;
  let round: Promise<void> | null = null;

  const runRound = async (): Promise<void> => {
    do {
      again = false;
      try {
        for (;;) {
          const outcome = await dispatchRound(ctx, consumers, DISPATCH_BATCH);
          if (outcome === "busy") {
            setTimeout(wake, BUSY_RETRY_MS).unref();
            break;
          }
          if (outcome === 0 || stopped) break;
          options.onDispatched?.();
        }
      } catch (error) {
        ctx.log.error({ err: error }, "outbox dispatch failed; retried at the next poll");
      }
    } while (again && !stopped);
  };

  const wake = (): void => {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    round = runRound().finally(() => {
      round = null;
    });
  };

  const unlisten = await ctx.notifier.listen(OUTBOX_CHANNEL, wake);
  const unregister = onOutboxCommitted(ctx.db, wake);
  const timer = setInterval(wake, options.pollIntervalMs ?? 1500);
  timer.unref();
  wake();

  return {
    wake,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      unregister();
      await unlisten();
      await round;
    },
  };
}
