import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createUser,
  type TestUser,
  uniqueSuffix,
} from "../helpers/factories.ts";
import { get } from "../helpers/ticket-factories.ts";
import {
  MailRig,
  mailsTo,
  messagesOf,
  SUPPORT,
  strangerAddress,
  ticketMessage,
} from "./helpers.ts";

let ctx: TestContext;
let rig: MailRig;
let user: TestUser;

beforeAll(async () => {
  ctx = await testContext();
  rig = await new MailRig(ctx).start();
  user = await createUser(ctx.db, await createAccount(ctx.db));
  await createService(ctx.db, { admin: user.account });
});

afterAll(() => rig.stop());

describe("attachments", () => {
  it("keeps an allowed file on the message and skips a forbidden type with a line saying so", async () => {
    const log = Buffer.from("kernel: eth0 link down\n");
    const row = await rig.deliver({
      from: user.email,
      to: SUPPORT,
      subject: "Logs attached",
      text: "See the attached log.",
      attachments: [
        { filename: "kern.log", content: log, contentType: "text/plain" },
        {
          filename: "fix.exe",
          content: Buffer.from("MZ not really a program"),
          contentType: "application/x-msdownload",
        },
      ],
    });
    expect(row.outcome).toBe("ticket-created");
    expect(row.outcome_details).toMatchObject({
      attachmentsKept: 1,
      skipped: [{ filename: "fix.exe", contentType: "application/x-msdownload", reason: "type" }],
    });
    const files = await ctx.db
      .selectFrom("ticket_attachments")
      .selectAll()
      .where("message_id", "=", row.ticket_message_id)
      .execute();
    expect(files.map((file) => [file.filename, file.content_type, file.size_bytes])).toEqual([
      ["kern.log", "text/plain", log.length],
    ]);

    // The customer downloads it like any attachment, byte for byte.
    const ticket = await ctx.db
      .selectFrom("tickets")
      .select("number")
      .where("id", "=", row.ticket_id)
      .executeTakeFirstOrThrow();
    const download = await get(
      ctx,
      user,
      `/tickets/PAL-${ticket.number}/attachments/${files[0]?.id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(log)).toBe(true);

    const messages = await messagesOf(ctx.db, row.ticket_id as string);
    const system = messages.filter((message) => message.kind === "system");
    expect(system.map((message) => message.body)).toEqual([
      "Attachments of the e-mail not kept: fix.exe (file type application/x-msdownload not accepted).",
    ]);
  });

  it("keeps a mail of attachments only, with a line for a body", async () => {
    // Files over 10 MB are skipped the same way (see rules.test.ts); sending one over SMTP
    // here would only make the test slow.
    const row = await rig.deliver({
      from: user.email,
      to: SUPPORT,
      subject: "Screenshot",
      attachments: [
        { filename: "shot.png", content: Buffer.from("\x89PNG fake"), contentType: "image/png" },
      ],
    });
    expect(row.outcome).toBe("ticket-created");
    expect(row.outcome_details).toMatchObject({ attachmentsKept: 1 });
    expect(row.outcome_details).not.toHaveProperty("skipped");
    expect((await ticketMessage(ctx.db, row.ticket_message_id)).body).toBe(
      "(This e-mail had no text, only attachments.)",
    );
  });
});

describe("message bodies", () => {
  it("strips quoted text and the signature, and keeps the original message", async () => {
    const text = [
      "Спасибо, теперь всё работает.",
      "",
      "--",
      "Иван Петров",
      "ООО Ромашка",
      "",
      "2 дек. 2026 г., в 10:00, Palier Support <support@palier.localhost> написал(а):",
      "> Перезагрузите сервер, пожалуйста.",
    ].join("\n");
    const row = await rig.deliver({ from: user.email, to: SUPPORT, subject: "Спасибо", text });
    expect((await ticketMessage(ctx.db, row.ticket_message_id)).body).toBe(
      "Спасибо, теперь всё работает.",
    );
    const original = row.raw.toString("utf8");
    expect(original).toContain("Content-Type: text/plain; charset=utf-8");
    // The whole text, quote included, is still in the raw message (base64 or quoted-printable).
    const { simpleParser } = await import("mailparser");
    expect((await simpleParser(row.raw)).text).toContain("Перезагрузите сервер");
  });

  it("strips a French quote header", async () => {
    const row = await rig.deliver({
      from: user.email,
      to: SUPPORT,
      subject: "Merci",
      text: "Merci, c'est réglé.\n\nLe mer. 2 déc. 2026 à 10:00, Palier Support <support@palier.localhost> a écrit :\n> Veuillez redémarrer.\n",
    });
    expect((await ticketMessage(ctx.db, row.ticket_message_id)).body).toBe("Merci, c'est réglé.");
  });

  it("turns an HTML-only mail into text", async () => {
    const row = await rig.deliver({
      from: user.email,
      to: SUPPORT,
      subject: "HTML",
      html: "<p>The <b>disk</b> is full.</p><p>Please help.</p>",
    });
    expect((await ticketMessage(ctx.db, row.ticket_message_id)).body).toBe(
      "The disk is full.\n\nPlease help.",
    );
  });
});

describe("mail that cannot be processed", () => {
  it("is kept with its error and answered nothing", async () => {
    const sender = strangerAddress();
    const raw = `To: ${SUPPORT}\r\nSubject: No sender ${uniqueSuffix()}\r\n\r\nWho am I?\r\n`;
    const row = await rig.deliver({ envelope: { from: sender, to: SUPPORT }, raw });
    expect(row.status).toBe("failed");
    expect(row.outcome).toBe("failed");
    expect(row.error).toBe("the message has no From address");
    expect(row.raw.toString("utf8")).toBe(raw);
    expect(row.processed_at).not.toBeNull();
    expect(await mailsTo(ctx.db, sender)).toHaveLength(0);
  });

  it("keeps bytes that are not a message at all", async () => {
    const sender = strangerAddress();
    const raw = Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0d, 0x0a, 0x80, 0x81]);
    const row = await rig.deliver({ envelope: { from: sender, to: SUPPORT }, raw });
    expect(row.status).toBe("failed");
    expect(row.error).not.toBeNull();
    expect(row.raw.length).toBeGreaterThan(0);
  });
});
