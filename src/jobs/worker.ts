import { sql } from "kysely";
import type PgBoss from "pg-boss";
import type { AppContext } from "../http/context.ts";
import { type DispatcherOptions, startDispatcher } from "./dispatcher.ts";
import type { JobContext, JobDefinition } from "./jobs.ts";
import { JOB_SCHEMA, type PgBossQueue } from "./queue.ts";
import { jobDefinitions } from "./registry.ts";

/** The context workers run in: jobs must be the pg-boss queue, whose tables they read. */
export interface WorkerContext extends AppContext {
  jobs: PgBossQueue;
}

export type WorkerLog = JobContext["log"];

export interface WorkerOptions {
  /** Seconds between two looks at an empty queue (pg-boss's minimum is 0.5). Default 2. */
  pollingIntervalSeconds?: number;
  /** Jobs of one queue this process runs at the same time, unless its definition says. Default 1. */
  concurrency?: number;
  /** The outbox dispatcher runs beside the workers unless false. */
  dispatch?: DispatcherOptions | false;
  /**
   * Queues whose jobs may wait without a definition here, because other processes on the same
   * database handle them (test files sharing one PostgreSQL each run job types of their own).
   */
  othersHandle?: (queue: string) => boolean;
}

export interface Workers {
  /** Looks at every queue now instead of at the next poll (after enqueuing in this process). */
  wake(): void;
  /** Stops fetching, waits for the running jobs to finish and record their outcome. */
  stop(): Promise<void>;
}

/** pg-boss's own queues (cron), which have no Palier definition. */
const INTERNAL_QUEUE = "__pgboss__";

/**
 * Runs every job definition's handler on its pg-boss queue, and the outbox dispatcher that
 * turns committed events into jobs. Refuses to start while the database
 * holds waiting or running jobs of a type no definition handles, so removing a handler cannot
 * strand work silently. Several processes may run workers on one PostgreSQL: pg-boss fetches with
 * FOR UPDATE SKIP LOCKED, so each job is run by one of them.
 */
export async function startWorkers(
  ctx: WorkerContext,
  log: WorkerLog,
  definitions: readonly JobDefinition<never>[] = jobDefinitions,
  options: WorkerOptions = {},
): Promise<Workers> {
  await refuseUnknownJobs(ctx, definitions, options.othersHandle);
  for (const definition of definitions) await ctx.jobs.ensureQueue(definition);

  const intervalMs = Math.max(0.5, options.pollingIntervalSeconds ?? 2) * 1000;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const jobContext: JobContext = { ...ctx, log };
  const boss = ctx.jobs.boss;
  const pauses = new Set<() => void>();
  let stopped = false;
  // Counts wake-ups, so one that arrives while a loop is fetching is not lost: the loop sees
  // the count moved and fetches again instead of pausing until the next poll.
  let wakes = 0;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pauses.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pauses.add(done);
    });

  const loop = async (definition: JobDefinition<never>): Promise<void> => {
    while (!stopped) {
      const seen = wakes;
      try {
        // pg-boss's fetch answers [] when the database is unreachable: the loop just waits.
        const [job] = await boss.fetch<never>(definition.name, { batchSize: 1 });
        if (job) {
          await runJob(boss, definition, job, jobContext, log);
          continue;
        }
      } catch (error) {
        log.error({ err: error, queue: definition.name }, "job fetch failed");
      }
      if (wakes !== seen && !stopped) continue;
      await pause(intervalMs);
    }
  };

  const wake = (): void => {
    wakes += 1;
    for (const resume of [...pauses]) resume();
  };
  const loops = definitions.flatMap((definition) =>
    Array.from({ length: runnersOf(definition, concurrency, ctx.config.databaseUrl) }, () =>
      loop(definition),
    ),
  );
  // Jobs the dispatcher just enqueued are fetched at once rather than at the next poll.
  const dispatcher =
    options.dispatch === false
      ? null
      : await startDispatcher(jobContext, { onDispatched: wake, ...options.dispatch });
  log.info(
    { queues: definitions.map((definition) => definition.name), intervalMs },
    "job workers started",
  );

  return {
    wake,
    async stop() {
      if (stopped) return;
      await dispatcher?.stop();
      stopped = true;
      wake();
      await Promise.all(loops);
      log.info("job workers stopped");
    },
  };
}

/** How many runners a job type gets: its own figure, the embedded one on PGlite. */
function runnersOf(
  definition: JobDefinition<never>,
  fallback: number,
  databaseUrl: string | undefined,
): number {
  const wanted = definition.concurrency ?? fallback;
  const embedded = databaseUrl === undefined ? definition.embeddedConcurrency : undefined;
  return Math.max(1, embedded ?? wanted);
}

/**
 * Runs one fetched job and records its outcome before returning, so a stopped worker leaves no
 * job marked active behind. A failure goes back to pg-boss, which schedules the retry with the
 * queue's backoff or marks the job failed (dead) once its retries are spent.
 */
async function runJob(
  boss: PgBoss,
  definition: JobDefinition<never>,
  job: PgBoss.Job<never>,
  ctx: JobContext,
  log: WorkerLog,
): Promise<void> {
  const expireSeconds = Number(job.expireInSeconds) || 900;
  let timer: NodeJS.Timeout | undefined;
  let failure: Error | null = null;
  try {
    await Promise.race([
      Promise.resolve().then(() => definition.handle(job.data, ctx)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`The job ran longer than ${expireSeconds} s`)),
          expireSeconds * 1000,
        );
      }),
    ]);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    log.warn({ err: failure, queue: definition.name, jobId: job.id }, "job failed");
  } finally {
    clearTimeout(timer);
  }
  try {
    if (failure) {
      const { name, message, stack } = failure;
      await boss.fail(definition.name, job.id, { name, message, stack });
    } else {
      await boss.complete(definition.name, job.id);
    }
  } catch (error) {
    // Left active, the job expires and pg-boss's maintenance retries it: handlers are idempotent.
    log.error({ err: error, queue: definition.name, jobId: job.id }, "job outcome not recorded");
  }
}

/** Throws when waiting or running jobs have no definition among `definitions`. */
async function refuseUnknownJobs(
  ctx: WorkerContext,
  definitions: readonly JobDefinition<never>[],
  othersHandle: (queue: string) => boolean = () => false,
): Promise<void> {
  const known = definitions.map((definition) => definition.name);
  const { rows } = await sql<{ name: string; count: number }>`
    select name, count(*)::int as count from ${sql.table(`${JOB_SCHEMA}.job`)}
    where state in ('created', 'retry', 'active')
      and not starts_with(name, ${INTERNAL_QUEUE})
      and not (name = any(${known}::text[]))
    group by name order by name
  `.execute(ctx.db);
  const unknown = rows.filter((row) => !othersHandle(row.name));
  if (unknown.length === 0) return;
  const listed = unknown.map((row) => `${row.name} (${row.count})`).join(", ");
  throw new Error(
    `The job queue holds waiting jobs of types this version has no handler for: ${listed}. ` +
      "Run a version that handles them, or delete them from pgboss.job once you are sure they are not needed.",
  );
}
