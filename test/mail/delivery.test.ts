import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "../../src/jobs/outbox.ts";
import { remindWaitingCustomers } from "../../src/mail/reminders.ts";
import { findMail } from "../../src/mail/repository.ts";
import { sendMailJob } from "../../src/mail/send-job.ts";
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
import { days, openIncident, post, postOk, ticketRow } from "../helpers/ticket-factories.ts";
import { consumeRows, deliver, outboxRows } from "./helpers.ts";
import { SmtpSink } from "./smtp-sink.ts";

let ctx: TestContext;
let sink: SmtpSink;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  sink = new SmtpSink();
  await sink.start();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
});

afterAll(() => sink.stop());
afterEach(() => ctx.clock.reset());

async function openTicket(subject = "Server unreachable") {
  const ticket = await openIncident(ctx, customer, service, { subject });
  const row = await ticketRow(ctx.db, ticket.number);
  return { number: ticket.number as string, id: row.id, subject };
}

/** Asks to hand the tech role of a fresh service to a new account; returns the task id. */
async function requestChange(): Promise<{ id: string; giving: TestUser; receiving: TestUser }> {
  const giving = await createUser(ctx.db, await createAccount(ctx.db));
  const receiving = await createUser(ctx.db, await createAccount(ctx.db));
  const own = await createService(ctx.db, { admin: giving.account });
  const res = await post(ctx, giving, `/services/${own.name}/contact-changes`, {
    role: "tech",
    toNicHandle: receiving.account.nic,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, giving, receiving };
}

describe("contact-change mails", () => {
  it("sends each side its one-time link, then keeps only a redacted copy", async () => {
    const { id, giving, receiving } = await requestChange();
    const rows = await outboxRows(ctx.db, {
      topic: "contact_change.requested",
      contactChangeId: id,
    });
    const mails = await consumeRows(ctx, rows);
    expect(mails.map((m) => m.to_address).sort()).toEqual([giving.email, receiving.email].sort());
    expect(mails.every((m) => m.secret)).toBe(true);
    await deliver(ctx, mails, sink.url);
    for (const [user, row] of [
      [giving, rows.find((r) => r.recipientAccountId === giving.account.id)],
      [receiving, rows.find((r) => r.recipientAccountId === receiving.account.id)],
    ] as const) {
      const link = String(row?.payload.link);
      const token = String(row?.payload.token);
      const [received] = await sink.to(user.email);
      expect(received?.subject).toMatch(/^Contact change for .+: your decision is needed$/);
      expect(received?.text).toContain(link);
      expect(received?.text).toContain(token);
      expect(received?.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
      const stored = mails.find((m) => m.to_address === user.email);
      const after = await findMail(ctx.db, stored?.id ?? "");
      expect(after?.status).toBe("sent");
      expect(after?.redacted_at).toBeInstanceOf(Date);
      for (const body of [after?.text_body ?? "", after?.html_body ?? ""]) {
        expect(body).not.toContain(token);
        expect(body).toContain("one-time link");
      }
    }
  });

  it("keeps the link readable in the developer mailbox when no SMTP transport is set", async () => {
    const { id } = await requestChange();
    const rows = await outboxRows(ctx.db, {
      topic: "contact_change.requested",
      contactChangeId: id,
    });
    const mails = await consumeRows(ctx, rows);
    await deliver(ctx, mails, undefined);
    for (const mail of mails) {
      const after = await findMail(ctx.db, mail.id);
      expect(after?.status).toBe("held");
      expect(after?.redacted_at).toBeNull();
      const token = rows.find((r) => after?.dedupe_key.startsWith(`${r.id}:`))?.payload.token;
      expect(after?.text_body).toContain(String(token));
    }
  });

  it("tells both sides when a change is refused", async () => {
    const { id, giving, receiving } = await requestChange();
    const [receivingRow] = (
      await outboxRows(ctx.db, { topic: "contact_change.requested", contactChangeId: id })
    ).filter((r) => r.recipientAccountId === receiving.account.id);
    const res = await post(ctx, receiving, `/contact-changes/${id}/refuse`, {
      token: receivingRow?.payload.token,
    });
    expect(res.statusCode, res.body).toBe(200);
    const mails = await consumeRows(
      ctx,
      await outboxRows(ctx.db, { topic: "contact_change.refused", contactChangeId: id }),
    );
    expect(mails.map((m) => m.to_address).sort()).toEqual([giving.email, receiving.email].sort());
    expect(mails[0]?.subject).toMatch(/: refused$/);
    expect(mails[0]?.secret).toBe(false);
  });
});

describe("delivery", () => {
  it("records a failed SMTP attempt and throws so the queue retries; the retry delivers once", async () => {
    const down = new SmtpSink();
    const downUrl = await down.start();
    await down.stop();
    const ticket = await openTicket("Relay outage");
    const [mail] = await consumeRows(
      ctx,
      await outboxRows(ctx.db, { topic: "ticket.created", ticketId: ticket.id }),
    );
    if (!mail) throw new Error("no mail queued");
    await expect(deliver(ctx, [mail], downUrl)).rejects.toThrow();
    const failed = await findMail(ctx.db, mail.id);
    expect(failed).toMatchObject({ status: "queued", attempts: 1, sent_at: null });
    expect(failed?.last_error).toMatch(/ECONNREFUSED|connect/i);

    // The worker reports the throw to pg-boss, which schedules a retry with backoff.
    const queue = await ctx.jobs.boss.getQueue(sendMailJob.name);
    expect(queue).toMatchObject({ retryLimit: 10, retryDelay: 30, retryBackoff: true });
    const { rows } = await sql<{ id: string }>`
      select id from pgboss.job where name = ${sendMailJob.name} and data->>'mailId' = ${mail.id}
    `.execute(ctx.db);
    const jobId = rows[0]?.id;
    expect(jobId).toEqual(expect.any(String));
    await ctx.jobs.boss.fail(sendMailJob.name, jobId as string, { message: failed?.last_error });
    const job = await ctx.jobs.boss.getJobById(sendMailJob.name, jobId as string);
    expect(job?.state).toBe("retry");
    // Not before the retry delay: the relay gets time to come back.
    expect(job?.startAfter.getTime()).toBeGreaterThan(Date.now());

    await deliver(ctx, [mail], sink.url);
    await deliver(ctx, [mail], sink.url);
    const sent = await findMail(ctx.db, mail.id);
    expect(sent).toMatchObject({ status: "sent", transport: "smtp", last_error: null });
    expect(sent?.attempts).toBeGreaterThanOrEqual(2);
    const received = (await sink.to(customer.email)).filter((m) =>
      m.subject?.startsWith(`[${ticket.number}]`),
    );
    expect(received).toHaveLength(1);
  });
});

describe("reminders while waiting for the customer", () => {
  it("reminds once per waiting period, after three days", async () => {
    const ticket = await openTicket("Need your logs");
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "Please send the logs.",
      status: "waiting-for-customer",
    });
    const reminders = () => outboxRows(ctx.db, { topic: "ticket.reminder", ticketId: ticket.id });
    ctx.clock.advance(days(2));
    await remindWaitingCustomers(ctx.db, ctx.clock);
    expect(await reminders()).toHaveLength(0);
    ctx.clock.advance(days(1) + 60_000);
    await remindWaitingCustomers(ctx.db, ctx.clock);
    await remindWaitingCustomers(ctx.db, ctx.clock);
    const first = await reminders();
    expect(first).toHaveLength(1);
    const mails = await consumeRows(ctx, first);
    await deliver(ctx, mails, sink.url);
    const [received] = (await sink.to(customer.email)).filter((m) =>
      m.subject?.startsWith(`[${ticket.number}] Waiting for your reply`),
    );
    expect(received?.text).toContain("We have been waiting for your reply on this ticket since");

    // The customer answers, the agent asks again: a new waiting period, a new reminder.
    await postOk(ctx, customer, `/tickets/${ticket.number}/messages`, { body: "Logs attached." });
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "And the config?",
      status: "waiting-for-customer",
    });
    ctx.clock.advance(days(3) + 60_000);
    await remindWaitingCustomers(ctx.db, ctx.clock);
    expect(await reminders()).toHaveLength(2);
  });
});

