import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/database.ts";
import { eventConsumers } from "../../src/jobs/consumer-registry.ts";
import type { EventConsumer } from "../../src/jobs/consumers.ts";
import { enqueueAll } from "../../src/jobs/outbox.ts";
import { PgBossQueue } from "../../src/jobs/queue.ts";
import type { WorkerContext, Workers } from "../../src/jobs/worker.ts";
import { testContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";
import {
  type AnyJob,
  attemptsOf,
  type ExclusiveContext,
  effectJob,
  effectsOf,
  exclusiveContext,
  startTestWorkers,
  waitFor,
} from "./helpers.ts";

let exclusive: ExclusiveContext;
let ctx: ExclusiveContext["ctx"];
const running: Workers[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  exclusive = await exclusiveContext(await testContext());
  ctx = exclusive.ctx;
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((workers) => workers.stop()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  await exclusive.close();
});

/**
 * A test side of delivery: for each outbox row of its own topic it enqueues the effect job keyed
 * by the row id. The registered consumers run too, so rows of other test files that this
 * dispatcher happens to dispatch still reach their real consumers.
 */
function scenario(worker = "main") {
  const topic = `test.dispatch-${uniqueSuffix()}`;
  const job = effectJob(worker);
  const consumer: EventConsumer & { failuresLeft: number } = {
    name: "test",
    failuresLeft: 0,
    async consume(events, trx, jobContext) {
      for (const event of events.filter((e) => e.topic === topic)) {
        await jobContext.jobs.send(job, { key: `${topic}:${event.id}` }, { trx });
        if (consumer.failuresLeft > 0) {
          consumer.failuresLeft -= 1;
          throw new Error("the process died mid-dispatch");
        }
      }
    },
  };
  return { topic, job, consumer };
}

async function start(
  context: WorkerContext,
  s: ReturnType<typeof scenario>,
  extraJobs: AnyJob[] = [],
): Promise<Workers> {
  const workers = await startTestWorkers(
    { ...context, app: ctx.app },
    [s.job as AnyJob, ...extraJobs],
    {
      dispatch: { consumers: [...eventConsumers, s.consumer] },
    },
  );
  running.push(workers);
  return workers;
}

async function stop(workers: Workers): Promise<void> {
  running.splice(running.indexOf(workers), 1);
  await workers.stop();
}

async function publish(topic: string, count: number): Promise<number[]> {
  await ctx.db.transaction().execute((trx) =>
    enqueueAll(
      trx,
      Array.from({ length: count }, (_, i) => ({ topic, payload: { n: i } })),
    ),
  );
  const rows = await ctx.db
    .selectFrom("outbox")
    .select("id")
    .where("topic", "=", topic)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

async function allHandled(topic: string, ids: number[]): Promise<true | undefined> {
  for (const id of ids) if ((await effectsOf(ctx.db, `${topic}:${id}`)) !== 1) return undefined;
  return true;
}

describe("outbox dispatch", () => {
  it("hands rows committed while no worker ran to their jobs once, across restarts", async () => {
    const s = scenario();
    const ids = await publish(s.topic, 3);
    let workers = await start(ctx, s);
    await waitFor(() => allHandled(s.topic, ids), "the rows' jobs");
    await stop(workers);

    // Restarted twice; a sentinel row published later proves the dispatcher ran again.
    workers = await start(ctx, s);
    await stop(workers);
    const [sentinel = 0] = await publish(s.topic, 1).then((all) => all.slice(3));
    workers = await start(ctx, s);
    await waitFor(() => allHandled(s.topic, [sentinel]), "the sentinel's job");

    for (const id of [...ids, sentinel]) {
      expect(await attemptsOf(ctx.db, `${s.topic}:${id}`)).toHaveLength(1);
    }
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job where name = ${s.job.name}
    `.execute(ctx.db);
    expect(rows[0]?.n).toBe(4);
    const pending = await ctx.db
      .selectFrom("outbox")
      .select("id")
      .where("topic", "=", s.topic)
      .where((eb) => eb.or([eb("delivered_at", "is", null), eb("dispatch_batch", "is", null)]))
      .execute();
    expect(pending).toEqual([]);
  });

  it("redoes a dispatch that died midway without leaving a duplicate job", async () => {
    const s = scenario();
    s.consumer.failuresLeft = 1;
    const ids = await publish(s.topic, 2);
    await start(ctx, s);
    await waitFor(() => allHandled(s.topic, ids), "the rows' jobs");
    expect(s.consumer.failuresLeft).toBe(0);
    for (const id of ids) expect(await attemptsOf(ctx.db, `${s.topic}:${id}`)).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job where name = ${s.job.name}
    `.execute(ctx.db);
    expect(rows[0]?.n).toBe(2);
  });
});

describe.skipIf(!inject("testDatabaseUrl"))("several processes on one PostgreSQL", () => {
  it("share dispatch and jobs without running a job twice", async () => {
    const url = exclusive.url ?? "";
    const other = await openDatabase({ databaseUrl: url, poolSize: 2 });
    const otherJobs = new PgBossQueue({ db: other.db, databaseUrl: url });
    await otherJobs.start([]);
    cleanups.push(async () => {
      await otherJobs.stop();
      await other.close();
    });
    const otherContext: WorkerContext = {
      ...ctx,
      db: other.db,
      jobs: otherJobs,
      notifier: other.notifier,
    };

    const a = scenario("a");
    // The same queue and topic, run by the second set under its own label.
    const b = { ...a, job: { ...effectJob("b", a.job.name) } };
    const slow = (job: typeof a.job) => ({
      ...job,
      async handle(data: { key: string }, jobContext: Parameters<typeof job.handle>[1]) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await job.handle(data, jobContext);
      },
    });
    await start(ctx, { ...a, job: slow(a.job) });
    await start(otherContext, { ...b, job: slow(b.job) });

    const ids = await publish(a.topic, 30);
    await waitFor(() => allHandled(a.topic, ids), "every row's job", 60_000);

    const workersSeen = new Set<string>();
    for (const id of ids) {
      const attempts = await attemptsOf(ctx.db, `${a.topic}:${id}`);
      expect(attempts).toHaveLength(1);
      workersSeen.add(attempts[0]?.worker ?? "");
    }
    expect([...workersSeen].sort()).toEqual(["a", "b"]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job where name = ${a.job.name}
    `.execute(ctx.db);
    expect(rows[0]?.n).toBe(30);
  });
});
