import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { buildApp } from "../http/app.ts";
import { systemClock } from "../lib/clock.ts";
import { seedCatalog } from "../modules/catalog/seed.ts";

const USAGE = `Usage: palier <command>

Commands:
  serve      Run migrations, seed an empty database and serve the API (default)
  migrate    Apply pending database migrations
`;

async function serve(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  await seedCatalog(handle.db);
  const app = await buildApp({ db: handle.db, config, clock: systemClock });
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Palier is ready at ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)`);
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date");
  await handle.close();
}

async function main(argv: string[]): Promise<void> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const command = positionals[0] ?? "serve";
  if (command === "serve") return serve();
  if (command === "migrate") return migrate();
  process.stderr.write(USAGE);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
