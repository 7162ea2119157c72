import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { expect } from "vitest";
import type { Config } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import type { JobContext } from "../../src/jobs/jobs.ts";
import { replyAddress } from "../../src/mail/reply-address.ts";
import { processInboundMessage } from "../../src/modules/inbound-mail/process.ts";
import { findInboundMessage } from "../../src/modules/inbound-mail/repository.ts";
import { type InboundSmtp, startInboundSmtp } from "../../src/modules/inbound-mail/smtp.ts";
import type { TestContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";

/** A logger that keeps what it was told, so tests can check a refusal was logged. */
export class MemoryLog {
  readonly lines: { level: string; msg: string; data: unknown }[] = [];
  private push(level: string, data: unknown, msg?: string) {
    this.lines.push({ level, msg: msg ?? (typeof data === "string" ? data : ""), data });
  }
  info(data: unknown, msg?: string) {
    this.push("info", data, msg);
  }
  warn(data: unknown, msg?: string) {
    this.push("warn", data, msg);
  }
  error(data: unknown, msg?: string) {
    this.push("error", data, msg);
  }
  debug(data: unknown, msg?: string) {
    this.push("debug", data, msg);
  }
}

/** The test context as a job handler sees it. */
export function jobContext(ctx: TestContext, config: Partial<Config> = {}): JobContext {
  return {
    ...ctx,
    config: { ...ctx.config, ...config },
    log: new MemoryLog() as unknown as JobContext["log"],
  };
}

/** Palier's SMTP server on a random local port, and a real SMTP client (nodemailer) to it. */
export class MailRig {
  readonly log = new MemoryLog();
  smtp!: InboundSmtp;
  private transport!: Transporter;

  constructor(private readonly ctx: TestContext) {}

  async start(config: Partial<Config> = {}): Promise<this> {
    const smtp = await startInboundSmtp(
      { ...this.ctx, config: { ...this.ctx.config, ...config } },
      this.log as unknown as JobContext["log"],
      { listen: { host: "127.0.0.1", port: 0 } },
    );
    if (!smtp) throw new Error("inbound SMTP did not start");
    this.smtp = smtp;
    this.transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
    });
    return this;
  }

  async stop(): Promise<void> {
    this.transport?.close();
    await this.smtp?.close();
  }

  /** Sends over SMTP; returns the stored message's id from the 250 answer. */
  async send(message: Mail.Options): Promise<string> {
    const info = await this.transport.sendMail(message);
    const match = /Queued as ([0-9a-f-]{36})/.exec(String(info.response));
    expect(match, info.response).not.toBeNull();
    return match?.[1] as string;
  }

  /** Sends and expects a refusal; returns the SMTP error. */
  async refused(message: Mail.Options): Promise<{ responseCode?: number; response?: string }> {
    try {
      await this.transport.sendMail(message);
    } catch (error) {
      return error as { responseCode?: number; response?: string };
    }
    throw new Error("the message was accepted");
  }

  /** Sends, then runs the processing job's handler; returns the settled row. */
  async deliver(message: Mail.Options) {
    const id = await this.send(message);
    await processInboundMessage(jobContext(this.ctx), id);
    return inbound(this.ctx.db, id);
  }
}

export const SUPPORT = "support@palier.localhost";

export async function inbound(db: Database, id: string) {
  const row = await findInboundMessage(db, id);
  if (!row) throw new Error(`inbound message ${id} not stored`);
  return row;
}

/** A sender address nobody has. */
export function strangerAddress(): string {
  return `stranger-${uniqueSuffix()}@elsewhere.test`;
}

export function replyTo(ctx: TestContext, ticketId: string): string {
  return replyAddress(ctx.keys, ctx.config.supportAddress, ticketId);
}

/** Mails Palier queued to an address (answers), oldest first. */
export function mailsTo(db: Database, address: string) {
  return db
    .selectFrom("mail_messages")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["to_address"]), "=", address.toLowerCase()))
    .orderBy("created_at")
    .execute();
}

/** Tickets of an account, newest first. */
export function ticketsOf(db: Database, accountId: string) {
  return db
    .selectFrom("tickets")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("created_at", "desc")
    .execute();
}

/** One ticket message as stored. */
export function ticketMessage(db: Database, id: string | null) {
  return db
    .selectFrom("ticket_messages")
    .selectAll()
    .where("id", "=", id ?? "00000000-0000-0000-0000-000000000000")
    .executeTakeFirstOrThrow();
}

export function messagesOf(db: Database, ticketId: string) {
  return db
    .selectFrom("ticket_messages")
    .selectAll()
    .where("ticket_id", "=", ticketId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}
