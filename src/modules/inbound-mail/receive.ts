import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import { inboundMailJob } from "./job.ts";
import { insertInboundMessage } from "./repository.ts";

/** What the SMTP server hands over once a message's DATA has ended within the size limit. */
export interface ReceivedMessage {
  raw: Buffer;
  envelopeFrom: string | null;
  envelopeTo: string[];
  remoteAddress: string | null;
}

const HEADER_END = /\r?\n\r?\n/;

/**
 * The Message-ID of the raw message, read from its header block without parsing the rest, so
 * even a message the parser will refuse is listed with it. Null when absent or unreadable.
 */
export function rawMessageId(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString("latin1");
  const end = HEADER_END.exec(head);
  const unfolded = (end ? head.slice(0, end.index) : head).replace(/\r?\n[ \t]+/g, " ");
  const match = /^message-id:\s*(<[^<>\s]{1,500}>)/im.exec(unfolded);
  return match?.[1] ?? null;
}

/**
 * Stores the message and enqueues its processing in one transaction: once this returns, the
 * message is safe and will be processed, so the SMTP server may answer 250. Returns its id.
 */
export async function receiveMessage(ctx: AppContext, message: ReceivedMessage): Promise<string> {
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await insertInboundMessage(trx, {
      received_at: ctx.clock.now(),
      remote_address: message.remoteAddress,
      envelope_from: message.envelopeFrom || null,
      envelope_to: message.envelopeTo,
      raw: message.raw,
      size_bytes: message.raw.length,
      message_id: rawMessageId(message.raw),
      from_address: null,
      subject: null,
      outcome: null,
      ticket_id: null,
      ticket_message_id: null,
      error: null,
      processed_at: null,
    });
    await ctx.jobs.send(inboundMailJob, { id }, { trx });
    return id;
  });
}
