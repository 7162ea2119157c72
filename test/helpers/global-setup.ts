import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { seedCatalog } from "../../src/modules/catalog/seed.ts";
import { seedCalendars } from "../../src/modules/sla/seed.ts";
import { seedSupport } from "../../src/modules/support/seed.ts";
import { createDatabase, dropDatabase } from "./postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string | null;
  }
}

/** On PostgreSQL, each run gets a fresh database of its own, migrated once, dropped at the end. */
export default async function setup(project: TestProject) {
  // "postgres" and "postgres-e2e" (vitest.config.ts): each project gets a database of its own.
  if (process.env.PALIER_TEST_ENGINE !== "postgres" && !project.name.startsWith("postgres")) {
    project.provide("testDatabaseUrl", null);
    return;
  }
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("the postgres test project needs DATABASE_URL");
  const url = await createDatabase(baseUrl);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
  await migrateToLatest(handle.db);
  await seedCatalog(handle.db);
  await seedCalendars(handle.db);
  await seedSupport(handle.db);
  await handle.close();
  project.provide("testDatabaseUrl", url);
  return async () => {
    await dropDatabase(baseUrl, url);
  };
}
