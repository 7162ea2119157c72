import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { seedCatalog } from "../src/modules/catalog/seed.ts";
import { seedCalendars } from "../src/modules/sla/seed.ts";
import { seedSupport } from "../src/modules/support/seed.ts";
import { seedBulk } from "./bulk-data.ts";
import { seedTickets } from "./ticket-data.ts";

// npm run bench:seed -- --tickets 1000000 [--services 10000] [--database palier_bench]
// Builds a PostgreSQL database for the ticket benchmarks and writes its access to .bench-data/.
const { values } = parseArgs({
  options: {
    tickets: { type: "string", default: "1000000" },
    services: { type: "string", default: "10000" },
    database: { type: "string", default: "palier_bench" },
    server: {
      type: "string",
      default: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    },
  },
});
const tickets = Number(values.tickets);
const services = Number(values.services);
if (!Number.isInteger(tickets) || tickets < 0 || !Number.isInteger(services) || services < 1) {
  console.error("--tickets and --services must be whole numbers");
  process.exit(2);
}
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(values.database)) {
  console.error("--database must be a plain lower-case identifier");
  process.exit(2);
}

const admin = new pg.Client({ connectionString: values.server });
await admin.connect();
await admin.query(`drop database if exists ${values.database} with (force)`);
await admin.query(`create database ${values.database}`);
await admin.end();
const url = new URL(values.server);
url.pathname = `/${values.database}`;

const started = Date.now();
const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
await migrateToLatest(handle.db);
await seedCatalog(handle.db);
// Tickets follow the shipped offers and the regions' business calendars, as in production.
await seedCalendars(handle.db);
await seedSupport(handle.db);
const data = await seedBulk(handle.db, services);
console.log(`services: ${services} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await seedTickets(handle.db, tickets, (line) => console.log(line));
await handle.close();
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

mkdirSync(".bench-data", { recursive: true });
writeFileSync(
  ".bench-data/seed.json",
  `${JSON.stringify({ databaseUrl: url.toString(), tickets, services, ...data }, null, 2)}\n`,
);
console.log("access written to .bench-data/seed.json");
