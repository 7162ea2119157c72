import { formatTicketNumber } from "../tickets/rules.ts";
import type { MailView } from "./repository.ts";

export function presentMailSummary(row: MailView) {
  return {
    id: row.id,
    to: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    language: row.language,
    ticket: row.ticket_number === null ? null : formatTicketNumber(row.ticket_number),
    status: row.status,
    transport: row.transport,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

export function presentMail(row: MailView, from: string) {
  return {
    ...presentMailSummary(row),
    from,
    replyTo: row.reply_to,
    headers: row.headers,
    text: row.text_body,
    html: row.html_body,
    secret: row.secret,
    redactedAt: row.redacted_at?.toISOString() ?? null,
    lastError: row.last_error,
  };
}
