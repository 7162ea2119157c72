import type { AppContext } from "../../http/context.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { recordAudit } from "../audit/recorder.ts";
import { assertCanManageJobs } from "./policy.ts";
import { presentJob } from "./presenter.ts";
import { findJob, type JobFilter, listJobs } from "./repository.ts";
import type { JobParams, JobsQuery } from "./schemas.ts";

type PresentedJob = ReturnType<typeof presentJob>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One page of jobs in a state (dead ones by default), newest first. */
export async function readJobs(
  ctx: AppContext,
  principal: Principal,
  query: JobsQuery,
): Promise<PageOf<PresentedJob>> {
  assertCanManageJobs(principal);
  const limit = query.limit ?? 25;
  const cursor = decodeCursor(query.cursor, 2);
  let before: JobFilter["before"];
  if (cursor) {
    const [at, id] = cursor;
    const createdAt = new Date(typeof at === "string" ? at : Number.NaN);
    if (Number.isNaN(createdAt.getTime()) || typeof id !== "string" || !UUID.test(id)) {
      throw new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
        { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
      ]);
    }
    before = { createdAt, id };
  }
  const rows = await listJobs(ctx.db, {
    state: query.state ?? "failed",
    limit,
    ...(query.queue === undefined ? {} : { queue: query.queue }),
    ...(before === undefined ? {} : { before }),
  });
  return toPage(rows, limit, (row) => [row.created_on.toISOString(), row.id], presentJob);
}

export async function readJob(
  ctx: AppContext,
  principal: Principal,
  params: JobParams,
): Promise<PresentedJob> {
  assertCanManageJobs(principal);
  const row = await findJob(ctx.db, params.queue, params.id);
  if (!row) throw notFound("Job");
  return presentJob(row);
}

/**
 * Gives a dead job one more attempt (pg-boss raises its retry limit by one), audited. Only a
 * failed job: one still waiting or running will be attempted anyway.
 */
export async function retryJob(
  ctx: AppContext,
  actor: Actor,
  params: JobParams,
): Promise<PresentedJob> {
  assertCanManageJobs(actor.principal);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const job = await findJob(trx, params.queue, params.id, { forUpdate: true });
    if (!job) throw notFound("Job");
    if (job.state !== "failed" || !(await ctx.jobs.retry(job.name, job.id, { trx }))) {
      throw new AppError(
        "job_not_failed",
        `Only a failed job can be retried; this one is ${job.state}`,
        [],
        { state: job.state },
      );
    }
    await recordAudit(trx, actor, {
      action: "job.retried",
      subjectKind: "job",
      subjectId: job.id,
      accountId: null,
      details: { queue: job.name, lastRetryCount: job.retry_count },
    });
    return findJob(trx, params.queue, params.id);
  });
  if (!row) throw notFound("Job");
  return presentJob(row);
}
