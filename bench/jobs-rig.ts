import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { loadConfig } from "../src/config.ts";
import { type Database, type DatabaseHandle, openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { StaffPrincipal, UserPrincipal } from "../src/http/principal.ts";
import type { JobDefinition } from "../src/jobs/jobs.ts";
import { JOB_SCHEMA } from "../src/jobs/queue.ts";
import { jobDefinitions } from "../src/jobs/registry.ts";
import { type OpenContext, openAppContext } from "../src/jobs/runtime.ts";
import type { WorkerLog } from "../src/jobs/worker.ts";
import { systemClock } from "../src/lib/clock.ts";
import { seedCatalog } from "../src/modules/catalog/seed.ts";
import { registerRoutingHooks } from "../src/modules/routing/hooks.ts";
import { seedCalendars } from "../src/modules/sla/seed.ts";
import { seedSupport } from "../src/modules/support/seed.ts";
import { createDatabase, dropDatabase } from "../test/helpers/postgres.ts";

// What the job benchmarks (bench:mail, bench:webhooks) share: a fresh Palier database on either
// engine with its app context, customers inserted directly, and ways to wait for the workers.

export type Engine = "pglite" | "postgres";

const PG_BASE = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A log that counts warnings and errors and keeps the first few, so a run that silently retried
 * or failed jobs says so in its summary instead of hiding it behind a throughput figure.
 */
export class CountingLog {
  warnings = 0;
  errors = 0;
  readonly samples: string[] = [];
  private keep(level: string, data: unknown, msg?: string) {
    if (this.samples.length >= 5) return;
    const err = (data as { err?: { message?: string } } | null)?.err?.message;
    this.samples.push(`${level}: ${msg ?? String(data)}${err ? ` (${err})` : ""}`);
  }
  info() {}
  debug() {}
  warn(data: unknown, msg?: string) {
    this.warnings += 1;
    this.keep("warn", data, msg);
  }
  error(data: unknown, msg?: string) {
    this.errors += 1;
    this.keep("error", data, msg);
  }
  get asWorkerLog(): WorkerLog {
    return this as unknown as WorkerLog;
  }
}

export interface Rig {
  engine: Engine;
  handle: DatabaseHandle;
  ctx: OpenContext;
  close(): Promise<void>;
}

/**
 * A fresh database (PostgreSQL: a new database on the local server, dropped on close; PGlite: a
 * temporary folder on disk, as `palier serve` keeps it), migrated and seeded with the shipped
 * catalogue, and the app context `palier serve` builds (pg-boss, instance keys, notifier).
 * Attachments go to a temporary folder too.
 */
export async function openRig(engine: Engine): Promise<Rig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "palier-bench-"));
  const databaseUrl = engine === "postgres" ? await createDatabase(PG_BASE) : undefined;
  const handle = await openDatabase(
    databaseUrl ? { databaseUrl } : { dataDir: path.join(dataDir, "db") },
  );
  await migrateToLatest(handle.db);
  await seedCatalog(handle.db);
  await seedCalendars(handle.db);
  await seedSupport(handle.db);
  const config = {
    ...loadConfig({ PALIER_DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" }),
    databaseUrl,
    logLevel: "silent",
  };
  const ctx = await openAppContext(handle.db, config, systemClock, handle.notifier);
  // Building the app installs the ticket router; the benchmarks call the services directly.
  registerRoutingHooks();
  return {
    engine,
    handle,
    ctx,
    async close() {
      await ctx.close();
      await handle.close();
      if (databaseUrl) await dropDatabase(PG_BASE, databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Customer {
  principal: UserPrincipal;
  serviceName: string;
}

/**
 * `count` direct customers (an account, its user and one service it holds every role on),
 * inserted directly: the benchmarks measure mail and webhooks, not account creation.
 */
export async function seedCustomers(db: Database, count: number, tag: string) {
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const nic = `${tag}${String(i + 1).padStart(4, "0")}-pal`;
    const account = await db
      .insertInto("accounts")
      .values({
        nic_handle: nic,
        kind: "company",
        name: `Bench ${nic}`,
        region: "EU",
        language: "en",
      })
      .returning(["id", "region"])
      .executeTakeFirstOrThrow();
    const email = `customer-${i + 1}@${tag}.bench.example`;
    const name = `Customer ${i + 1}`;
    const user = await db
      .insertInto("users")
      .values({ account_id: account.id, email, name, password_hash: "unused", language: "en" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const serviceName = `vps-${tag}-${i + 1}.bench.palier.test`;
    await db
      .insertInto("services")
      .values({
        name: serviceName,
        product: "vps",
        region: "EU",
        datacenter: "gra1",
        admin_account_id: account.id,
        tech_account_id: account.id,
        billing_account_id: account.id,
      })
      .execute();
    customers.push({
      principal: {
        kind: "user",
        userId: user.id,
        email,
        name,
        language: "en",
        accountId: account.id,
        nicHandle: nic,
        region: account.region,
      },
      serviceName,
    });
  }
  return customers;
}

/** A staff admin, who may answer any ticket and own global webhook subscriptions. */
export async function seedStaffAdmin(db: Database): Promise<StaffPrincipal> {
  const email = "bench-admin@palier.test";
  const row = await db
    .insertInto("staff")
    .values({
      email,
      name: "Bench admin",
      password_hash: "unused",
      role: "admin",
      tier: "L3",
      languages: ["en"],
      region: "EU",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    kind: "staff",
    staffId: row.id,
    email,
    name: "Bench admin",
    role: "admin",
    tier: "L3",
    universes: ["market", "server", "public-cloud", "enterprise"],
    region: "EU",
  };
}

/**
 * Agents of every tier for the universe of the benchmark's services (VPS: server), so new
 * tickets are assigned as in production and a customer's reply also notifies its agent.
 */
export async function seedAgents(db: Database): Promise<void> {
  const tiers = ["L1", "L2", "L3", "TAM"] as const;
  await db
    .insertInto("staff")
    .values(
      tiers.flatMap((tier) =>
        [1, 2].map((k) => ({
          email: `agent-${tier.toLowerCase()}-${k}@palier.test`,
          name: `Bench agent ${tier} ${k}`,
          password_hash: "unused",
          role: "agent" as const,
          tier,
          languages: ["en", "fr", "ru"],
          universes: ["server"],
          region: "EU",
          max_concurrent_tickets: 200,
        })),
      ),
    )
    .execute();
}

/** Jobs waiting, retrying or running, outside pg-boss's own queues. */
export async function pendingJobs(db: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(`${JOB_SCHEMA}.job`)}
    where state in ('created', 'retry', 'active') and not starts_with(name, '__pgboss__')
  `.execute(db);
  return rows[0]?.n ?? 0;
}

/** Jobs that failed at least once (retrying or dead), by queue: a clean run has none. */
export async function failedJobs(db: Database): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string; n: number }>`
    select name, count(*)::int as n from ${sql.table(`${JOB_SCHEMA}.job`)}
    where (state in ('failed', 'retry') or retry_count > 0) and not starts_with(name, '__pgboss__')
    group by name
  `.execute(db);
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

export async function undispatched(db: Database): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("delivered_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Polls `probe` every `everyMs` until it returns something other than undefined. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 120_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Waits until the outbox is dispatched and no job waits or runs (the workers are idle). */
export function drained(db: Database, what: string, timeoutMs?: number): Promise<true> {
  return waitFor(
    async () =>
      (await undispatched(db)) === 0 && (await pendingJobs(db)) === 0 ? true : undefined,
    what,
    timeoutMs,
    200,
  );
}

/** Runs `work` over `items` with at most `concurrency` at a time, in order of start. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.max(1, concurrency) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  });
  await Promise.all(runners);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

/** How many jobs of each type one process runs at once, as `palier serve` starts the workers. */
export function workerConcurrency(): string {
  return jobDefinitions
    .map((definition: JobDefinition<never>) => {
      // Read loosely: a per-type setting may or may not exist on the definition.
      const own = (definition as { concurrency?: number }).concurrency;
      return `${definition.name} ${own ?? 1}`;
    })
    .join(", ");
}

export const loadAverage = (): number => os.loadavg()[0] ?? 0;

export const perSecond = (count: number, ms: number): number =>
  ms > 0 ? Math.round((count / ms) * 10_000) / 10 : 0;

export const thousands = (n: number): string => n.toLocaleString("en");
