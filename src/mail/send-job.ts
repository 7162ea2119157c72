import { defineJob, type JobContext } from "../jobs/jobs.ts";
import { escapeHtml } from "./html.ts";
import { mailTranslator } from "./i18n.ts";
import { findMail, type MailRow, markAttemptFailed, markDelivered } from "./repository.ts";
import { sendOverSmtp } from "./transport.ts";

export interface SendMailData {
  mailId: string;
}

const RETRY_LIMIT = 10;

/**
 * Delivers one stored mail. Idempotent: a mail already sent (or kept in the developer mailbox)
 * is skipped, so a replayed job never mails twice. A failed SMTP attempt records its error and
 * throws, and pg-boss retries with exponential backoff and jitter: 1–2 min, then doubling, ten
 * retries spanning about a day (17 to 34 h), so a relay down overnight still delivers.
 */
export const sendMailJob = defineJob<SendMailData>({
  name: "mail.send",
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 120,
  // A slow relay then holds one of them, not every notification.
  concurrency: 4,
  embeddedConcurrency: 2,
  handle: (data, ctx) => deliverMail(data.mailId, ctx),
});

async function deliverMail(mailId: string, ctx: JobContext): Promise<void> {
  const mail = await findMail(ctx.db, mailId);
  if (!mail) {
    ctx.log.warn({ mailId }, "mail to send no longer exists");
    return;
  }
  if (mail.status === "sent" || mail.status === "held") return;
  const attempts = mail.attempts + 1;
  const smtpUrl = ctx.config.smtpUrl;
  if (!smtpUrl) {
    // The developer mailbox: the row is the delivery, secrets included, for staff admins to read.
    await markDelivered(ctx.db, mail.id, {
      status: "held",
      transport: "mailbox",
      sent_at: ctx.clock.now(),
      attempts,
    });
    return;
  }
  try {
    await sendOverSmtp(smtpUrl, ctx.config.mailFrom, mail);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await markAttemptFailed(ctx.db, mail.id, {
      attempts,
      error,
      failed: attempts > RETRY_LIMIT,
    });
    throw err;
  }
  await markDelivered(ctx.db, mail.id, {
    status: "sent",
    transport: "smtp",
    sent_at: ctx.clock.now(),
    attempts,
    ...(mail.secret ? { ...redactedBodies(mail), redacted_at: ctx.clock.now() } : {}),
  });
}

/** What stays of a secret mail once delivered: a note in its language, never the link. */
function redactedBodies(mail: MailRow): { text_body: string; html_body: string } {
  const note = mailTranslator(mail.language)("redacted.text");
  return { text_body: note, html_body: `<p>${escapeHtml(note)}</p>` };
}
