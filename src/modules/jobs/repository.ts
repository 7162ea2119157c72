import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import { JOB_SCHEMA } from "../../jobs/queue.ts";
import type { ListedJobState } from "./schemas.ts";

/** A pg-boss job row, as Palier reads it (pg-boss owns the table). */
export interface JobRow {
  id: string;
  name: string;
  state: string;
  data: unknown;
  retry_count: number;
  retry_limit: number;
  output: unknown;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

const jobTable = sql.table(`${JOB_SCHEMA}.job`);
const columns = sql`id::text as id, name, state::text as state, data, retry_count, retry_limit,
  output, created_on, start_after, started_on, completed_on`;

export interface JobFilter {
  state: ListedJobState;
  queue?: string;
  limit: number;
  /** Newest first: rows created before this key. */
  before?: { createdAt: Date; id: string };
}

/** One page of jobs in a state (limit + 1 rows, for the next cursor), newest first. */
export async function listJobs(db: Database, filter: JobFilter): Promise<JobRow[]> {
  const { rows } = await sql<JobRow>`
    select ${columns} from ${jobTable}
    where state = ${filter.state}::${sql.raw(JOB_SCHEMA)}.job_state
      ${filter.queue === undefined ? sql`` : sql`and name = ${filter.queue}`}
      ${
        filter.before === undefined
          ? sql``
          : sql`and (created_on, id) < (${filter.before.createdAt}, ${filter.before.id}::uuid)`
      }
    order by created_on desc, id desc
    limit ${filter.limit + 1}
  `.execute(db);
  return rows;
}

export async function findJob(
  db: Database,
  queue: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<JobRow | undefined> {
  const { rows } = await sql<JobRow>`
    select ${columns} from ${jobTable} where name = ${queue} and id = ${id}::uuid
    ${options.forUpdate ? sql`for update` : sql``}
  `.execute(db);
  return rows[0];
}
