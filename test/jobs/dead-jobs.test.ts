import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workers } from "../../src/jobs/worker.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createCustomer,
  createStaff,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { get, post } from "../helpers/ticket-factories.ts";
import {
  type AnyJob,
  attemptsOf,
  createEffectTables,
  effectJob,
  effectsOf,
  jobRow,
  startTestWorkers,
  waitFor,
} from "./helpers.ts";

let ctx: TestContext;
let workers: Workers;
let admin: TestStaff;
let agent: TestStaff;
let customer: TestUser;
// Dies on its first attempt (no retry left), succeeds once an admin retries it.
const job = { ...effectJob(), retryLimit: 0 };

beforeAll(async () => {
  ctx = await testContext();
  await createEffectTables(ctx.db);
  admin = await createStaff(ctx.db, { role: "admin" });
  agent = await createStaff(ctx.db, { role: "lead" });
  customer = await createCustomer(ctx.db);
  workers = await startTestWorkers(ctx, [job as AnyJob], { dispatch: false });
});

afterAll(async () => {
  await workers?.stop();
});

async function deadJob(key: string, extra: Record<string, unknown> = {}): Promise<string> {
  const id = (await ctx.jobs.send(job, { key, crashes: 1, ...extra })) ?? "";
  await waitFor(
    async () => ((await jobRow(ctx.db, id))?.state === "failed" ? true : undefined),
    "death",
  );
  return id;
}

describe("dead jobs", () => {
  it("are listed for staff admins with their last error, secrets hidden", async () => {
    const key = `dead-${Date.now()}`;
    const id = await deadJob(key, { token: "one-time", nested: { link: "https://x", keep: 1 } });
    const page = await get(ctx, admin, `/admin/jobs?queue=${job.name}`);
    expect(page.statusCode, page.body).toBe(200);
    const listed = page.json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id,
      queue: job.name,
      state: "failed",
      retryCount: 0,
      retryLimit: 0,
      lastError: "crash on attempt 1",
      data: { key, token: "[redacted]", nested: { link: "[redacted]", keep: 1 } },
      startedAt: expect.any(String),
      completedAt: expect.any(String),
    });
    expect(JSON.stringify(page.json())).not.toContain("one-time");

    const one = await get(ctx, admin, `/admin/jobs/${job.name}/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(listed[0]);
    const none = await get(ctx, admin, `/admin/jobs?queue=${job.name}&state=created`);
    expect(none.json().items).toEqual([]);
  });

  it("run again once an admin retries them, and only then", async () => {
    const key = `retried-${Date.now()}`;
    const id = await deadJob(key);
    const retried = await post(ctx, admin, `/admin/jobs/${job.name}/${id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ id, state: "retry", retryLimit: 1 });
    await waitFor(
      async () => ((await jobRow(ctx.db, id))?.state === "completed" ? true : undefined),
      "the retried job",
    );
    expect(await attemptsOf(ctx.db, key)).toHaveLength(2);
    expect(await effectsOf(ctx.db, key)).toBe(1);

    const again = await post(ctx, admin, `/admin/jobs/${job.name}/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "job_not_failed" });
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("subject_id", "=", id)
      .execute();
    expect(audit).toEqual([{ action: "job.retried", actor_id: admin.id }]);
  });

  it("are for staff admins only, with problem+json for bad input", async () => {
    const id = await deadJob(`guarded-${Date.now()}`);
    for (const caller of [agent, customer]) {
      expect((await get(ctx, caller, `/admin/jobs?queue=${job.name}`)).statusCode).toBe(403);
      expect((await get(ctx, caller, `/admin/jobs/${job.name}/${id}`)).statusCode).toBe(403);
      const retry = await post(ctx, caller, `/admin/jobs/${job.name}/${id}/retry`);
      expect(retry.statusCode).toBe(403);
      expect(retry.json().code).toBe("forbidden");
    }
    expect((await jobRow(ctx.db, id))?.state).toBe("failed");

    const missing = await post(
      ctx,
      admin,
      `/admin/jobs/${job.name}/00000000-0000-4000-8000-000000000000/retry`,
    );
    expect(missing.statusCode).toBe(404);
    const badId = await get(ctx, admin, `/admin/jobs/${job.name}/nope`);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].field).toBe("id");
    const badState = await get(ctx, admin, "/admin/jobs?state=dead");
    expect(badState.statusCode).toBe(400);
    expect(badState.json().errors[0].field).toBe("state");
    const badCursor = await get(ctx, admin, "/admin/jobs?cursor=xyz");
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().code).toBe("invalid_cursor");
  });

  it("page without gaps or repeats", async () => {
    const ids = [
      await deadJob(`p1-${Date.now()}`),
      await deadJob(`p2-${Date.now()}`),
      await deadJob(`p3-${Date.now()}`),
    ];
    const seen: string[] = [];
    let url = `/admin/jobs?queue=${job.name}&limit=2`;
    for (;;) {
      const page = (await get(ctx, admin, url)).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      if (!page.nextCursor) break;
      url = `/admin/jobs?queue=${job.name}&limit=2&cursor=${page.nextCursor}`;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(ids));
  });
});
