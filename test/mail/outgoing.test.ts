import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { enqueueMail, type OutgoingMail } from "../../src/mail/outgoing.ts";
import { findMail } from "../../src/mail/repository.ts";
import { sendMailJob } from "../../src/mail/send-job.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { jobContext, sendJobsOf } from "./helpers.ts";

let ctx: TestContext;

// Opening the worker's database may take a while on a loaded machine: a hook, not a test, waits.
beforeAll(async () => {
  ctx = await testContext();
});

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: `someone-${randomUUID()}@example.net`,
    language: "en",
    subject: "Hello",
    text: "Plain body",
    html: "<p>Plain body</p>",
    dedupeKey: randomUUID(),
    ...overrides,
  };
}

describe("enqueueMail", () => {
  it("stores the mail and its send job in the caller's transaction, once per dedupe key", async () => {
    const outgoing = mail({ headers: { "Auto-Submitted": "auto-generated" } });
    const first = await ctx.db.transaction().execute((trx) => enqueueMail(trx, ctx, outgoing));
    const again = await ctx.db.transaction().execute((trx) => enqueueMail(trx, ctx, outgoing));
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    const row = await findMail(ctx.db, first as string);
    expect(row).toMatchObject({
      to_address: outgoing.to,
      status: "queued",
      headers: { "Auto-Submitted": "auto-generated" },
    });
    expect(await sendJobsOf(ctx.db, first as string)).toBe(1);
  });

  it("leaves neither mail nor job when the transaction rolls back", async () => {
    const outgoing = mail();
    let id: string | null = null;
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        id = await enqueueMail(trx, ctx, outgoing);
        throw new Error("command failed");
      }),
    ).rejects.toThrow("command failed");
    expect(id).not.toBeNull();
    expect(await findMail(ctx.db, id as unknown as string)).toBeUndefined();
    expect(await sendJobsOf(ctx.db, id as unknown as string)).toBe(0);
  });

  it("keeps the mail in the developer mailbox when no SMTP transport is set, secret included", async () => {
    const id = await ctx.db
      .transaction()
      .execute((trx) =>
        enqueueMail(trx, ctx, mail({ secret: true, text: "link: https://x/t/abc" })),
      );
    const jobCtx = jobContext(ctx, { smtpUrl: undefined });
    await sendMailJob.handle({ mailId: id as string }, jobCtx);
    await sendMailJob.handle({ mailId: id as string }, jobCtx);
    const row = await findMail(ctx.db, id as string);
    expect(row).toMatchObject({
      status: "held",
      transport: "mailbox",
      attempts: 1,
      text_body: "link: https://x/t/abc",
      redacted_at: null,
    });
    expect(row?.sent_at).toBeInstanceOf(Date);
  });
});
