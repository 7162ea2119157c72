import { CompiledQuery } from "kysely";
import PgBoss from "pg-boss";
import type { Database } from "../db/database.ts";
import type { JobDefinition, JobQueue, SendOptions } from "./jobs.ts";

/** pg-boss keeps its tables in this schema, beside Palier's. */
export const JOB_SCHEMA = "pgboss";

/** pg-boss's database interface over a Kysely connection (the pool, or a transaction). */
export function bossDb(db: Database): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

// Dead jobs stay in the job table, where staff admins list and retry them, for two weeks
// (pg-boss would archive them after 12 hours, beyond the reach of retry).
const BOSS_SETTINGS = { schema: JOB_SCHEMA, archiveFailedAfterSeconds: 14 * 86_400 };

export interface PgBossQueueOptions {
  db: Database;
  /** On PostgreSQL pg-boss gets its own small pool; on PGlite it shares Palier's connection. */
  databaseUrl?: string | undefined;
}

/** The job queue on pg-boss; `start` installs its schema and must run before `send`. */
export class PgBossQueue implements JobQueue {
  readonly boss: PgBoss;
  private readonly db: Database;
  private readonly created = new Set<string>();

  constructor(options: PgBossQueueOptions) {
    this.db = options.db;
    this.boss = new PgBoss(
      options.databaseUrl
        ? { connectionString: options.databaseUrl, max: 4, ...BOSS_SETTINGS }
        : { db: bossDb(options.db), ...BOSS_SETTINGS },
    );
  }

  /** Installs or migrates pg-boss's schema and creates the queues of `jobs`. */
  async start(jobs: readonly JobDefinition<never>[]): Promise<void> {
    await this.boss.start();
    for (const job of jobs) await this.ensureQueue(job);
  }

  async ensureQueue(job: JobDefinition<never>): Promise<void> {
    if (this.created.has(job.name)) return;
    const options = {
      name: job.name,
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelaySeconds,
      retryBackoff: job.retryBackoff,
      ...(job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : {}),
    };
    // A queue is a partition of pgboss.job: creating one while another process creates or uses
    // queues can deadlock on PostgreSQL. The loser retries; its queue is usually there by then.
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (await this.boss.getQueue(job.name)) await this.boss.updateQueue(job.name, options);
        else await this.boss.createQueue(job.name, options);
        break;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (attempt >= 5 || (code !== "40P01" && code !== "23505")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
      }
    }
    this.created.add(job.name);
  }

  async send<T>(job: JobDefinition<T>, data: T, options: SendOptions = {}): Promise<string | null> {
    const sendOptions: PgBoss.SendOptions = {
      ...(options.trx ? { db: bossDb(options.trx) } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    };
    return this.boss.send(job.name, data as object, sendOptions);
  }

  async retry(queue: string, id: string, options: { trx?: Database } = {}): Promise<boolean> {
    const result = (await this.boss.retry(
      queue,
      id,
      options.trx ? { db: bossDb(options.trx) } : {},
    )) as unknown as { affected?: number } | undefined;
    return (result?.affected ?? 0) > 0;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: true });
  }

  /** The Kysely database pg-boss's queues live in (for staff views of dead jobs). */
  get database(): Database {
    return this.db;
  }
}
