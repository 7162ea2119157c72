import type { Database } from "../db/database.ts";
import type { Language } from "../db/schema.ts";
import type { AppContext } from "../http/context.ts";
import { insertMail } from "./repository.ts";
import { sendMailJob } from "./send-job.ts";

/** One notification to one address, fully rendered. */
export interface OutgoingMail {
  to: string;
  toName?: string | null;
  language: Language;
  subject: string;
  text: string;
  html: string;
  /** Extra headers: Message-ID, In-Reply-To, References, Auto-Submitted… */
  headers?: Record<string, string>;
  replyTo?: string | null;
  ticketId?: string | null;
  /** Unique per mail: a second enqueue with the same key is a no-op. */
  dedupeKey: string;
  /** The body carries a one-time link: it is redacted from the database once sent over SMTP. */
  secret?: boolean;
}

/**
 * Stores a mail and enqueues its `mail.send` job in the caller's transaction, so the mail exists
 * exactly when the change commits. Returns the mail id, or null when the dedupe key was used.
 */
export async function enqueueMail(
  trx: Database,
  ctx: Pick<AppContext, "jobs" | "clock">,
  mail: OutgoingMail,
): Promise<string | null> {
  const id = await insertMail(trx, {
    dedupe_key: mail.dedupeKey,
    to_address: mail.to,
    to_name: mail.toName ?? null,
    language: mail.language,
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html,
    headers: JSON.stringify(mail.headers ?? {}),
    reply_to: mail.replyTo ?? null,
    ticket_id: mail.ticketId ?? null,
    secret: mail.secret ?? false,
    created_at: ctx.clock.now(),
  });
  if (id === null) return null;
  await ctx.jobs.send(sendMailJob, { mailId: id }, { trx });
  return id;
}
