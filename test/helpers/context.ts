import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { buildApp } from "../../src/http/app.ts";
import type { App, AppContext } from "../../src/http/context.ts";
import type { PgBossQueue } from "../../src/jobs/queue.ts";
import { openAppContext } from "../../src/jobs/runtime.ts";
import type { Clock } from "../../src/lib/clock.ts";
import { seedCatalog } from "../../src/modules/catalog/seed.ts";
import { seedCalendars } from "../../src/modules/sla/seed.ts";
import { seedSupport } from "../../src/modules/support/seed.ts";

/** Real time shifted by an offset tests may move; reset it in afterEach when you move it. */
export class TestClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export interface TestContext extends AppContext {
  app: App;
  clock: TestClock;
  handle: DatabaseHandle;
  jobs: PgBossQueue;
}

// Kept on globalThis: vitest re-evaluates modules for each test file even without isolation,
// while the worker process (and so the database) lives across files.
const holder = globalThis as typeof globalThis & { __palierTestContext?: Promise<TestContext> };

async function open(): Promise<TestContext> {
  const url = inject("testDatabaseUrl");
  const handle = url
    ? await openDatabase({ databaseUrl: url, poolSize: 4 })
    : await openDatabase({ dataDir: "memory://" });
  if (!url) {
    await migrateToLatest(handle.db);
    await seedCatalog(handle.db);
    await seedCalendars(handle.db);
    await seedSupport(handle.db);
  }
  // Files (ticket attachments) go to a folder of the worker's own, never the developer's ./data.
  const dataDir = mkdtempSync(path.join(tmpdir(), "palier-test-"));
  process.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  const config = {
    // Test receivers listen on 127.0.0.1; test/webhooks/ssrf.test.ts turns the check back on.
    ...loadConfig({ PALIER_DATA_DIR: dataDir, WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" }),
    logLevel: "silent",
    rateLimitPerMinute: 1_000_000,
  };
  const clock = new TestClock();
  // Workers are not started here: tests that exercise delivery start them (see jobs tests).
  const ctx = await openAppContext(
    handle.db,
    { ...config, databaseUrl: url ?? undefined },
    clock,
    handle.notifier,
  );
  const app = await buildApp(ctx, { logger: false, rateLimitPerMinute: 1_000_000 });
  await app.ready();
  return { ...ctx, app, clock, handle };
}

/**
 * The worker's shared database and app. Tests isolate themselves by building their own data
 * with the factories (unique handles, emails and service names), never by assuming an empty table.
 */
export function testContext(): Promise<TestContext> {
  holder.__palierTestContext ??= open();
  return holder.__palierTestContext;
}
