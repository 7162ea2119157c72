import type { Language } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { UserPrincipal } from "../../http/principal.ts";
import type { JobContext } from "../../jobs/jobs.ts";
import { loadPrincipal } from "../auth/repository.ts";
import { findTicket } from "../tickets/repository.ts";
import { answerOncePerDay } from "./answer.ts";
import { automaticReason } from "./classify.ts";
import { type MailView, MalformedMail, readMail } from "./read.ts";
import {
  findInboundMessage,
  findStaffByAddress,
  findUserByAddress,
  type InboundRow,
  inboundStatus,
  updateInboundMessage,
} from "./repository.ts";
import { claim, settle } from "./settle.ts";
import type { AnswerParams, RefusalReason } from "./texts.ts";
import { findThread } from "./threading.ts";
import { openByMail, replyByMail } from "./ticket-writes.ts";

/** Runs of one message before an unexpected error marks it failed (the job's retries). */
export const PROCESS_ATTEMPTS = 4;

/**
 * Processes one stored inbound message, once: automatic mail is ignored; a reply threads into
 * its ticket; mail from a known user opens a ticket; anything else gets at most one polite
 * answer a day. A malformed message fails at once with its error; an unexpected error is
 * recorded and retried by the job, and marks the message failed on the last attempt. Failed
 * messages stay, with their raw bytes, until a staff admin reprocesses them.
 */
export async function processInboundMessage(ctx: JobContext, id: string): Promise<void> {
  const status = await inboundStatus(ctx.db, id);
  if (status === null) ctx.log.warn({ inboundId: id }, "inbound message to process is gone");
  if (status !== "received") return;
  const row = await findInboundMessage(ctx.db, id);
  if (!row) return;
  try {
    await dispatch(ctx, row);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const attempts = row.attempts + 1;
    const final = error instanceof MalformedMail || attempts >= PROCESS_ATTEMPTS;
    if (final) {
      await failOnce(ctx, row, message, attempts);
      ctx.log.warn({ inboundId: id, error: message }, "inbound message failed");
      return;
    }
    await updateInboundMessage(ctx.db, id, { attempts, error: message });
    throw error;
  }
}

async function failOnce(ctx: JobContext, row: InboundRow, error: string, attempts: number) {
  await inTransaction(ctx.db, async (trx) => {
    if (!(await claim(trx, row.id))) return;
    await updateInboundMessage(trx, row.id, {
      status: "failed",
      outcome: "failed",
      error,
      attempts,
      processed_at: ctx.clock.now(),
    });
  });
}

async function dispatch(ctx: JobContext, row: InboundRow): Promise<void> {
  const mail = await readMail(row);
  const automatic = automaticReason(mail.traits);
  if (automatic) {
    await ignore(ctx, row, mail, "automatic", { reason: automatic });
    return;
  }
  if (!mail.fromAddress) throw new MalformedMail("the message has no From address");

  const user = await findUserByAddress(ctx.db, mail.fromAddress);
  if (!user) {
    const staff = await findStaffByAddress(ctx.db, mail.fromAddress);
    const language = staff ? staffLanguage(staff.languages) : (mail.declaredLanguage ?? "en");
    await refuse(ctx, row, mail, staff ? "staff-sender" : "unknown-sender", language);
    return;
  }
  // The same principal an API request of this user gets (auth builds it in one place).
  const principal = (await loadPrincipal(ctx.db, {
    user_id: user.id,
    staff_id: null,
  })) as UserPrincipal | null;
  if (!principal) throw new Error(`user ${user.id} vanished while its mail was processed`);
  const thread = findThread(ctx.keys, ctx.config.supportAddress, mail);
  const ticket = thread ? await findTicket(ctx.db, { id: thread.ticketId }) : undefined;
  const outcome =
    thread && ticket
      ? await replyByMail(ctx, row, mail, principal, ticket, thread.via)
      : await openByMail(ctx, row, mail, principal);
  if (outcome.refused) {
    await refuse(ctx, row, mail, outcome.refused, principal.language, outcome.params);
  }
}

function staffLanguage(languages: string[]): Language {
  return (languages.find((l) => l === "en" || l === "fr" || l === "ru") as Language) ?? "en";
}

/** Settles the message as ignored, with no ticket and no answer. */
async function ignore(
  ctx: JobContext,
  row: InboundRow,
  mail: MailView,
  outcome: string,
  details: Record<string, unknown>,
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    if (!(await claim(trx, row.id))) return;
    await settle(trx, row.id, {
      status: "ignored",
      outcome,
      details,
      fromAddress: mail.fromAddress,
      subject: mail.subject,
      now: ctx.clock.now(),
    });
  });
}

/** Settles the message as ignored and answers the sender, at most once a day per address. */
async function refuse(
  ctx: JobContext,
  row: InboundRow,
  mail: MailView,
  reason: RefusalReason,
  language: Language,
  extra: Partial<AnswerParams> = {},
): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    if (!(await claim(trx, row.id))) return;
    // The envelope sender, per RFC 3834; automatic mail (null sender) never gets here.
    const to = row.envelope_from;
    const answered =
      to !== null &&
      (await answerOncePerDay(trx, ctx, {
        inboundId: row.id,
        to,
        language,
        reason,
        originalSubject: mail.subject,
        originalMessageId: mail.messageId,
        params: { supportAddress: ctx.config.supportAddress, url: ctx.config.publicUrl, ...extra },
      }));
    await settle(trx, row.id, {
      status: "ignored",
      outcome: reason,
      details: { answered, ...(extra.ticket ? { ticket: extra.ticket } : {}) },
      fromAddress: mail.fromAddress,
      subject: mail.subject,
      now: ctx.clock.now(),
    });
  });
}
