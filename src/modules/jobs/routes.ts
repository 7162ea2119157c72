import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { Page } from "../../http/pagination.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { Job, JobParams, JobsQuery } from "./schemas.ts";
import { readJob, readJobs, retryJob } from "./service.ts";

const tags = ["jobs"];

/** Staff admins' view of the job queue: dead jobs with their last error, and retrying them. */
export async function jobRoutes(app: App, ctx: AppContext): Promise<void> {
  app.addSchema(Job);

  app.get(
    "/admin/jobs",
    {
      schema: {
        tags,
        summary: "Jobs by state, newest first: dead (failed) ones by default (staff admins)",
        description:
          "Mail sending, webhook deliveries and inbound mail processing run as jobs, retried " +
          "with exponential backoff. A job whose attempts are spent is failed (dead) and waits " +
          "here with its last error until retried or, after 14 days, archived.",
        security: securityRequirements,
        querystring: JobsQuery,
        response: withProblems({ 200: Page(Type.Ref("Job")) }),
      },
    },
    async (request) => readJobs(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/admin/jobs/:queue/:id",
    {
      schema: {
        tags,
        summary: "One job with its data and last error (staff admins)",
        security: securityRequirements,
        params: JobParams,
        response: withProblems({ 200: Type.Ref("Job") }),
      },
    },
    async (request) => readJob(ctx, requirePrincipal(request.principal), request.params),
  );

  app.post(
    "/admin/jobs/:queue/:id/retry",
    {
      schema: {
        tags,
        summary: "Give a dead job one more attempt (staff admins)",
        description: "409 job_not_failed unless the job is failed. The retry is audited.",
        security: securityRequirements,
        params: JobParams,
        response: withProblems({ 200: Type.Ref("Job") }),
      },
    },
    async (request) => retryJob(ctx, actorOf(request), request.params),
  );
}
