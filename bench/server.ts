import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { buildApp } from "../src/http/app.ts";
import { systemClock } from "../src/lib/clock.ts";
import { seedCatalog } from "../src/modules/catalog/seed.ts";
import { seedBulk } from "./bulk-data.ts";

// Child process of bench/api.ts: prepares a fresh database, serves it, reports how to call it.
const engine = process.argv[2] === "postgres" ? "postgres" : "pglite";
const total = Number(process.argv[3] ?? 10_000);
const databaseUrl = engine === "postgres" ? process.env.BENCH_DATABASE_URL : undefined;
const dataDir = engine === "pglite" ? mkdtempSync(path.join(tmpdir(), "palier-bench-")) : undefined;

const handle = await openDatabase({ databaseUrl, dataDir, poolSize: 10 });
await migrateToLatest(handle.db);
await seedCatalog(handle.db);
const data = await seedBulk(handle.db, total);
const config = { ...loadConfig({}), logLevel: "silent" };
const app = await buildApp(
  { db: handle.db, config, clock: systemClock },
  { logger: false, rateLimitPerMinute: 100_000_000 },
);
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
const port = typeof address === "object" && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ port, ...data })}\n`);

process.on("SIGTERM", async () => {
  await app.close();
  await handle.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
