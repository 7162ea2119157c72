import type Mail from "nodemailer/lib/mailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createUser,
  type TestUser,
  uniqueSuffix,
} from "../helpers/factories.ts";
import { MailRig, mailsTo, SUPPORT, strangerAddress, ticketsOf } from "./helpers.ts";

let ctx: TestContext;
let rig: MailRig;

beforeAll(async () => {
  ctx = await testContext();
  rig = await new MailRig(ctx).start();
});

afterAll(() => rig.stop());

/** A customer with one service: any mail of theirs would open a ticket, unless automatic. */
async function customer(): Promise<TestUser> {
  const user = await createUser(ctx.db, await createAccount(ctx.db));
  await createService(ctx.db, { admin: user.account });
  return user;
}

const dsn = (to: string) =>
  [
    `From: Mail Delivery System <bounces@elsewhere.test>`,
    `To: ${to}`,
    "Subject: Undelivered Mail Returned to Sender",
    `Message-ID: <${uniqueSuffix()}@elsewhere.test>`,
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain",
    "",
    "The mail could not be delivered.",
    "--b1",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.elsewhere.test",
    "",
    "Final-Recipient: rfc822; nobody@elsewhere.test",
    "Action: failed",
    "Status: 5.1.1",
    "--b1--",
    "",
  ].join("\r\n");

type Case = [string, string, (from: string) => Mail.Options];

const cases: Case[] = [
  [
    "Auto-Submitted: auto-replied",
    "auto-submitted",
    (from) => ({ from, headers: { "Auto-Submitted": "auto-replied" }, text: "I am away" }),
  ],
  [
    "Precedence: bulk",
    "precedence",
    (from) => ({ from, headers: { Precedence: "bulk" }, text: "Newsletter" }),
  ],
  [
    "Precedence: junk",
    "precedence",
    (from) => ({ from, headers: { Precedence: "junk" }, text: "Junk" }),
  ],
  [
    "the null sender <>",
    "null-sender",
    (from) => ({ from, envelope: { from: "", to: SUPPORT }, text: "Bounce" }),
  ],
  [
    "X-Autoreply",
    "auto-reply-header",
    (from) => ({ from, headers: { "X-Autoreply": "yes" }, text: "Away" }),
  ],
  [
    "X-Auto-Response-Suppress: OOF",
    "auto-reply-header",
    (from) => ({ from, headers: { "X-Auto-Response-Suppress": "DR, OOF" }, text: "x" }),
  ],
  [
    "an English out-of-office subject",
    "out-of-office-subject",
    (from) => ({ from, subject: "Out of Office: Re: your ticket", text: "Back Monday" }),
  ],
  [
    "a French one",
    "out-of-office-subject",
    (from) => ({ from, subject: "Réponse automatique : Re: ticket", text: "Absent" }),
  ],
  [
    "a Russian one",
    "out-of-office-subject",
    (from) => ({ from, subject: "Автоответ: Re: обращение", text: "В отпуске" }),
  ],
  [
    "a delivery status notification (multipart/report)",
    "delivery-report",
    (from) => ({ envelope: { from, to: SUPPORT }, raw: dsn(SUPPORT) }),
  ],
];

describe("automatic mail never opens a ticket and never gets an answer", () => {
  it.each(cases)("%s", async (_label, reason, build) => {
    const user = await customer();
    const row = await rig.deliver({ to: SUPPORT, subject: "Hello", ...build(user.email) });
    expect(row.status).toBe("ignored");
    expect(row.outcome).toBe("automatic");
    expect(row.outcome_details).toEqual({ reason });
    expect(await ticketsOf(ctx.db, user.account.id)).toHaveLength(0);
    expect(await mailsTo(ctx.db, user.email)).toHaveLength(0);
  });

  it("recognises MAILER-DAEMON and postmaster senders", async () => {
    for (const local of ["MAILER-DAEMON", "postmaster"]) {
      const from = `${local}@elsewhere-${uniqueSuffix()}.test`;
      const row = await rig.deliver({ from, to: SUPPORT, subject: "Failure", text: "Failed" });
      expect(row.outcome_details).toEqual({ reason: "mailer-daemon" });
      expect(await mailsTo(ctx.db, from)).toHaveLength(0);
    }
  });

  it("lets a person's mail with Auto-Submitted: no through", async () => {
    const user = await customer();
    const row = await rig.deliver({
      from: user.email,
      to: SUPPORT,
      subject: "Out of office users cannot log in",
      headers: { "Auto-Submitted": "no" },
      text: "Our out-of-office staff cannot log in.",
    });
    expect(row.outcome).toBe("ticket-created");
  });

  it("stops a loop: an auto-responder answering our answer gets no second one", async () => {
    const responder = strangerAddress();
    // A person-looking first mail gets the one answer of the day…
    await rig.deliver({ from: responder, to: SUPPORT, subject: "Hello", text: "Hello" });
    // …and the responder's replies to it, with or without the headers, get nothing more.
    for (const headers of [{ "Auto-Submitted": "auto-replied" }, {}, {}]) {
      await rig.deliver({ from: responder, to: SUPPORT, subject: "Re: Hello", headers, text: "." });
    }
    expect(await mailsTo(ctx.db, responder)).toHaveLength(1);
  });
});
