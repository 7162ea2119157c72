import { sql } from "kysely";
import type { Database } from "../../src/db/database.ts";
import { defineJob, type JobDefinition } from "../../src/jobs/jobs.ts";
import { uniqueSuffix } from "../helpers/factories.ts";

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
  await sql`
    create table if not exists test_job_attempts (
      key text not null, worker text not null, at timestamptz not null default clock_timestamp()
    );
    create table if not exists test_job_effects (
      key text primary key, at timestamptz not null default clock_timestamp()
    );
  `.execute(db);
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
export function effectJob(worker = "main", name = `test.effect-${uniqueSuffix()}`) {
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
