import { loadConfig } from "../config.ts";
import { buildApp } from "../http/app.ts";
import { openAppContext } from "../jobs/runtime.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { startWorkers, type Workers } from "../jobs/worker.ts";
import { systemClock } from "../lib/clock.ts";
import { demoPresent, seedDemo } from "../seed/demo.ts";
import { parseFlags } from "./args.ts";
import { describeSeed, signInTable } from "./banner.ts";
import { openForCommand } from "./runtime.ts";

/**
 * Migrates, seeds the catalogue (and the demo on the first start of a database without
 * accounts, unless --no-demo), then serves the API until SIGINT or SIGTERM.
 */
export async function serve(args: string[]): Promise<void> {
  const flags = parseFlags(args, { "no-demo": { type: "boolean" } });
  const started = Date.now();
  const config = loadConfig();
  const handle = await openForCommand(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopJobs: () => Promise<void> = async () => {};
  let workers: Workers | undefined;
  try {
    const firstStart = !(await handle.db
      .selectFrom("accounts")
      .select("id")
      .limit(1)
      .executeTakeFirst());
    if (firstStart && !flags["no-demo"]) console.log(describeSeed(await seedDemo(handle.db)));
    const ctx = await openAppContext(handle.db, config, systemClock, handle.notifier);
    stopJobs = () => ctx.close();
    app = await buildApp(ctx);
    await app.listen({ port: config.port, host: config.host });
    // Job workers, the outbox dispatcher and periodic tasks start once the process is serving;
    // workers refuse to start over queued jobs this version has no handler for.
    workers = await startWorkers(ctx, app.log);
    const scheduler = startScheduler(ctx, app.log);

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app?.log.info({ signal }, "shutting down");
      await scheduler.stop();
      // Running jobs finish and record their outcome before the database closes.
      await workers?.stop();
      await app?.close();
      await stopJobs();
      await handle.close();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [
      "",
      `Palier is ready at ${config.publicUrl} (started in ${seconds} s)`,
      `API docs:         ${config.publicUrl}/api/docs`,
      `OpenAPI document: ${config.publicUrl}/api/v1/openapi.json`,
      `Database:         ${handle.engine === "pglite" ? `embedded, in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
    ];
    if (await demoPresent(handle.db)) lines.push("", signInTable());
    console.log(`${lines.join("\n")}\n`);
  } catch (error) {
    await workers?.stop();
    await app?.close();
    await stopJobs();
    await handle.close();
    throw error;
  }
}
