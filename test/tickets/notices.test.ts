import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { openIncident, postOk } from "../helpers/ticket-factories.ts";

// What a customer's message writes to the outbox: every row of one change shares one event id
// (global webhooks and staff streams receive it once), and a change no one is told about still
// exists as an event.
let ctx: TestContext;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;
let partner: TestUser;
let managed: TestService;

beforeAll(async () => {
  ctx = await testContext();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
  partner = await createUser(ctx.db, await createAccount(ctx.db));
  managed = await createService(ctx.db, { admin: customer.account, tech: partner.account });
});

async function replyRows(assignee: string | null, on: TestService = service) {
  const ticket = await openIncident(ctx, customer, on);
  const row = await ctx.db
    .updateTable("tickets")
    .set({ assigned_staff_id: assignee })
    .where("number", "=", Number(ticket.number.replace(/\D/g, "")))
    .returning("id")
    .executeTakeFirstOrThrow();
  await postOk(ctx, customer, `/tickets/${ticket.number}/messages`, { body: "Any news?" });
  return ctx.db
    .selectFrom("outbox")
    .select(["event_id", "topic", "recipient_account_id", "recipient_staff_id"])
    .where(({ eb }) => eb(eb.ref("payload", "->>").key("ticketId" as never), "=", row.id))
    .where("topic", "in", ["ticket.message", "ticket.customer_replied"])
    .execute();
}

describe("notices of a customer's message", () => {
  it("tell the other accounts and the assignee in one event", async () => {
    const rows = await replyRows(agent.id, managed);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          topic: "ticket.message",
          recipient_account_id: partner.account.id,
        }),
        expect.objectContaining({ topic: "ticket.customer_replied", recipient_staff_id: agent.id }),
      ]),
    );
    expect(rows[0]?.event_id).toBe(rows[1]?.event_id);
  });

  it("still make one event, without recipient, when no one else is concerned", async () => {
    const rows = await replyRows(null);
    expect(rows).toEqual([
      {
        event_id: expect.any(String),
        topic: "ticket.message",
        recipient_account_id: null,
        recipient_staff_id: null,
      },
    ]);
  });
});
