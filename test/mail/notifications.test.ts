import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../../src/jobs/dispatcher.ts";
import { mailConsumer } from "../../src/mail/consumer.ts";
import { ticketFromReplyAddress } from "../../src/mail/reply-address.ts";
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
  openIncident,
  post,
  postOk,
  type TicketInput,
  ticketRow,
} from "../helpers/ticket-factories.ts";
import {
  consumeRows,
  deliver,
  header,
  jobContext,
  mailsOfRows,
  outboxRows,
  sendJobsOf,
} from "./helpers.ts";
import { SmtpSink } from "./smtp-sink.ts";

let ctx: TestContext;
let sink: SmtpSink;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;
const domain = "palier.localhost";

beforeAll(async () => {
  ctx = await testContext();
  sink = new SmtpSink();
  await sink.start();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
});

afterAll(() => sink.stop());

/** Dispatches the ticket's rows of `topic` to the mail consumer and sends the mails. */
async function mailTopic(ticketId: string, topic: string) {
  const rows = await outboxRows(ctx.db, { topic, ticketId });
  const mails = await consumeRows(ctx, rows);
  await deliver(ctx, mails, sink.url);
  return { rows, mails };
}

/** Opens a ticket and adds its id, which the API does not show. */
async function open(user: TestUser, on: TestService, input: TicketInput = {}) {
  const ticket = await openIncident(ctx, user, on, input);
  const row = await ticketRow(ctx.db, ticket.number);
  return { ...ticket, id: row.id } as { id: string; number: string; subject: string };
}

async function setLanguage(user: TestUser, language: "fr" | "ru") {
  await ctx.db.updateTable("users").set({ language }).where("id", "=", user.id).execute();
}

