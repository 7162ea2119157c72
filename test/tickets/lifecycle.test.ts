import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { periodicTasks } from "../../src/jobs/scheduler.ts";
import { closeSolvedTickets } from "../../src/modules/tickets/status.ts";
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
import {
  days,
  get,
  messageKinds,
  openIncident,
  post,
  postOk,
  ticketRow,
} from "../helpers/ticket-factories.ts";

let ctx: TestContext;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
});

afterEach(() => ctx.clock.reset());

async function solved(): Promise<string> {
  const ticket = await openIncident(ctx, customer, service);
  await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
    body: "Fixed: the host was replaced.",
    status: "solved",
  });
  return ticket.number;
}

const status = async (number: string) =>
  (await get(ctx, customer, `/tickets/${number}`)).json().status;

describe("statuses set by staff", () => {
  it("moves through the states and records each change as a system message", async () => {
    const ticket = await openIncident(ctx, customer, service);
    for (const next of ["waiting-for-customer", "on-hold", "waiting-for-provider", "solved"]) {
      const body = await postOk(
        ctx,
        agent,
        `/tickets/${ticket.number}/status`,
        { status: next },
        200,
      );
      expect(body.status).toBe(next);
    }
    const row = await ticketRow(ctx.db, ticket.number);
    expect(row.solved_at).not.toBeNull();
    const messages = (await get(ctx, customer, `/tickets/${ticket.number}/messages`)).json();
    const system = messages.items.filter((m: { kind: string }) => m.kind === "system");
    expect(system.map((m: { body: string }) => m.body)).toEqual([
      "Status changed from open to waiting for customer.",
      "Status changed from waiting for customer to on hold.",
      "Status changed from on hold to waiting for provider.",
      "Status changed from waiting for provider to solved.",
    ]);
    expect(system[0].author).toEqual({ kind: "system" });
  });

  it("writes system messages in the ticket's language", async () => {
    const ticket = await openIncident(ctx, customer, service, { language: "fr" });
    await postOk(ctx, agent, `/tickets/${ticket.number}/status`, { status: "on-hold" }, 200);
    const row = await ticketRow(ctx.db, ticket.number);
    const kinds = await messageKinds(ctx.db, row.id);
    expect(kinds.at(-1)).toEqual({ kind: "system", body: "Statut modifié : ouvert → en pause." });
  });

  it("refuses statuses customers or the schema do not allow", async () => {
    const ticket = await openIncident(ctx, customer, service);
    const url = `/tickets/${ticket.number}/status`;
    expect((await post(ctx, customer, url, { status: "solved" })).statusCode).toBe(403);
    const closed = await post(ctx, agent, url, { status: "closed" });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors[0].field).toBe("status");
    const withStatus = await post(ctx, customer, `/tickets/${ticket.number}/messages`, {
      body: "done",
      status: "solved",
    });
    expect(withStatus.statusCode).toBe(400);
    expect(withStatus.json().errors[0].field).toBe("status");
  });
});

describe("customer replies", () => {
  it("brings a ticket waiting for the customer back to the provider", async () => {
    const ticket = await openIncident(ctx, customer, service);
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "Which kernel?",
      status: "waiting-for-customer",
    });
    await postOk(ctx, customer, `/tickets/${ticket.number}/messages`, { body: "6.1" });
    expect(await status(ticket.number)).toBe("waiting-for-provider");
  });

  it("reopens a solved ticket", async () => {
    const number = await solved();
    await postOk(ctx, customer, `/tickets/${number}/messages`, { body: "It failed again." });
    const ticket = (await get(ctx, customer, `/tickets/${number}`)).json();
    expect(ticket).toMatchObject({
      status: "waiting-for-provider",
      reopenedCount: 1,
      solvedAt: null,
    });
    expect(ticket.sla.clock).toBe("next-response");
  });

  it("is refused on a closed ticket with 409 until it is reopened", async () => {
    const number = await solved();
    await postOk(ctx, customer, `/tickets/${number}/close`, undefined, 200);
    const res = await post(ctx, customer, `/tickets/${number}/messages`, { body: "Hello?" });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("ticket_closed");
    expect((await post(ctx, agent, `/tickets/${number}/messages`, { body: "Hi" })).statusCode).toBe(
      409,
    );
  });
});

