import { describe, expect, it } from "vitest";
import { purgeIdempotencyKeys } from "../../src/http/idempotency.ts";
import { testContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";

describe("idempotency key retention", () => {
  it("purges keys older than a day and keeps recent ones", async () => {
    const ctx = await testContext();
    const principal = `user:purge-${uniqueSuffix()}`;
    const row = { principal, method: "POST", path: "/x", request_hash: "h" };
    await ctx.db
      .insertInto("idempotency_keys")
      .values([
        { ...row, key: "old", created_at: new Date(Date.now() - 2 * 86_400_000) },
        { ...row, key: "fresh" },
      ])
      .execute();
    const deleted = await purgeIdempotencyKeys(ctx);
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await ctx.db
      .selectFrom("idempotency_keys")
      .select("key")
      .where("principal", "=", principal)
      .execute();
    expect(left.map((r) => r.key)).toEqual(["fresh"]);
  });
});