describe("ticket notifications over SMTP", () => {
  it("mails the requester a threaded, signed, bilingual-format creation notice", async () => {
    const ticket = await open(customer, service, { subject: "Disk full on web01" });
    const { rows } = await mailTopic(ticket.id, "ticket.created");
    expect(rows).toHaveLength(1);
    const [mail] = await sink.to(customer.email);
    expect(mail).toBeDefined();
    if (!mail) return;
    expect(mail.subject).toBe(`[${ticket.number}] Received: Disk full on web01`);
    expect(mail.messageId).toBe(`<t-${ticket.id}@${domain}>`);
    expect(mail.inReplyTo).toBeUndefined();
    expect(header(mail, "auto-submitted")).toBe("auto-generated");
    const replyTo = mail.replyTo?.value[0]?.address ?? "";
    expect(ticketFromReplyAddress(ctx.keys, ctx.config.supportAddress, replyTo)).toBe(ticket.id);
    expect(mail.from?.value[0]?.address).toBe(ctx.config.supportAddress);
    expect(mail.text).toContain("We have received your ticket");
    expect(mail.text).toContain(ticket.number);
    expect(mail.html).toContain("We have received your ticket");
    expect(mail.html).toContain(service.name);
  });

  it("mails an agent's answer with its body, in the ticket's thread", async () => {
    const ticket = await open(customer, service);
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "The host was replaced.\nPlease check again.",
    });
    const { rows } = await mailTopic(ticket.id, "ticket.answered");
    const [mail] = await sink
      .to(customer.email)
      .then((all) => all.filter((m) => m.subject?.startsWith(`[${ticket.number}] New answer`)));
    expect(mail).toBeDefined();
    if (!mail) return;
    const root = `<t-${ticket.id}@${domain}>`;
    expect(mail.messageId).toBe(`<t-${ticket.id}.${rows[0]?.id}@${domain}>`);
    expect(mail.inReplyTo).toBe(root);
    expect(mail.references).toBe(root);
    expect(mail.text).toContain("> The host was replaced.\n> Please check again.");
    expect(mail.html).toContain("The host was replaced.<br>");
  });

  it("never mails an internal note, not even through a forged answer notice", async () => {
    const ticket = await open(customer, service);
    const note = await postOk(ctx, agent, `/tickets/${ticket.number}/notes`, {
      body: "Internal: customer is on the watch list",
    });
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, { body: "Public answer." });
    const answers = await outboxRows(ctx.db, { topic: "ticket.answered", ticketId: ticket.id });
    const [answer] = answers;
    if (!answer) throw new Error("no answer notice");
    const forged = [
      { ...answer, payload: { ...answer.payload, messageId: note.id } },
      { ...answer, topic: "ticket.note_added", payload: { ...answer.payload, messageId: note.id } },
    ];
    await ctx.db.transaction().execute((trx) => mailConsumer.consume(forged, trx, jobContext(ctx)));
    const mails = await consumeRows(ctx, answers);
    await deliver(ctx, mails, sink.url);
    expect(mails).toHaveLength(1);
    const stored = await ctx.db
      .selectFrom("mail_messages")
      .select(["text_body", "html_body"])
      .where("ticket_id", "=", ticket.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.text_body).toContain("> Public answer.");
    const received = (await sink.to(customer.email)).filter((m) =>
      m.subject?.startsWith(`[${ticket.number}]`),
    );
    expect(received).toHaveLength(1);
    for (const mail of [
      ...stored.map((m) => m.text_body + m.html_body),
      String(received[0]?.html),
    ]) {
      expect(mail).not.toContain("watch list");
    }
  });

  it("writes to French and Russian users in their language", async () => {
    const french = await createUser(ctx.db, await createAccount(ctx.db));
    const russian = await createUser(ctx.db, await createAccount(ctx.db));
    await setLanguage(french, "fr");
    await setLanguage(russian, "ru");
    for (const [user, language, expected, body, fact] of [
      [french, "fr", "Reçu : Panne", "Nous avons bien reçu votre ticket", "Objet\u00a0: Panne"],
      [russian, "ru", "Получена: Panne", "Мы получили вашу заявку", "Тема: Panne"],
    ] as const) {
      const own = await createService(ctx.db, { admin: user.account });
      const ticket = await open(user, own, { subject: "Panne" });
      await mailTopic(ticket.id, "ticket.created");
      const [mail] = await sink.to(user.email);
      expect(mail?.subject).toBe(`[${ticket.number}] ${expected}`);
      expect(mail?.text).toContain(body);
      expect(mail?.text).toContain(fact);
      expect(mail?.html).toContain(body);
      expect(mail?.html).toContain(`<html lang="${language}">`);
    }
  });

  it("escapes user content in the HTML part and keeps it intact in the text part", async () => {
    const subject = `<script>alert("x")</script> & <b>bold</b>`;
    const ticket = await open(customer, service, { subject });
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: `Try <img src=x onerror=alert(1)> & "quotes"`,
    });
    await mailTopic(ticket.id, "ticket.answered");
    const [mail] = (await sink.to(customer.email)).filter((m) =>
      m.subject?.startsWith(`[${ticket.number}]`),
    );
    expect(mail?.subject).toBe(`[${ticket.number}] New answer: ${subject}`);
    const html = String(mail?.html);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;");
    expect(html).toContain("Try &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
    expect(mail?.text).toContain(`> Try <img src=x onerror=alert(1)> & "quotes"`);
  });

  it("mails an answer that solves the ticket as a solved notice, and the closing", async () => {
    const ticket = await open(customer, service);
    await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "Fixed.",
      status: "solved",
    });
    const solved = await mailTopic(ticket.id, "ticket.answered");
    expect(solved.mails.map((m) => m.subject)).toEqual([
      `[${ticket.number}] Solved: ${ticket.subject}`,
    ]);
    expect(solved.mails[0]?.text_body).toContain("> Fixed.");
    expect(solved.mails[0]?.text_body).toContain("We consider your ticket solved");
    const closing = await post(ctx, customer, `/tickets/${ticket.number}/close`);
    expect(closing.statusCode, closing.body).toBe(200);
    const closed = await mailTopic(ticket.id, "ticket.closed");
    expect(closed.mails.map((m) => m.subject)).toEqual([
      `[${ticket.number}] Closed: ${ticket.subject}`,
    ]);
    const received = await sink.to(customer.email);
    expect(received.filter((m) => m.subject?.startsWith(`[${ticket.number}]`))).toHaveLength(2);
  });

  it("mails a status set to solved by staff, and nothing for other statuses", async () => {
    const ticket = await open(customer, service);
    for (const status of ["on-hold", "solved"]) {
      await postOk(ctx, agent, `/tickets/${ticket.number}/status`, { status }, 200);
    }
    const { rows, mails } = await mailTopic(ticket.id, "ticket.status_changed");
    expect(rows).toHaveLength(2);
    expect(mails.map((m) => m.subject)).toEqual([`[${ticket.number}] Solved: ${ticket.subject}`]);
  });

  it("mails the requester and, on a partner-managed service, the partner's users", async () => {
    const partner = await createAccount(ctx.db, { programme: "commercial-partner" });
    const partnerUsers = [await createUser(ctx.db, partner), await createUser(ctx.db, partner)];
    const client = await createAccount(ctx.db);
    const requester = await createUser(ctx.db, client);
    const colleague = await createUser(ctx.db, client);
    const managed = await createService(ctx.db, { admin: partner, tech: client });
    const ticket = await open(requester, managed);
    const { mails } = await mailTopic(ticket.id, "ticket.created");
    const to = mails.map((m) => m.to_address).sort();
    expect(to).toEqual([requester.email, ...partnerUsers.map((u) => u.email)].sort());
    expect(to).not.toContain(colleague.email);
    const [partnerMail] = await sink.to(partnerUsers[0]?.email ?? "");
    expect(partnerMail?.text).toContain("a service your account is a contact of");
    const [own] = await sink.to(requester.email);
    expect(own?.text).toContain("We have received your ticket");
  });

  it("does not mail twice when the same rows are dispatched again", async () => {
    const ticket = await open(customer, service);
    const first = await mailTopic(ticket.id, "ticket.created");
    const again = await mailTopic(ticket.id, "ticket.created");
    expect(again.mails.map((m) => m.id)).toEqual(first.mails.map((m) => m.id));
    const received = (await sink.to(customer.email)).filter((m) =>
      m.subject?.startsWith(`[${ticket.number}]`),
    );
    expect(received).toHaveLength(1);
  });

  it("goes from a committed ticket through the dispatcher and the send job to the relay", async () => {
    const ticket = await open(customer, service, { subject: "End to end" });
    const rows = await outboxRows(ctx.db, { topic: "ticket.created", ticketId: ticket.id });
    // The real dispatcher with every consumer; another test's dispatcher may hold the lock for
    // a moment, or dispatch these rows itself: either way they end up dispatched once.
    for (let round = 0; round < 200; round += 1) {
      await dispatchOutbox(jobContext(ctx));
      const row = await ctx.db
        .selectFrom("outbox")
        .select("delivered_at")
        .where("id", "=", rows[0]?.id ?? 0)
        .executeTakeFirstOrThrow();
      if (row.delivered_at) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const mails = await mailsOfRows(ctx.db, rows);
    expect(mails.map((m) => m.to_address)).toEqual([customer.email]);
    expect(await sendJobsOf(ctx.db, mails[0]?.id ?? "")).toBe(1);
    await deliver(ctx, mails, sink.url);
    const received = (await sink.to(customer.email)).filter((m) =>
      m.subject?.startsWith(`[${ticket.number}]`),
    );
    expect(received.map((m) => m.subject)).toEqual([`[${ticket.number}] Received: End to end`]);
  });

  it("mails nothing for topics left to the portal, and warns about a topic it does not know", async () => {
    const ticket = await open(customer, service);
    const [created] = await outboxRows(ctx.db, { topic: "ticket.created", ticketId: ticket.id });
    if (!created) throw new Error("no creation notice");
    const warnings: unknown[] = [];
    const jobCtx = jobContext(ctx);
    const watched = {
      ...jobCtx,
      log: { ...jobCtx.log, warn: (obj: unknown) => warnings.push(obj) },
    };
    const events = ["ticket.reopened", "ticket.assigned", "ticket.brand_new"].map((topic) => ({
      ...created,
      topic,
    }));
    await ctx.db.transaction().execute((trx) => mailConsumer.consume(events, trx, watched));
    const mails = await ctx.db
      .selectFrom("mail_messages")
      .select("subject")
      .where("ticket_id", "=", ticket.id)
      .execute();
    expect(mails).toEqual([]);
    expect(warnings).toEqual([{ topic: "ticket.brand_new", outboxId: created.id }]);
  });
});
