import { sql } from "kysely";
import { inject } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { openDatabase } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { defineJob, type JobDefinition } from "../../src/jobs/jobs.ts";
import { jobDefinitions } from "../../src/jobs/registry.ts";
import { openAppContext } from "../../src/jobs/runtime.ts";
import {
  startWorkers,
  type WorkerContext,
  type WorkerLog,
  type WorkerOptions,
} from "../../src/jobs/worker.ts";
import { seedCatalog } from "../../src/modules/catalog/seed.ts";
import { seedCalendars } from "../../src/modules/sla/seed.ts";
import { seedSupport } from "../../src/modules/support/seed.ts";
import type { TestContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";
import { createDatabase, dropDatabase } from "../helpers/postgres.ts";

/** Test job types are named test.*: every test job definition uses this prefix. */
export const TEST_QUEUE_PREFIX = "test.";

/**
 * Starts workers for the registered jobs plus `extra` test jobs, polling every 0.5 s. Test files
 * running at the same time on one PostgreSQL queue test jobs of their own, which these workers
 * leave to them instead of refusing to start.
 */
export function startTestWorkers(
  ctx: WorkerContext & { app: { log: WorkerLog } },
  extra: JobDefinition<never>[] = [],
  options: WorkerOptions = {},
) {
  return startWorkers(ctx, ctx.app.log, [...jobDefinitions, ...extra], {
    pollingIntervalSeconds: 0.5,
    othersHandle: (queue) => queue.startsWith(TEST_QUEUE_PREFIX),
    ...options,
  });
}

/** Polls `probe` until it returns something other than undefined, or fails after `ms`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Tables the test jobs write: every attempt, and the side effect keyed by the job's key, which
 * the handler applies idempotently as real handlers do (a mail row, a delivery row).
 */
export async function createEffectTables(db: Database): Promise<void> {
  // Test files on one PostgreSQL may get here together; "if not exists" alone races.
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('palier.test.effect-tables'))`.execute(trx);
    await sql`
      create table if not exists test_job_attempts (
        key text not null, worker text not null, at timestamptz not null default clock_timestamp()
      )
    `.execute(trx);
    await sql`
      create table if not exists test_job_effects (
        key text primary key, at timestamptz not null default clock_timestamp()
      )
    `.execute(trx);
  });
}

export interface EffectData {
  key: string;
  /** Attempts that crash after applying the effect, before the job is marked done. */
  crashes?: number;
}

/**
 * A job that records each attempt and applies its effect once per key; the first `crashes`
 * attempts throw after the effect, as a process dying mid-run would leave it.
 */
export function effectJob(worker = "main", name = `${TEST_QUEUE_PREFIX}effect-${uniqueSuffix()}`) {
  return defineJob<EffectData>({
    name,
    retryLimit: 3,
    retryDelaySeconds: 1,
    retryBackoff: true,
    async handle(data, ctx) {
      await sql`insert into test_job_attempts (key, worker) values (${data.key}, ${worker})`.execute(
        ctx.db,
      );
      await sql`insert into test_job_effects (key) values (${data.key}) on conflict do nothing`.execute(
        ctx.db,
      );
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from test_job_attempts where key = ${data.key}
      `.execute(ctx.db);
      if ((rows[0]?.n ?? 0) <= (data.crashes ?? 0))
        throw new Error(`crash on attempt ${rows[0]?.n}`);
    },
  });
}

export async function attemptsOf(db: Database, key: string) {
  const { rows } = await sql<{ worker: string; at: Date }>`
    select worker, at from test_job_attempts where key = ${key} order by at
  `.execute(db);
  return rows;
}

export async function effectsOf(db: Database, key: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from test_job_effects where key = ${key}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

export async function jobRow(db: Database, id: string) {
  const { rows } = await sql<{ state: string; retry_count: number; output: unknown }>`
    select state::text as state, retry_count, output from pgboss.job where id = ${id}
  `.execute(db);
  return rows[0];
}

export type AnyJob = JobDefinition<never>;

/** A context whose outbox no other test file dispatches; `close` drops what it opened. */
export interface ExclusiveContext {
  ctx: WorkerContext & { app: { log: WorkerLog } };
  /** The PostgreSQL URL of the private database; null on PGlite. */
  url: string | null;
  close(): Promise<void>;
}

/**
 * Dispatch is global: any running dispatcher hands every outbox row to its consumers. Tests that
 * add a consumer of their own need an outbox nobody else dispatches: on PostgreSQL a database of
 * their own (other test files share the main one), on PGlite the worker's database, since files
 * of one worker run one after the other.
 */
export async function exclusiveContext(shared: TestContext): Promise<ExclusiveContext> {
  const sharedUrl = inject("testDatabaseUrl");
  if (!sharedUrl) {
    await createEffectTables(shared.db);
    return { ctx: shared, url: null, close: async () => {} };
  }
  const url = await createDatabase(sharedUrl);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await migrateToLatest(handle.db);
  // The reference data every database of the suite holds, so factories and commands work here.
  await seedCatalog(handle.db);
  await seedCalendars(handle.db);
  await seedSupport(handle.db);
  await createEffectTables(handle.db);
  const opened = await openAppContext(
    handle.db,
    { ...shared.config, databaseUrl: url },
    shared.clock,
    handle.notifier,
  );
  return {
    ctx: { ...opened, app: shared.app },
    url,
    async close() {
      await opened.close();
      await handle.close();
      await dropDatabase(sharedUrl, url);
    },
  };
}
