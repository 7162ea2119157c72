import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { nextTicketNumber, TICKET_NUMBER_BLOCK } from "../../src/modules/tickets/numbers.ts";
import { type TestContext, testContext } from "../helpers/context.ts";

// Ticket numbers come from the sequence a block at a time (src/modules/tickets/numbers.ts).
let ctx: TestContext;

beforeAll(async () => {
  ctx = await testContext();
});

/** The last number the sequence gave, or the one before its start when it gave none. */
const lastDrawn = async () => {
  const { rows } = await sql<{ n: string }>`
    select case when is_called then last_value else last_value - 1 end as n
    from ticket_number_seq
  `.execute(ctx.db);
  return Number(rows[0]?.n);
};

describe("ticket numbers", () => {
  it("hands out unique increasing numbers to concurrent callers, a round trip per block", async () => {
    // A root of its own starts with an empty block, whatever other tests drew, and counts the
    // queries sent through it.
    let queries = 0;
    const root = ctx.db.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const before = await lastDrawn();
    const count = 2 * TICKET_NUMBER_BLOCK + 5;
    const numbers = await Promise.all(
      Array.from({ length: count }, () => nextTicketNumber(root, root)),
    );
    expect(new Set(numbers).size).toBe(count);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(Math.min(...numbers)).toBeGreaterThan(before);
    expect(queries).toBe(3);
  });

  it("lets the others draw again when a draw fails in its caller's broken transaction", async () => {
    const root = ctx.db.withoutPlugins();
    const trx = await ctx.db.startTransaction().execute();
    await expect(sql`select * from no_such_table`.execute(trx)).rejects.toThrow();
    const failing = nextTicketNumber(trx, root);
    const waiting = nextTicketNumber(root, root);
    await expect(failing).rejects.toThrow(/aborted/);
    // PGlite has one connection, which the broken transaction holds until it ends.
    await trx.rollback().execute();
    const number = await waiting;
    expect(number).toBeGreaterThan(0);
    expect(await nextTicketNumber(root, root)).toBe(number + 1);
  });
});
