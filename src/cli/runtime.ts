import type { Config } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { seedCannedAnswers } from "../modules/canned-answers/seed.ts";
import { seedCatalog } from "../modules/catalog/seed.ts";
import { seedCalendars } from "../modules/sla/seed.ts";
import { seedSupport } from "../modules/support/seed.ts";
import { lockDataDir } from "./lock.ts";

export interface CliDatabase extends DatabaseHandle {
  /** Migrations applied by this open. */
  applied: string[];
}

/**
 * Opens the configured database for one command: locks the embedded data folder, applies
 * pending migrations and the shipped catalogue, so every command works on a fresh folder.
 */
export async function openForCommand(
  config: Config,
  options: { prepare?: boolean } = {},
): Promise<CliDatabase> {
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
    });
    const applied = await migrateToLatest(handle.db);
    if (options.prepare !== false) await seedCatalog(handle.db);
    if (options.prepare !== false) await seedCalendars(handle.db);
    if (options.prepare !== false) await seedSupport(handle.db);
    if (options.prepare !== false) await seedCannedAnswers(handle.db);
    const opened = handle;
    const close = async () => {
      try {
        await opened.close();
      } finally {
        release();
      }
    };
    return { ...handle, close, applied };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    release();
    throw error;
  }
}

/** Runs a command against the database and always closes it. */
export async function withDatabase<T>(
  config: Config,
  run: (handle: CliDatabase) => Promise<T>,
  options: { prepare?: boolean } = {},
): Promise<T> {
  const handle = await openForCommand(config, options);
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}
