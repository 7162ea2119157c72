import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/database.ts";
import type { AppContext } from "../http/context.ts";

/** What a job handler receives besides its data: the app context and a logger. */
export interface JobContext extends AppContext {
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error" | "debug">;
}

/**
 * A typed job: its queue name, retry policy and handler. Handlers must be idempotent: a job
 * that crashed mid-run is run again, so each records what it already did (a mail row, a
 * delivery row) and skips it the second time.
 */
export interface JobDefinition<T> {
  name: string;
  /** Attempts after the first failure. */
  retryLimit: number;
  /** Seconds before the first retry; doubled on each retry when `retryBackoff`. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A run longer than this is considered crashed and retried. */
  expireInSeconds?: number;
  /**
   * Jobs of this type one process runs at the same time (default: the worker's setting, 1).
   * Raise it for jobs that mostly wait on the network, so one slow receiver holds no queue.
   */
  concurrency?: number;
  /**
   * Runs at once on the embedded database (PGlite), whose single connection serialises all
   * database work: extra runners of a database-bound job only contend there. Defaults to
   * `concurrency`.
   */
  embeddedConcurrency?: number;
  handle(data: T, ctx: JobContext): Promise<void>;
}

/** Declares a job; the declaration is what `JobQueue.send` takes, so a job cannot lack a handler. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists exactly when the transaction commits. */
  trx?: Database;
  /** At most one queued job with this key per queue (pg-boss singleton key). */
  singletonKey?: string;
  startAfterSeconds?: number;
}

/** The database-backed job queue (pg-boss on PostgreSQL and on PGlite). */
export interface JobQueue {
  send<T>(job: JobDefinition<T>, data: T, options?: SendOptions): Promise<string | null>;
  /** Gives a dead (failed) job one more attempt; false when it is not failed. */
  retry(queue: string, id: string, options?: { trx?: Database }): Promise<boolean>;
}
