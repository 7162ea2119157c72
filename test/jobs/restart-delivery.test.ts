import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserPrincipal } from "../../src/http/principal.ts";
import type { Workers } from "../../src/jobs/worker.ts";
import { loadPrincipal } from "../../src/modules/auth/repository.ts";
import { createTicket } from "../../src/modules/tickets/service.ts";
import { insertSubscription } from "../../src/modules/webhooks/repository.ts";
import { newWebhookSecret } from "../../src/modules/webhooks/signature.ts";
import { testContext } from "../helpers/context.ts";
import { createAccount, createService, createUser, type TestUser } from "../helpers/factories.ts";
import { SmtpSink } from "../mail/smtp-sink.ts";
import { Receiver } from "../webhooks/receiver.ts";
import { verifyPalierSignature } from "../webhooks/recipe.js";
import { type ExclusiveContext, exclusiveContext, startTestWorkers, waitFor } from "./helpers.ts";

// The promise: a change committed while no worker runs is mailed and posted once the
// worker runs again, and a second restart sends nothing twice. Real command, real dispatcher,
// real workers, a real SMTP relay and a real HTTP receiver; an outbox of its own (see
// exclusiveContext), so no other file's dispatcher takes the rows.
let exclusive: ExclusiveContext;
let ctx: ExclusiveContext["ctx"];
let sink: SmtpSink;
let receiver: Receiver;
let customer: TestUser;
let serviceName: string;
let secret: string;
let subscriptionId: string;

beforeAll(async () => {
  exclusive = await exclusiveContext(await testContext());
  sink = new SmtpSink();
  const smtpUrl = await sink.start();
  ctx = { ...exclusive.ctx, config: { ...exclusive.ctx.config, smtpUrl } };
  receiver = await Receiver.start();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  serviceName = (await createService(ctx.db, { admin: customer.account })).name;
  secret = newWebhookSecret();
  ({ id: subscriptionId } = await insertSubscription(ctx.db, {
    account_id: customer.account.id,
    created_by_user_id: customer.id,
    created_by_staff_id: null,
    url: receiver.url(),
    event_types: ["ticket.created"],
    secret_sealed: ctx.keys.encrypt(secret),
  }));
});

afterAll(async () => {
  await ctx.db
    .updateTable("webhook_subscriptions")
    .set({ deleted_at: new Date(), active: false })
    .where("id", "=", subscriptionId)
    .execute();
  await receiver.stop();
  await sink.stop();
  await exclusive.close();
});

async function run<T>(work: (workers: Workers) => Promise<T>): Promise<T> {
  const workers = await startTestWorkers(ctx);
  try {
    return await work(workers);
  } finally {
    await workers.stop();
  }
}

describe("delivery after the worker was down", () => {
  it("mails and posts a ticket committed while no worker ran, once, across restarts", async () => {
    const principal = (await loadPrincipal(ctx.db, {
      user_id: customer.id,
      staff_id: null,
    })) as UserPrincipal;
    const ticket = await createTicket(
      ctx,
      { principal, ip: null, requestId: "restart-delivery-test" },
      {
        category: "incident",
        service: serviceName,
        area: "hypervisor",
        impact: "high",
        urgency: "high",
        subject: "Host down during the outage",
        body: "Nothing answers since 09:00.",
      },
    );
    const mailsFor = async () =>
      (await sink.to(customer.email)).filter((mail) => mail.subject?.includes(ticket.number));
    const postsFor = () =>
      receiver.requests.filter((request) => request.body.includes(ticket.number));

    // Committed, but no worker: nothing has left.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await mailsFor()).toHaveLength(0);
    expect(postsFor()).toHaveLength(0);

    await run(() =>
      waitFor(
        async () => ((await mailsFor()).length > 0 && postsFor().length > 0 ? true : undefined),
        "the mail and the webhook of the ticket",
      ),
    );
    // A second worker life: dispatch and jobs find nothing left to do.
    await run((workers) => {
      workers.wake();
      return new Promise((resolve) => setTimeout(resolve, 2_000));
    });

    const mails = await mailsFor();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("Host down during the outage");
    const posts = postsFor();
    expect(posts).toHaveLength(1);
    expect(
      verifyPalierSignature(secret, posts[0]?.headers["palier-signature"], posts[0]?.body ?? ""),
    ).toBe(true);
    expect(JSON.parse(posts[0]?.body ?? "{}")).toMatchObject({
      type: "ticket.created",
      data: { number: ticket.number },
    });
  });
});
