import type { PGlite } from "@electric-sql/pglite";

interface PoolClient {
  query(
    sql: string,
    params: readonly unknown[],
  ): Promise<{ command: string; rowCount: number; rows: unknown[] }>;
  release(): void;
}

/**
 * Presents one PGlite instance as the `pg.Pool` shape Kysely's PostgresDialect expects.
 * PGlite is a single connection, so a checkout is exclusive: a transaction holds it until it
 * commits, and concurrent requests queue instead of interleaving their statements.
 */
export class PGlitePool {
  private queue: Array<() => void> = [];
  private busy = false;

  constructor(private readonly pg: PGlite) {}

  async connect(): Promise<PoolClient> {
    if (this.busy) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.busy = true;
    let released = false;
    return {
      query: async (sql, params) => {
        // Migrations send several statements at once, which only the simple protocol accepts.
        if (params.length === 0 && /;\s*\S/.test(sql)) {
          const results = await this.pg.exec(sql);
          const last = results.at(-1);
          return {
            command: commandOf(sql),
            rowCount: last?.affectedRows ?? 0,
            rows: last?.rows ?? [],
          };
        }
        const result = await this.pg.query(sql, params as unknown[]);
        return {
          command: commandOf(sql),
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release: () => {
        if (released) return;
        released = true;
        const next = this.queue.shift();
        if (next) next();
        else this.busy = false;
      },
    };
  }

  async end(): Promise<void> {
    await this.pg.close();
  }
}

function commandOf(sql: string): string {
  const match = /^\s*(\w+)/.exec(sql);
  return (match?.[1] ?? "").toUpperCase();
}
