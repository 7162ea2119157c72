import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { compiledQuery } from "../../src/db/compiled.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createAccount } from "../helpers/factories.ts";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await testContext();
});

describe("compiledQuery", () => {
  it("builds once and runs with each call's own arguments, inside transactions too", async () => {
    const first = await createAccount(ctx.db);
    const second = await createAccount(ctx.db);
    let builds = 0;
    const byIdOrRegion = compiledQuery(2, (db, id: string, region: string) => {
      builds += 1;
      return db
        .selectFrom("accounts")
        .select(["id", "nic_handle"])
        .where((w) => w.or([w("id", "=", id), w("region", "=", region)]))
        .where("id", "!=", sql.lit("00000000-0000-0000-0000-000000000000"))
        .orderBy("nic_handle");
    });

    const one = await byIdOrRegion(ctx.db, first.id, "nowhere");
    const other = await byIdOrRegion(ctx.db, second.id, "nowhere");
    const inTransaction = await ctx.db
      .transaction()
      .execute((trx) => byIdOrRegion(trx, first.id, "nowhere"));

    expect(one).toEqual([{ id: first.id, nic_handle: first.nic }]);
    expect(other).toEqual([{ id: second.id, nic_handle: second.nic }]);
    expect(inTransaction).toEqual(one);
    expect(builds).toBe(1);
  });

  it("refuses more arguments than it has slots for", () => {
    expect(() => compiledQuery(17 as 0, (db) => db.selectFrom("accounts").select("id"))).toThrow(
      /at most 16 arguments/,
    );
  });
});
