import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueAll } from "../../src/jobs/outbox.ts";
import { purgeDeliveryRecords, RETENTION_DAYS } from "../../src/jobs/retention.ts";
import { ManualClock } from "../../src/lib/clock.ts";
import { type TestContext, testContext } from "../helpers/context.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

/** Writes a notice marked dispatched `ageDays` ago; returns its ticket marker. */
async function dispatchedNotice(ageDays: number): Promise<string> {
  const marker = randomUUID();
  await ctx.db
    .transaction()
    .execute((trx) => enqueueAll(trx, [{ topic: "test.retention", payload: { marker } }]));
  await sql`
    update outbox set delivered_at = now() - make_interval(days => ${ageDays})
    where payload->>'marker' = ${marker}
  `.execute(ctx.db);
  return marker;
}

const kept = async (marker: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from outbox where payload->>'marker' = ${marker}`.execute(ctx.db)
  ).rows[0]?.n;

describe("delivery record retention", () => {
  it("deletes dispatched notices past their retention and keeps recent and pending ones", async () => {
    const old = await dispatchedNotice(RETENTION_DAYS.outbox + 1);
    const recent = await dispatchedNotice(RETENTION_DAYS.outbox - 1);
    const pending = randomUUID();
    await ctx.db
      .transaction()
      .execute((trx) =>
        enqueueAll(trx, [{ topic: "test.retention", payload: { marker: pending } }]),
      );

    const purged = await purgeDeliveryRecords(ctx.db, new ManualClock(new Date()));
    expect(purged.outbox).toBeGreaterThanOrEqual(1);
    expect(await kept(old)).toBe(0);
    expect(await kept(recent)).toBe(1);
    expect(await kept(pending)).toBe(1);
    await sql`delete from outbox where payload->>'marker' = ${pending}`.execute(ctx.db);
  });
});
