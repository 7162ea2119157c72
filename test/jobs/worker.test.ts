import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { bossDb } from "../../src/jobs/queue.ts";
import { jobDefinitions } from "../../src/jobs/registry.ts";
import { startWorkers, type Workers } from "../../src/jobs/worker.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";
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
const running: Workers[] = [];

beforeAll(async () => {
  ctx = await testContext();
  await createEffectTables(ctx.db);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((workers) => workers.stop()));
});

async function start(definitions: AnyJob[]): Promise<Workers> {
  // Dispatch is another file's subject: these workers only run jobs.
  const workers = await startTestWorkers(ctx, definitions, { dispatch: false });
  running.push(workers);
  return workers;
}

describe("job workers", () => {
  it("run a queued job and mark it completed", async () => {
    const job = effectJob();
    await start([job as AnyJob]);
    const key = uniqueSuffix();
    const id = await ctx.jobs.send(job, { key });
    expect(id).toBeTruthy();
    await waitFor(
      async () => ((await jobRow(ctx.db, id ?? ""))?.state === "completed" ? true : undefined),
      "completion",
    );
    expect(await effectsOf(ctx.db, key)).toBe(1);
    expect(await attemptsOf(ctx.db, key)).toHaveLength(1);
  });

  it("retry a job that crashed mid-run after a backoff delay, its effect applied once", async () => {
    const job = effectJob();
    await start([job as AnyJob]);
    const key = uniqueSuffix();
    const id = (await ctx.jobs.send(job, { key, crashes: 1 })) ?? "";
    const done = await waitFor(async () => {
      const row = await jobRow(ctx.db, id);
      return row?.state === "completed" ? row : undefined;
    }, "the retried job");
    expect(done.retry_count).toBe(1);
    const attempts = await attemptsOf(ctx.db, key);
    expect(attempts).toHaveLength(2);
    // The queue's first retry waits at least retryDelaySeconds (1 s).
    const [first, second] = attempts;
    expect((second?.at.getTime() ?? 0) - (first?.at.getTime() ?? 0)).toBeGreaterThanOrEqual(900);
    expect(await effectsOf(ctx.db, key)).toBe(1);
  });

  it("mark a job failed with its last error once its retries are spent", async () => {
    const job = { ...effectJob(), retryLimit: 0 };
    await start([job as AnyJob]);
    const key = uniqueSuffix();
    const id = (await ctx.jobs.send(job, { key, crashes: 5 })) ?? "";
    const failed = await waitFor(async () => {
      const row = await jobRow(ctx.db, id);
      return row?.state === "failed" ? row : undefined;
    }, "the dead job");
    expect(failed.output).toMatchObject({ message: "crash on attempt 1" });
    expect(await attemptsOf(ctx.db, key)).toHaveLength(1);
  });

  it("run as many jobs of one type at once as its definition's concurrency", async () => {
    // Each run waits for the other to start: only two runs at once let both finish first time.
    let started = 0;
    let release: () => void = () => {};
    const bothStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    const base = effectJob();
    const job = {
      ...base,
      concurrency: 2,
      async handle(data: { key: string }, jobContext: Parameters<typeof base.handle>[1]) {
        started += 1;
        if (started === 2) release();
        const timeout = new Promise((_, reject) =>
          setTimeout(() => reject(new Error("ran alone")), 10_000),
        );
        await Promise.race([bothStarted, timeout]);
        await base.handle(data, jobContext);
      },
    };
    await start([job as AnyJob]);
    const keys = [uniqueSuffix(), uniqueSuffix()];
    const ids = await Promise.all(keys.map((key) => ctx.jobs.send(job, { key })));
    for (const id of ids) {
      await waitFor(
        async () => ((await jobRow(ctx.db, id ?? ""))?.state === "completed" ? true : undefined),
        "both jobs",
      );
    }
    for (const key of keys) expect(await attemptsOf(ctx.db, key)).toHaveLength(1);
  });

  it("refuse to start while jobs of a type without handler wait", async () => {
    const orphan = effectJob();
    await ctx.jobs.ensureQueue(orphan as AnyJob);
    // The orphan job lives only inside this transaction, so workers of other test files on the
    // same database never see it.
    const rolledBack = new Error("rollback");
    const outcome = ctx.db.transaction().execute(async (trx) => {
      await ctx.jobs.boss.send(orphan.name, { key: "x" }, { db: bossDb(trx) });
      await expect(startWorkers({ ...ctx, db: trx }, ctx.app.log, jobDefinitions)).rejects.toThrow(
        new RegExp(`no handler for: ${orphan.name.replace(".", "\\.")} \\(1\\)`),
      );
      throw rolledBack;
    });
    await expect(outcome).rejects.toBe(rolledBack);
  });
});
