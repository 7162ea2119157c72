import { formatTicketNumber } from "../tickets/rules.ts";
import type { InboundListRow, InboundRow } from "./repository.ts";

const MAX_HEADERS = 200;
const MAX_HEADER_VALUE = 2000;

/** The header fields of a raw message as received (unfolded, not decoded), for audit. */
export function rawHeaders(raw: Buffer): { name: string; value: string }[] {
  const head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString("utf8");
  const end = /\r?\n\r?\n/.exec(head);
  const block = (end ? head.slice(0, end.index) : head).replace(/\r?\n[ \t]+/g, " ");
  const headers: { name: string; value: string }[] = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.push({
      name: line.slice(0, colon).trim(),
      value: line
        .slice(colon + 1)
        .trim()
        .slice(0, MAX_HEADER_VALUE),
    });
    if (headers.length >= MAX_HEADERS) break;
  }
  return headers;
}

type SummaryRow = Omit<InboundListRow, "ticket_number">;

export function presentInboundSummary(row: SummaryRow, ticketNumber: number | null) {
  return {
    id: row.id,
    receivedAt: row.received_at.toISOString(),
    envelopeFrom: row.envelope_from,
    envelopeTo: row.envelope_to,
    from: row.from_address,
    subject: row.subject,
    messageId: row.message_id,
    sizeBytes: row.size_bytes,
    status: row.status,
    outcome: row.outcome,
    ticket: ticketNumber === null ? null : formatTicketNumber(ticketNumber),
    error: row.error,
    processedAt: row.processed_at?.toISOString() ?? null,
  };
}

export function presentInboundDetail(row: InboundRow, ticketNumber: number | null) {
  return {
    ...presentInboundSummary(row, ticketNumber),
    remoteAddress: row.remote_address,
    attempts: row.attempts,
    ticketMessageId: row.ticket_message_id,
    outcomeDetails: row.outcome_details,
    headers: rawHeaders(row.raw),
  };
}
