import { mkdirSync } from "node:fs";
import { PGlite, types } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type Notifier, PGliteNotifier, PostgresNotifier } from "./notifier.ts";
import { PGlitePool } from "./pglite-pool.ts";
import { prepareStatements } from "./prepared.ts";
import type { DB } from "./schema.ts";

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  engine: "pglite" | "postgres";
  /** LISTEN on this database (a dedicated connection on PostgreSQL). */
  notifier: Notifier;
  close(): Promise<void>;
}

// Counts and identities fit comfortably in a double; strings would leak into every presenter.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens PostgreSQL through a pool when a URL is given, otherwise embedded PGlite. */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    prepareStatements(pool);
    // An idle connection the server closed (a restart, a terminated backend) is an 'error' on
    // the pool; unhandled, it would end the process. The pool opens a new one when needed.
    pool.on("error", (error) => {
      console.error(`PostgreSQL closed an idle connection: ${error.message}`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const notifier = new PostgresNotifier(options.databaseUrl);
    return { db, engine: "postgres", notifier, close: () => closeBoth(notifier, db) };
  }
  const dataDir = options.dataDir;
  if (dataDir && dataDir !== "memory://") mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create({
    dataDir: dataDir ?? "memory://",
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  const pool = new PGlitePool(lite);
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
  });
  const notifier = new PGliteNotifier(lite, db as Kysely<unknown>);
  return { db, engine: "pglite", notifier, close: () => closeBoth(notifier, db) };
}

async function closeBoth(notifier: Notifier, db: Database): Promise<void> {
  await notifier.close();
  await db.destroy();
}
