import { mkdirSync } from "node:fs";
import { PGlite, types } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { PGlitePool } from "./pglite-pool.ts";
import type { DB } from "./schema.ts";

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  engine: "pglite" | "postgres";
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
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", close: () => db.destroy() };
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
  return { db, engine: "pglite", close: () => db.destroy() };
}
