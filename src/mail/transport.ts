import nodemailer, { type Transporter } from "nodemailer";
import type { MailRow } from "./repository.ts";

// One nodemailer transport per URL: it holds no connection between sends (no pool), so a relay
// that restarts is simply reached again on the next attempt. Timeouts stay well inside the
// job's two-minute expiry, so a relay that hangs fails the attempt instead of the job expiring.
const transports = new Map<string, Transporter>();

function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

/** Sends one stored mail over SMTP; throws when the relay refuses or cannot be reached. */
export async function sendOverSmtp(smtpUrl: string, from: string, mail: MailRow): Promise<void> {
  const {
    "Message-ID": messageId,
    "In-Reply-To": inReplyTo,
    References: references,
    ...headers
  } = mail.headers;
  await smtpTransport(smtpUrl).sendMail({
    from,
    to: mail.to_name ? { name: mail.to_name, address: mail.to_address } : mail.to_address,
    ...(mail.reply_to ? { replyTo: mail.reply_to } : {}),
    subject: mail.subject,
    text: mail.text_body,
    html: mail.html_body,
    ...(messageId ? { messageId } : {}),
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references ? { references } : {}),
    headers,
  });
}
