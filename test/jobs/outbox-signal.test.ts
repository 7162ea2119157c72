import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/db/transaction.ts";
import { eventConsumers } from "../../src/jobs/consumer-registry.ts";
import type { EventConsumer } from "../../src/jobs/consumers.ts";
import { type Dispatcher, startDispatcher } from "../../src/jobs/dispatcher.ts";
import type { JobContext } from "../../src/jobs/jobs.ts";
import { enqueue } from "../../src/jobs/outbox.ts";
import { testContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";
import { type ExclusiveContext, exclusiveContext, waitFor } from "./helpers.ts";

// Commands announce their outbox rows after commit (src/db/outbox-signal.ts); the dispatchers
// here poll once a minute, so a row reaching one within seconds was announced.
const POLL_MS = 60_000;

let exclusive: ExclusiveContext;
let dispatcher: Dispatcher | null = null;
const silent = { info() {}, warn() {}, error() {}, debug() {} } as unknown as JobContext["log"];

beforeAll(async () => {
  exclusive = await exclusiveContext(await testContext());
});

afterEach(async () => {
  await dispatcher?.stop();
  dispatcher = null;
});

afterAll(async () => {
  await exclusive.close();
});

/** A consumer that remembers the ids of the rows of its own topic it was handed. */
function recorder() {
  const topic = `test.signal-${uniqueSuffix()}`;
  const seen: number[] = [];
  const consumer: EventConsumer = {
    name: "test-recorder",
    async consume(events) {
      for (const event of events) if (event.topic === topic) seen.push(event.id);
    },
  };
  return { topic, seen, consumer };
}

/** Lets a new dispatcher's first round (over rows left by earlier files) end: then only an
 * announcement or the poll can wake it. */
const idle = () => new Promise((resolve) => setTimeout(resolve, 500));

async function commitRow(topic: string): Promise<void> {
  const { ctx } = exclusive;
  await inTransaction(ctx.db, (trx) => enqueue(trx, { topic, payload: { at: Date.now() } }));
}

describe("announcing outbox rows after commit", () => {
  it("wakes the dispatcher of this process without waiting for its poll", async () => {
    const { ctx } = exclusive;
    const rec = recorder();
    const jobContext: JobContext = { ...ctx, log: silent };
    dispatcher = await startDispatcher(jobContext, {
      consumers: [...eventConsumers, rec.consumer],
      pollIntervalMs: POLL_MS,
    });
    await idle();
    await commitRow(rec.topic);
    await waitFor(async () => (rec.seen.length === 1 ? true : undefined), "the dispatch", 5_000);
    await commitRow(rec.topic);
    await waitFor(async () => (rec.seen.length === 2 ? true : undefined), "the dispatch", 5_000);
    expect(new Set(rec.seen).size).toBe(2);
  });

  it("reaches a dispatcher of another process through a notification", async () => {
    const { ctx } = exclusive;
    const rec = recorder();
    // Another Kysely instance on the same pool: to the signal, a dispatcher somewhere else.
    const elsewhere: JobContext = { ...ctx, db: ctx.db.withoutPlugins(), log: silent };
    dispatcher = await startDispatcher(elsewhere, {
      consumers: [...eventConsumers, rec.consumer],
      pollIntervalMs: POLL_MS,
    });
    await idle();
    for (let i = 0; i < 3; i++) await commitRow(rec.topic);
    await waitFor(async () => (rec.seen.length === 3 ? true : undefined), "the dispatch", 5_000);
    expect(new Set(rec.seen).size).toBe(3);
  });
});