describe("staff and account notices", () => {
  it("mails SLA warnings and breaches to the staff member in its language", async () => {
    const ticket = await openTicket("Slow answers");
    const lead = await createStaff(ctx.db, { role: "lead" });
    await ctx.db
      .updateTable("staff")
      .set({ languages: ["ru", "en"] })
      .where("id", "=", lead.id)
      .execute();
    const payload = {
      ticketId: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      severity: "high",
      dueAt: "2026-12-02T10:00:00.000Z",
      clock: "first-response",
    };
    await ctx.db.transaction().execute(async (trx) => {
      await enqueue(trx, { topic: "sla.warning", recipientStaffId: lead.id, payload });
      await enqueue(trx, { topic: "sla.breached", recipientStaffId: lead.id, payload });
    });
    const mails = await consumeRows(ctx, [
      ...(await outboxRows(ctx.db, { topic: "sla.warning", ticketId: ticket.id })),
      ...(await outboxRows(ctx.db, { topic: "sla.breached", ticketId: ticket.id })),
    ]);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        `[${ticket.number}] SLA нарушен: Slow answers`,
        `[${ticket.number}] Предупреждение SLA: Slow answers`,
      ].sort(),
    );
    expect(mails.every((m) => m.to_address === lead.email && m.reply_to === null)).toBe(true);
    expect(mails[0]?.headers["In-Reply-To"]).toBe(`<t-${ticket.id}@palier.localhost>`);
    expect(mails[0]?.text_body).toContain("первого ответа");
  });

  it("mails every user of an account whose webhook was disabled", async () => {
    const account = await createAccount(ctx.db, { language: "fr" });
    const users = [await createUser(ctx.db, account), await createUser(ctx.db, account)];
    const url = `https://hooks.example.net/${account.nic}`;
    await ctx.db.transaction().execute((trx) =>
      enqueue(trx, {
        topic: "webhook.disabled",
        recipientAccountId: account.id,
        payload: { subscriptionId: crypto.randomUUID(), url, reason: "failing-24h" },
      }),
    );
    const rows = (await outboxRows(ctx.db, { topic: "webhook.disabled" })).filter(
      (r) => r.payload.url === url,
    );
    const mails = await consumeRows(ctx, rows);
    expect(mails.map((m) => m.to_address).sort()).toEqual(users.map((u) => u.email).sort());
    expect(mails[0]?.subject).toBe(`Webhook disabled: ${url}`);
    expect(mails[0]?.text_body).toContain(account.nic);
  });
});
