import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTicketNumber } from "../../src/modules/tickets/rules.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createAccount, createService, createUser } from "../helpers/factories.ts";
import { openIncident } from "../helpers/ticket-factories.ts";

// Tickets and their messages get version 7 keys (time first), so new rows land on the right
// edge of their indexes (migration 2026-11-27T0800-time-ordered-ids explains why).
let ctx: TestContext;

/** The Unix time in milliseconds a version 7 UUID starts with. */
const millisOf = (id: string) => Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16);
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeAll(async () => {
  ctx = await testContext();
});

describe("uuid_v7()", () => {
  it("makes distinct version 7, variant 10 UUIDs whose time prefix is now and never goes back", async () => {
    const before = Date.now();
    const { rows } = await sql<{ id: string }>`
      select uuid_v7()::text as id from generate_series(1, 2000)
    `.execute(ctx.db);
    const after = Date.now();
    const ids = rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    const times = ids.map(millisOf);
    // The database's clock and this process's agree within a second on one machine.
    expect(Math.min(...times)).toBeGreaterThanOrEqual(before - 1000);
    expect(Math.max(...times)).toBeLessThanOrEqual(after + 1000);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] as number);
    }
  });
});

describe("a new ticket's keys", () => {
  it("are version 7 for the ticket and its first message, in creation order", async () => {
    const owner = await createUser(ctx.db, await createAccount(ctx.db));
    const service = await createService(ctx.db, { admin: owner.account });
    const first = await openIncident(ctx, owner, service);
    const second = await openIncident(ctx, owner, service);
    const { rows } = await sql<{ id: string; message_id: string }>`
      select t.id::text as id, m.id::text as message_id
      from tickets t join ticket_messages m on m.ticket_id = t.id
      where t.number in (${parseTicketNumber(first.number)}, ${parseTicketNumber(second.number)})
      order by t.number
    `.execute(ctx.db);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.id).toMatch(UUID_V7);
      expect(row.message_id).toMatch(UUID_V7);
    }
    const [older, newer] = rows.map((row) => millisOf(row.id));
    expect(newer).toBeGreaterThanOrEqual(older as number);
  });
});
