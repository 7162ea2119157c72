import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processInboundMessage } from "../../src/modules/inbound-mail/process.ts";
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
import { openIncident, postOk, ticketRow } from "../helpers/ticket-factories.ts";
import {
  inbound,
  jobContext,
  MailRig,
  mailsTo,
  messagesOf,
  replyTo,
  SUPPORT,
  ticketMessage,
} from "./helpers.ts";

let ctx: TestContext;
let rig: MailRig;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  rig = await new MailRig(ctx).start();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
});

afterAll(() => rig.stop());

/** A ticket the customer opened, answered by the agent and waiting for the customer. */
async function waitingTicket() {
  const ticket = await openIncident(ctx, customer, service);
  await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
    body: "Please send us the output of `ip addr`.",
    status: "waiting-for-customer",
  });
  return { number: ticket.number as string, id: (await ticketRow(ctx.db, ticket.number)).id };
}

const QUOTED =
  "Here it is: eth0 is DOWN.\n\nOn Wed, Dec 2, 2026 at 10:00 AM Palier Support <support@palier.localhost> wrote:\n> Please send us the output of `ip addr`.\n";

describe("replies threaded into their ticket", () => {
  it("through the signed reply address, as a customer reply that resumes the clock", async () => {
    const ticket = await waitingTicket();
    const row = await rig.deliver({
      from: customer.email,
      to: replyTo(ctx, ticket.id),
      subject: `Re: [${ticket.number}] Server unreachable`,
      text: QUOTED,
    });
    expect(row.status).toBe("processed");
    expect(row.outcome).toBe("ticket-reply");
    expect(row.ticket_id).toBe(ticket.id);
    expect(row.outcome_details).toMatchObject({ via: "reply-address", ticket: ticket.number });

    const message = await ticketMessage(ctx.db, row.ticket_message_id);
    expect(message.ticket_id).toBe(ticket.id);
    expect(message.kind).toBe("customer");
    expect(message.author_user_id).toBe(customer.id);
    expect(message.body).toBe("Here it is: eth0 is DOWN.");
    // The customer's own reply rules: the provider's turn again.
    expect((await ticketRow(ctx.db, ticket.number)).status).toBe("waiting-for-provider");
  });

  it("through In-Reply-To naming one of our notifications", async () => {
    const ticket = await waitingTicket();
    const row = await rig.deliver({
      from: customer.email,
      to: SUPPORT,
      subject: "Re: your answer",
      text: "Done, it works now.",
      inReplyTo: `<t-${ticket.id}.42@palier.localhost>`,
    });
    expect(row.outcome).toBe("ticket-reply");
    expect(row.ticket_id).toBe(ticket.id);
    expect(row.outcome_details).toMatchObject({ via: "in-reply-to" });
    expect((await ticketMessage(ctx.db, row.ticket_message_id)).body).toBe("Done, it works now.");
  });

  it("through References when In-Reply-To names a message of another system", async () => {
    const ticket = await waitingTicket();
    const row = await rig.deliver({
      from: customer.email,
      to: SUPPORT,
      subject: "Re: Re: your answer",
      text: "Still there.",
      inReplyTo: "<abc@mail.elsewhere.test>",
      references: [`<t-${ticket.id}@palier.localhost>`, "<abc@mail.elsewhere.test>"],
    });
    expect(row.ticket_id).toBe(ticket.id);
    expect(row.outcome_details).toMatchObject({ via: "references" });
  });

  it("reopens a solved ticket, as a customer reply through the API does", async () => {
    const ticket = await waitingTicket();
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "Solved on our side.",
      status: "solved",
    });
    await rig.deliver({ from: customer.email, to: replyTo(ctx, ticket.id), text: "Not for me!" });
    const stored = await ticketRow(ctx.db, ticket.number);
    expect(stored.status).toBe("waiting-for-provider");
    expect(stored.reopened_count).toBe(1);
  });

  it("refuses a sender not allowed on the ticket: nothing added, one polite answer", async () => {
    const ticket = await waitingTicket();
    const outsider = await createUser(ctx.db, await createAccount(ctx.db));
    const before = (await messagesOf(ctx.db, ticket.id)).length;
    const row = await rig.deliver({
      from: outsider.email,
      to: replyTo(ctx, ticket.id),
      subject: "Re: hello",
      text: "Let me in",
    });
    expect(row.status).toBe("ignored");
    expect(row.outcome).toBe("not-allowed");
    expect(row.ticket_id).toBeNull();
    expect((await messagesOf(ctx.db, ticket.id)).length).toBe(before);
    const answers = await mailsTo(ctx.db, outsider.email);
    expect(answers).toHaveLength(1);
    // The answer does not reveal the ticket's number to someone who may not know it.
    expect(answers[0]?.text_body).not.toContain(ticket.number);
  });

  it("refuses a reply to a closed ticket and says how to reopen it", async () => {
    const ticket = await waitingTicket();
    await postOk(ctx, customer, `/tickets/${ticket.number}/close`, undefined, 200);
    const writer = await createUser(ctx.db, customer.account);
    const row = await rig.deliver({
      from: writer.email,
      to: replyTo(ctx, ticket.id),
      subject: "Re: closed",
      text: "One more thing",
    });
    expect(row.outcome).toBe("ticket-closed");
    const [answer] = await mailsTo(ctx.db, writer.email);
    expect(answer?.text_body).toContain(ticket.number);
    expect(answer?.headers).toMatchObject({ "Auto-Submitted": "auto-replied" });
  });

  it("does nothing the second time the job runs for the same message", async () => {
    const ticket = await waitingTicket();
    const id = await rig.send({ from: customer.email, to: replyTo(ctx, ticket.id), text: "Once" });
    await processInboundMessage(jobContext(ctx), id);
    const after = (await messagesOf(ctx.db, ticket.id)).length;
    await processInboundMessage(jobContext(ctx), id);
    expect((await messagesOf(ctx.db, ticket.id)).length).toBe(after);
    expect((await inbound(ctx.db, id)).status).toBe("processed");
  });
});
