import cluster from "node:cluster";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { buildApp } from "../src/http/app.ts";
import { openAppContext } from "../src/jobs/runtime.ts";
import { systemClock } from "../src/lib/clock.ts";
import { seedCatalog } from "../src/modules/catalog/seed.ts";
import { seedCalendars } from "../src/modules/sla/seed.ts";
import { seedSupport } from "../src/modules/support/seed.ts";
import { seedBulk } from "./bulk-data.ts";
import { prepareTicketCallers } from "./ticket-callers.ts";
import { seedTickets } from "./ticket-data.ts";

// Child process of the benchmarks: serves a database, then reports on stdout how to call it.
//   bench/server.ts pglite|postgres [SERVICES] [--tickets N]
//     a fresh database (PGlite in a temporary folder, or BENCH_DATABASE_URL) with SERVICES
//     services (bench:api), and with --tickets also N tickets and the ticket callers;
//   bench/server.ts existing
//     the database at BENCH_DATABASE_URL as bench:seed left it, without seeding anything but
//     pending migrations, reference data and the ticket callers' tokens (bench:tickets).
//   --workers N (PostgreSQL): N serving processes sharing the port, as `palier serve --workers`.
//   BENCH_POOL: connections per serving process (default 10).
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { tickets: { type: "string" }, workers: { type: "string" } },
});
const mode = positionals[0] === "existing" ? "existing" : "fresh";
const engine = positionals[0] === "pglite" ? "pglite" : "postgres";
const total = Number(positionals[1] ?? 10_000);
const tickets = values.tickets === undefined ? null : Number(values.tickets);
// Several serving processes on PostgreSQL (node:cluster), as `palier serve --workers N` runs.
const workers = Math.max(1, Number(values.workers ?? 1));
const databaseUrl = engine === "postgres" ? process.env.BENCH_DATABASE_URL : undefined;
if (engine === "postgres" && !databaseUrl) {
  console.error("bench/server.ts needs BENCH_DATABASE_URL for PostgreSQL");
  process.exit(2);
}
if (engine === "pglite" && workers > 1) {
  console.error("PGlite is embedded in one process: --workers needs PostgreSQL");
  process.exit(2);
}

/** Serves the database on `port` (0: any) until SIGTERM; returns the port. */
async function serveOn(port: number, handle: DatabaseHandle, onClose: () => void): Promise<number> {
  const config = { ...loadConfig({}), logLevel: "silent" };
  const ctx = await openAppContext(handle.db, { ...config, databaseUrl }, systemClock);
  const app = await buildApp(ctx, { logger: false, rateLimitPerMinute: 100_000_000 });
  await app.listen({ host: "127.0.0.1", port });
  process.on("SIGTERM", async () => {
    await app.close();
    await ctx.close();
    await handle.close();
    onClose();
    process.exit(0);
  });
  const address = app.server.address();
  return typeof address === "object" && address ? address.port : 0;
}

if (cluster.isWorker) {
  const handle = await openDatabase({
    databaseUrl,
    poolSize: Number(process.env.BENCH_POOL ?? 10),
  });
  await serveOn(Number(process.env.BENCH_PORT), handle, () => undefined);
  process.send?.("ready");
} else {
  const dataDir =
    engine === "pglite" ? mkdtempSync(path.join(tmpdir(), "palier-bench-")) : undefined;
  const handle = await openDatabase({
    databaseUrl,
    dataDir,
    poolSize: Number(process.env.BENCH_POOL ?? 10),
  });
  await migrateToLatest(handle.db);
  await seedCatalog(handle.db);
  await seedCalendars(handle.db);
  await seedSupport(handle.db);
  let ready: Record<string, unknown> = {};
  if (mode === "fresh") {
    ready = { ...(await seedBulk(handle.db, total)) };
    if (tickets !== null) await seedTickets(handle.db, tickets);
  }
  if (mode === "existing" || tickets !== null) {
    ready = { ...ready, ...(await prepareTicketCallers(handle.db)) };
  }
  const removeData = () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  let port: number;
  if (workers === 1) {
    port = await serveOn(0, handle, removeData);
  } else {
    await handle.close();
    port = await freePort();
    const started = Array.from({ length: workers }, () => {
      const worker = cluster.fork({ BENCH_PORT: String(port) });
      return new Promise((resolve) => worker.once("message", resolve));
    });
    await Promise.all(started);
    process.on("SIGTERM", async () => {
      const exits = Object.values(cluster.workers ?? {}).map(
        (worker) => worker && new Promise((resolve) => worker.once("exit", resolve)),
      );
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
      await Promise.all(exits);
      process.exit(0);
    });
  }
  process.stdout.write(`${JSON.stringify({ port, engine, workers, ...ready })}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
