import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { type Notifier, pollingOnly } from "../db/notifier.ts";
import type { AppContext } from "../http/context.ts";
import type { Clock } from "../lib/clock.ts";
import { loadInstanceKeys } from "../lib/instance-keys.ts";
import { PgBossQueue } from "./queue.ts";
import { jobDefinitions } from "./registry.ts";

/** An app context with its job queue open; `close` stops the queue (not the database). */
export interface OpenContext extends AppContext {
  jobs: PgBossQueue;
  close(): Promise<void>;
}

/**
 * Opens the job queue (installing pg-boss's schema on first use) and reads the instance keys:
 * everything an AppContext needs beyond the database, the settings and the clock. Pass the
 * database handle's notifier so the dispatcher and live streams wake on notifications; without
 * it they only poll.
 */
export async function openAppContext(
  db: Database,
  config: Config,
  clock: Clock,
  notifier: Notifier = pollingOnly,
): Promise<OpenContext> {
  const jobs = new PgBossQueue({ db, databaseUrl: config.databaseUrl });
  await jobs.start(jobDefinitions);
  const keys = await loadInstanceKeys(db);
  return { db, config, clock, jobs, keys, notifier, close: () => jobs.stop() };
}
