import type { Database } from "../../db/database.ts";
import type { Language } from "../../db/schema.ts";
import type { AppContext } from "../../http/context.ts";
import { escapeHtml } from "../../mail/html.ts";
import { enqueueMail } from "../../mail/outgoing.ts";
import { claimAutoAnswer } from "./repository.ts";
import { type AnswerParams, type RefusalReason, textsIn } from "./texts.ts";

/**
 * The polite automatic answer to mail that opened nothing. RFC 3834 rules: it goes to the
 * envelope sender (the Return-Path), carries `Auto-Submitted: auto-replied` (so a well-behaved
 * responder at the other end stays silent, and so does ours when it comes back), and at most one
 * goes to an address per UTC day, whatever the reason, so even a responder that ignores the
 * header cannot keep a loop going.
 */

export interface AnswerInput {
  inboundId: string;
  to: string;
  language: Language;
  reason: RefusalReason;
  originalSubject: string;
  originalMessageId: string | null;
  params: AnswerParams;
}

/** YYYY-MM-DD of the instant in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The subject, plain text and HTML of an answer. */
export function renderAnswer(input: Omit<AnswerInput, "inboundId" | "to">): {
  subject: string;
  text: string;
  html: string;
} {
  const t = textsIn(input.language);
  const paragraphs = [t.greeting, t.reasons[input.reason](input.params), t.footer];
  return {
    subject: `${t.subjectPrefix} ${input.originalSubject || t.noSubject}`.slice(0, 250),
    text: `${paragraphs.join("\n\n")}\n`,
    html: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n"),
  };
}

/**
 * Enqueues the answer in the caller's transaction unless the address already got one today.
 * Returns whether it was enqueued.
 */
export async function answerOncePerDay(
  trx: Database,
  ctx: Pick<AppContext, "jobs" | "clock">,
  input: AnswerInput,
): Promise<boolean> {
  const now = ctx.clock.now();
  const claimed = await claimAutoAnswer(trx, {
    address: input.to,
    day: utcDay(now),
    inboundMessageId: input.inboundId,
    reason: input.reason,
    now,
  });
  if (!claimed) return false;
  const rendered = renderAnswer(input);
  const headers: Record<string, string> = {
    "Auto-Submitted": "auto-replied",
    "X-Auto-Response-Suppress": "All",
  };
  if (input.originalMessageId) {
    headers["In-Reply-To"] = input.originalMessageId;
    headers.References = input.originalMessageId;
  }
  await enqueueMail(trx, ctx, {
    to: input.to,
    language: input.language,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers,
    dedupeKey: `inbound-answer:${input.inboundId}`,
  });
  return true;
}
