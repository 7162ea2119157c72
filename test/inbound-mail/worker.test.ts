import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workers } from "../../src/jobs/worker.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createAccount, createService, createUser } from "../helpers/factories.ts";
import { openIncident, ticketRow } from "../helpers/ticket-factories.ts";
import { startTestWorkers, waitFor } from "../jobs/helpers.ts";
import { inbound, MailRig, mailsTo, replyTo, SUPPORT, strangerAddress } from "./helpers.ts";

let ctx: TestContext;
let rig: MailRig;
let workers: Workers;

beforeAll(async () => {
  ctx = await testContext();
  rig = await new MailRig(ctx).start();
  workers = await startTestWorkers(ctx);
});

afterAll(async () => {
  await workers.stop();
  await rig.stop();
});

/** Waits until the worker has settled the message; returns the row. */
function settled(id: string) {
  return waitFor(async () => {
    const row = await inbound(ctx.db, id);
    return row.status === "received" ? undefined : row;
  }, `inbound message ${id} to be processed`);
}

describe("inbound mail through the job workers", () => {
  it("threads a reply sent over SMTP into its ticket with no other help", async () => {
    const customer = await createUser(ctx.db, await createAccount(ctx.db));
    const service = await createService(ctx.db, { admin: customer.account });
    const ticket = await openIncident(ctx, customer, service);
    const { id: ticketId } = await ticketRow(ctx.db, ticket.number);
    const id = await rig.send({
      from: customer.email,
      to: replyTo(ctx, ticketId),
      subject: `Re: [${ticket.number}]`,
      text: "More details: it fails at boot.",
    });
    workers.wake();
    const row = await settled(id);
    expect(row.outcome).toBe("ticket-reply");
    expect(row.ticket_id).toBe(ticketId);
  });

  it("answers an unknown sender, and the answer is delivered by the mail worker", async () => {
    const stranger = strangerAddress();
    const id = await rig.send({ from: stranger, to: SUPPORT, subject: "Hi", text: "Hello" });
    workers.wake();
    expect((await settled(id)).outcome).toBe("unknown-sender");
    const mail = await waitFor(async () => {
      const [answer] = await mailsTo(ctx.db, stranger);
      return answer && answer.status !== "queued" ? answer : undefined;
    }, "the answer to be handled by mail.send");
    // No SMTP_URL in tests: the developer mailbox holds it.
    expect(mail.status).toBe("held");
  });
});
