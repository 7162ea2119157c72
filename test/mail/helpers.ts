import { sql } from "kysely";
import type { Config } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import type { JobContext } from "../../src/jobs/jobs.ts";
import { sendMailJob } from "../../src/mail/send-job.ts";
import type { TestContext } from "../helpers/context.ts";

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** The test context as a job handler sees it, with settings overridden. */
export function jobContext(ctx: TestContext, config: Partial<Config> = {}): JobContext {
  return { ...ctx, config: { ...ctx.config, ...config }, log: silent };
}

/** The queued `mail.send` jobs of one mail (pg-boss's table). */
export async function sendJobsOf(db: Database, mailId: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from pgboss.job
    where name = ${sendMailJob.name} and data->>'mailId' = ${mailId}`.execute(db);
  return rows[0]?.count ?? 0;
}
