import { sql } from "kysely";
import type { Database } from "./database.ts";

/** Channel that says "committed outbox rows wait for dispatch". */
export const OUTBOX_CHANNEL = "palier_outbox";

/**
 * How committed outbox rows reach the dispatcher. The first design notified from a trigger inside
 * the writing transaction; but PostgreSQL holds one database-wide lock from a transaction's
 * NOTIFY until its commit is flushed to disk, so every command that writes an outbox row (nearly
 * all of them) committed one at a time, with no group commit: measured on ticket creation, the
 * trigger alone cost a quarter of PostgreSQL's throughput. Commands now announce their rows
 * after commit: to a dispatcher running in this process, directly; otherwise with a NOTIFY of
 * its own (a transaction with nothing to flush), one per short window per process. A row no one
 * announces (written outside `inTransaction`, or a lost notification) waits for the
 * dispatcher's poll; none is ever lost.
 */
const COALESCE_MS = 5;

const localDispatchers = new Map<Database, Set<() => void>>();
let queued: Set<Database> | null = null;

/**
 * Registers a dispatcher running in this process on `db`: announcements of rows committed
 * through the same `db` wake it without a round trip. Returns the function that unregisters it.
 */
export function onOutboxCommitted(db: Database, wake: () => void): () => void {
  let wakes = localDispatchers.get(db);
  if (!wakes) {
    wakes = new Set();
    localDispatchers.set(db, wakes);
  }
  wakes.add(wake);
  return () => {
    wakes.delete(wake);
    if (wakes.size === 0) localDispatchers.delete(db);
  };
}

/** Says that a transaction on `db` committed outbox rows; call it after the commit. */
export function announceOutbox(db: Database): void {
  const wakes = localDispatchers.get(db);
  if (wakes) {
    for (const wake of wakes) wake();
    return;
  }
  if (queued) {
    queued.add(db);
    return;
  }
  queued = new Set([db]);
  setTimeout(() => {
    const targets = queued ?? new Set<Database>();
    queued = null;
    for (const target of targets) void notifyOthers(target);
  }, COALESCE_MS);
}

async function notifyOthers(db: Database): Promise<void> {
  try {
    await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(db);
  } catch {
    // The pool is closing or the database is unreachable: the dispatcher's poll finds the rows.
  }
}