describe("close and reopen", () => {
  it("lets the customer close, then reopen within 30 days", async () => {
    const number = await solved();
    const closed = await postOk(ctx, customer, `/tickets/${number}/close`, undefined, 200);
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).not.toBeNull();
    expect((await post(ctx, customer, `/tickets/${number}/close`)).statusCode).toBe(409);

    ctx.clock.advance(days(29));
    const reopened = await postOk(ctx, customer, `/tickets/${number}/reopen`, undefined, 200);
    expect(reopened).toMatchObject({
      status: "waiting-for-provider",
      reopenedCount: 1,
      closedAt: null,
      solvedAt: null,
    });
    expect(reopened.sla.clock).toBe("next-response");
    expect(reopened.sla.dueAt).not.toBeNull();
    const row = await ticketRow(ctx.db, number);
    const kinds = await messageKinds(ctx.db, row.id);
    expect(kinds.slice(-2)).toEqual([
      { kind: "system", body: "Closed by the customer." },
      { kind: "system", body: "Reopened by the customer." },
    ]);
  });

  it("refuses to reopen after 30 days with a clear 409", async () => {
    const number = await solved();
    ctx.clock.advance(days(31));
    const res = await post(ctx, customer, `/tickets/${number}/reopen`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("reopen_window_passed");
    expect(res.json().detail).toMatch(/within 30 days/);
    expect(res.json().detail).toContain(number);
  });

  it("refuses to reopen a ticket that is not solved or closed, and staff reopening", async () => {
    const ticket = await openIncident(ctx, customer, service);
    expect((await post(ctx, customer, `/tickets/${ticket.number}/reopen`)).statusCode).toBe(409);
    const number = await solved();
    expect((await post(ctx, agent, `/tickets/${number}/reopen`)).statusCode).toBe(403);
    expect((await post(ctx, agent, `/tickets/${number}/close`)).statusCode).toBe(403);
  });
});

describe("automatic closing of solved tickets", () => {
  it("closes tickets solved more than 7 days ago without a reply, and no others", async () => {
    const quiet = await solved();
    const answered = await solved();
    const open = (await openIncident(ctx, customer, service)).number;
    ctx.clock.advance(days(3));
    // A reply reopens the second one, so it is no longer solved.
    await postOk(ctx, customer, `/tickets/${answered}/messages`, { body: "Not quite." });

    ctx.clock.advance(days(3));
    await closeSolvedTickets(ctx.db, ctx.clock);
    expect(await status(quiet)).toBe("solved");

    ctx.clock.advance(days(1) + 60_000);
    expect(await closeSolvedTickets(ctx.db, ctx.clock)).toBeGreaterThanOrEqual(1);
    expect(await status(quiet)).toBe("closed");
    expect(await status(answered)).toBe("waiting-for-provider");
    expect(await status(open)).toBe("open");
    const row = await ticketRow(ctx.db, quiet);
    expect(row.closed_at).not.toBeNull();
    const kinds = await messageKinds(ctx.db, row.id);
    expect(kinds.at(-1)).toEqual({
      kind: "system",
      body: "Closed automatically 7 days after being solved, without a reply.",
    });
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_kind"])
      .where("subject_id", "=", row.id)
      .where("action", "=", "ticket.auto_closed")
      .execute();
    expect(audit[0]).toEqual({ action: "ticket.auto_closed", actor_kind: "system" });
    // Still reopenable within 30 days of the solution.
    await postOk(ctx, customer, `/tickets/${quiet}/reopen`, undefined, 200);
  });

  it("is a registered periodic task", () => {
    expect(periodicTasks.map((t) => t.name)).toEqual(
      expect.arrayContaining(["tickets.close-solved", "attachments.purge-pending"]),
    );
  });
});
