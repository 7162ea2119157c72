import cluster from "node:cluster";
import type { Config } from "../config.ts";
import { loadConfig } from "../config.ts";
import { buildApp } from "../http/app.ts";
import { openAppContext } from "../jobs/runtime.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { startWorkers, type Workers } from "../jobs/worker.ts";
import { systemClock } from "../lib/clock.ts";
import { type InboundSmtp, startInboundSmtp } from "../modules/inbound-mail/smtp.ts";
import { demoPresent, seedDemo } from "../seed/demo.ts";
import { optional, parseFlags, UsageError, type Values } from "./args.ts";
import { describeSeed, signInTable } from "./banner.ts";
import { superviseWorkers, workerIndex } from "./cluster.ts";
import { type CliDatabase, openForCommand } from "./runtime.ts";

/**
 * Migrates, seeds the catalogue (and the demo on the first start of a database without
 * accounts, unless --no-demo), then serves the API (and the inbound SMTP server) until SIGINT or
 * SIGTERM. With --workers N (PostgreSQL only) N processes share the port; the first of them
 * also runs the background work (jobs, dispatcher, periodic tasks, inbound SMTP).
 */
export async function serve(args: string[]): Promise<void> {
  const flags = parseFlags(args, { "no-demo": { type: "boolean" }, workers: { type: "string" } });
  const started = Date.now();
  const config = loadConfig();
  const count = workersWanted(flags);
  if (count > 1 && cluster.isPrimary) {
    if (!config.databaseUrl) {
      throw new UsageError(
        "--workers needs PostgreSQL (DATABASE_URL): the embedded database lives in one process",
      );
    }
    // Migrations, the catalogue and the demo once, before any serving process opens the database.
    const handle = await openForCommand(config);
    try {
      await seedDemoOnFirstStart(handle, flags);
    } finally {
      await handle.close();
    }
    await superviseWorkers(count);
    await printBanner(config, started, count);
    return;
  }
  await serveHere(config, flags, started);
}

function workersWanted(flags: Values): number {
  const raw = optional(flags, "workers") ?? process.env.WEB_CONCURRENCY ?? "1";
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new UsageError(`--workers must be an integer from 1 to 64 (got "${raw}")`);
  }
  return count;
}

async function seedDemoOnFirstStart(handle: CliDatabase, flags: Values): Promise<void> {
  const firstStart = !(await handle.db
    .selectFrom("accounts")
    .select("id")
    .limit(1)
    .executeTakeFirst());
  if (firstStart && !flags["no-demo"]) console.log(describeSeed(await seedDemo(handle.db)));
}

/** One serving process: alone, or one of several under `superviseWorkers`. */
async function serveHere(config: Config, flags: Values, started: number): Promise<void> {
  const index = workerIndex();
  // Under a supervisor the catalogue is already seeded; the migrator's lock makes this a no-op.
  const handle = await openForCommand(config, { prepare: index === null });
  const background = index === null || index === 0;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopJobs: () => Promise<void> = async () => {};
  let workers: Workers | undefined;
  let smtp: InboundSmtp | null = null;
  try {
    if (index === null) await seedDemoOnFirstStart(handle, flags);
    const ctx = await openAppContext(handle.db, config, systemClock, handle.notifier);
    stopJobs = () => ctx.close();
    app = await buildApp(ctx);
    await app.listen({ port: config.port, host: config.host });
    // Job workers, the outbox dispatcher, periodic tasks and inbound mail start once the process
    // is serving; workers refuse to start over queued jobs this version has no handler for.
    let stopScheduler = async () => {};
    if (background) {
      workers = await startWorkers(ctx, app.log);
      stopScheduler = startScheduler(ctx, app.log).stop;
      const jobWorkers = workers;
      // A stored message is processed at once rather than at the next poll.
      smtp = await startInboundSmtp(ctx, app.log, { onStored: () => jobWorkers.wake() });
    }

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app?.log.info({ signal }, "shutting down");
      await smtp?.close();
      await stopScheduler();
      // Running jobs finish and record their outcome before the database closes.
      await workers?.stop();
      await app?.close();
      await stopJobs();
      await handle.close();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    if (index === null) await printBanner(config, started, 1, handle, smtp);
  } catch (error) {
    await smtp?.close();
    await workers?.stop();
    await app?.close();
    await stopJobs();
    await handle.close();
    throw error;
  }
}

async function printBanner(
  config: Config,
  started: number,
  processes: number,
  handle?: CliDatabase,
  smtp?: InboundSmtp | null,
): Promise<void> {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const engine = config.databaseUrl
    ? "PostgreSQL (DATABASE_URL)"
    : `embedded, in ${config.dataDir}`;
  const listen = config.smtpListen;
  const lines = [
    "",
    `Palier is ready at ${config.publicUrl} (started in ${seconds} s)`,
    `API docs:         ${config.publicUrl}/api/docs`,
    `OpenAPI document: ${config.publicUrl}/api/v1/openapi.json`,
    `Database:         ${engine}`,
    `Inbound mail:     ${listen ? `SMTP on ${listen.host}:${smtp?.port ?? listen.port}` : "off (SMTP_LISTEN=off)"}`,
    `Outbound mail:    ${config.smtpUrl ? "SMTP relay (SMTP_URL)" : "developer mailbox (no SMTP_URL)"}`,
  ];
  if (processes > 1) lines.push(`Processes:        ${processes} (--workers)`);
  if (handle && (await demoPresent(handle.db))) lines.push("", signInTable());
  console.log(`${lines.join("\n")}\n`);
}
