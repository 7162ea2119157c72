import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  uniqueSuffix,
} from "../helpers/factories.ts";
import { days, freezeClock, thawClock } from "../helpers/ticket-factories.ts";
import { MailRig, mailsTo, SUPPORT, strangerAddress, ticketMessage, ticketsOf } from "./helpers.ts";

let ctx: TestContext;
let rig: MailRig;

beforeAll(async () => {
  ctx = await testContext();
  rig = await new MailRig(ctx).start();
});

afterAll(() => rig.stop());

describe("a new ticket by mail from a known user", () => {
  it("opens an assistance ticket on the account's one service, with the mail's subject", async () => {
    const user = await createUser(ctx.db, await createAccount(ctx.db));
    const service = await createService(ctx.db, { admin: user.account });
    const row = await rig.deliver({
      from: `"A Customer" <${user.email.toUpperCase()}>`,
      to: SUPPORT,
      subject: "How do I add a second disk?",
      text: "Hello,\n\nHow do I add a second disk to my server?\n\n-- \nA Customer\nACME",
    });
    expect(row.status).toBe("processed");
    expect(row.outcome).toBe("ticket-created");
    const [ticket] = await ticketsOf(ctx.db, user.account.id);
    expect(ticket?.id).toBe(row.ticket_id);
    expect(ticket).toMatchObject({
      category: "assistance",
      service_id: service.id,
      subject: "How do I add a second disk?",
      requester_user_id: user.id,
      status: "open",
      responsibility_area: null,
    });
    expect(ticket?.first_response_due_at).not.toBeNull();
    const message = await ticketMessage(ctx.db, row.ticket_message_id);
    expect(message.body).toBe("Hello,\n\nHow do I add a second disk to my server?");
    const notices = await ctx.db
      .selectFrom("outbox")
      .select("topic")
      .where("recipient_account_id", "=", user.account.id)
      .where("topic", "=", "ticket.created")
      .execute();
    expect(notices).toHaveLength(1);
  });

  it("picks the service the subject names when the account holds several", async () => {
    const user = await createUser(ctx.db, await createAccount(ctx.db));
    await createService(ctx.db, { admin: user.account });
    const named = await createService(ctx.db, { admin: user.account });
    const row = await rig.deliver({
      from: user.email,
      to: SUPPORT,
      subject: `Reboot of ${named.name}.`,
      text: "Can you reboot it?",
    });
    const [ticket] = await ticketsOf(ctx.db, user.account.id);
    expect(row.outcome).toBe("ticket-created");
    expect(ticket?.service_id).toBe(named.id);
  });

  it("opens an account question in the universe when several services leave it open", async () => {
    const user = await createUser(ctx.db, await createAccount(ctx.db));
    await createService(ctx.db, { admin: user.account });
    await createService(ctx.db, { admin: user.account });
    const row = await rig.deliver({ from: user.email, to: SUPPORT, text: "Question" });
    const [ticket] = await ticketsOf(ctx.db, user.account.id);
    expect(row.outcome).toBe("ticket-created");
    expect(ticket).toMatchObject({ category: "account", service_id: null, universe: "server" });
    expect(ticket?.subject).toBe("(no subject)");
  });

  it("opens nothing for an account without services, and tells the sender", async () => {
    const user = await createUser(ctx.db, await createAccount(ctx.db));
    const row = await rig.deliver({ from: user.email, to: SUPPORT, subject: "Hi", text: "Hi" });
    expect(row.status).toBe("ignored");
    expect(row.outcome).toBe("no-service");
    expect(await ticketsOf(ctx.db, user.account.id)).toHaveLength(0);
    expect(await mailsTo(ctx.db, user.email)).toHaveLength(1);
  });
});

describe("mail from unknown senders", () => {
  afterEach(() => thawClock(ctx.clock));

  it("gets one polite answer a day in its language, and creates nothing else", async () => {
    freezeClock(ctx.clock, "2026-12-02T09:00:00Z");
    const stranger = strangerAddress();
    const first = await rig.deliver({
      from: stranger,
      to: SUPPORT,
      subject: "Vos tarifs ?",
      text: "Bonjour, quels sont vos tarifs ?",
      headers: { "Content-Language": "fr-FR" },
    });
    expect(first.status).toBe("ignored");
    expect(first.outcome).toBe("unknown-sender");
    expect(first.ticket_id).toBeNull();
    expect(first.outcome_details).toMatchObject({ answered: true });
    const answers = await mailsTo(ctx.db, stranger);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ language: "fr", subject: "Re : Vos tarifs ?" });
    expect(answers[0]?.headers).toMatchObject({
      "Auto-Submitted": "auto-replied",
      "In-Reply-To": first.message_id,
    });
    expect(answers[0]?.text_body).toContain("Bonjour");
    expect(answers[0]?.html_body).toContain("<p>");

    ctx.clock.advance(6 * 3600_000);
    const second = await rig.deliver({ from: stranger, to: SUPPORT, text: "Hello again?" });
    expect(second.outcome).toBe("unknown-sender");
    expect(second.outcome_details).toMatchObject({ answered: false });
    expect(await mailsTo(ctx.db, stranger)).toHaveLength(1);

    ctx.clock.advance(days(1));
    await rig.deliver({ from: stranger, to: SUPPORT, text: "A new day" });
    const later = await mailsTo(ctx.db, stranger);
    expect(later).toHaveLength(2);
    expect(later[1]?.language).toBe("en");
  });

  it("answers a staff address that writes to support without recording anything", async () => {
    const staff = await createStaff(ctx.db);
    const row = await rig.deliver({
      from: staff.email,
      to: SUPPORT,
      subject: `Test ${uniqueSuffix()}`,
      text: "Testing",
    });
    expect(row.outcome).toBe("staff-sender");
    expect(row.ticket_id).toBeNull();
    expect(await mailsTo(ctx.db, staff.email)).toHaveLength(1);
  });
});
