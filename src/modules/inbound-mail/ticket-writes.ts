import type { Database } from "../../db/database.ts";
import type { Language } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor, UserPrincipal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import type { JobContext } from "../../jobs/jobs.ts";
import { writeMessage } from "../tickets/conversation.ts";
import { insertMessage } from "../tickets/message-repository.ts";
import type { TicketView } from "../tickets/repository.ts";
import { formatTicketNumber } from "../tickets/rules.ts";
import { resolveSubject, writeTicket } from "../tickets/service.ts";
import {
  recordUploads,
  removeFiles,
  type SkippedFile,
  selectAttachments,
  skippedLine,
  storeFiles,
} from "./attachments.ts";
import { placeNewTicket } from "./placement.ts";
import { type MailView, ticketBody, ticketSubject } from "./read.ts";
import { type InboundRow, servicesOfAccount } from "./repository.ts";
import { claim, settle } from "./settle.ts";
import type { AnswerParams, RefusalReason } from "./texts.ts";
import type { ThreadedVia } from "./threading.ts";

/**
 * The two ways a person's mail becomes part of a ticket, through the same commands as the API
 * (`writeMessage`, `writeTicket`) so the customer's rules apply unchanged: who may write,
 * reopening a solved ticket, statuses, SLA clocks, notices. Each runs in one transaction that
 * also settles the inbound message, so a retried job finds it settled and writes nothing twice.
 */

/** Nothing, or why the mail was refused and what the answer should mention. */
export interface WriteOutcome {
  refused?: RefusalReason;
  params?: Partial<AnswerParams>;
}

function actorFor(principal: UserPrincipal, row: InboundRow): Actor {
  return { principal, ip: row.remote_address, requestId: `mail:${row.id}` };
}

/** The refusal a ticket command's error means, or null when it is not a refusal. */
function refusalOf(error: unknown): RefusalReason | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === "ticket_closed") return "ticket-closed";
  if (error.code === "not_found" || error.code === "forbidden") return "not-allowed";
  return null;
}

function detailsOf(skipped: SkippedFile[], kept: number, extra: Record<string, unknown>) {
  return { ...extra, attachmentsKept: kept, ...(skipped.length > 0 ? { skipped } : {}) };
}

/** A system line after the customer's message when some attachments were not kept. */
async function noteSkipped(
  trx: Database,
  ticketId: string,
  language: Language,
  skipped: SkippedFile[],
  now: Date,
): Promise<void> {
  if (skipped.length === 0) return;
  await insertMessage(trx, {
    ticket_id: ticketId,
    kind: "system",
    author_user_id: null,
    author_staff_id: null,
    body: skippedLine(language, skipped),
    // Just after the message it concerns, so it reads below it.
    created_at: new Date(now.getTime() + 1),
  });
}

/**
 * Runs `work` with the kept attachments stored as files; files of a transaction that did not
 * commit (refused, or already processed by another run) are removed again.
 */
async function withFiles<T>(
  ctx: JobContext,
  mail: MailView,
  work: (files: Awaited<ReturnType<typeof storeFiles>>, skipped: SkippedFile[]) => Promise<T>,
  committed: (result: T) => boolean,
): Promise<T> {
  const { kept, skipped } = selectAttachments(mail.parsed.attachments);
  const files = await storeFiles(ctx.config.dataDir, kept);
  try {
    const result = await work(files, skipped);
    if (!committed(result)) await removeFiles(ctx.config.dataDir, files);
    return result;
  } catch (error) {
    await removeFiles(ctx.config.dataDir, files);
    throw error;
  }
}

/** The sender's message on the ticket it answers, as a customer reply. */
export async function replyByMail(
  ctx: JobContext,
  row: InboundRow,
  mail: MailView,
  principal: UserPrincipal,
  ticket: TicketView,
  via: ThreadedVia,
): Promise<WriteOutcome> {
  const number = formatTicketNumber(ticket.number);
  const now = ctx.clock.now();
  try {
    await withFiles(
      ctx,
      mail,
      (files, skipped) =>
        inTransaction(ctx.db, async (trx) => {
          if (!(await claim(trx, row.id))) return false;
          const attachments = await recordUploads(trx, principal.userId, files, now);
          const body = ticketBody(mail, ticket.language);
          const messageId = await writeMessage(
            trx,
            actorFor(principal, row),
            number,
            { body, attachments },
            now,
          );
          await noteSkipped(trx, ticket.id, ticket.language, skipped, now);
          await settle(trx, row.id, {
            status: "processed",
            outcome: "ticket-reply",
            details: detailsOf(skipped, files.length, { via, ticket: number }),
            fromAddress: mail.fromAddress,
            subject: mail.subject,
            ticketId: ticket.id,
            ticketMessageId: messageId,
            now,
          });
          return true;
        }),
      (done) => done,
    );
    return {};
  } catch (error) {
    const refused = refusalOf(error);
    if (!refused) throw error;
    // Name the ticket only to whoever may know it exists.
    return { refused, params: refused === "ticket-closed" ? { ticket: number } : {} };
  }
}

/** A new ticket from the sender, placed by the account's default service rules. */
export async function openByMail(
  ctx: JobContext,
  row: InboundRow,
  mail: MailView,
  principal: UserPrincipal,
): Promise<WriteOutcome> {
  const language = principal.language;
  const body = ticketBody(mail, language);
  const subjectLine = ticketSubject(mail, language);
  const services = await servicesOfAccount(ctx.db, principal.accountId);
  const placement = placeNewTicket(principal.accountId, services, `${subjectLine}\n${body}`);
  if (placement.kind === "none") {
    return { refused: placement.reason, params: { services: placement.services } };
  }
  const subject = await resolveSubject(
    ctx,
    principal,
    placement.category,
    placement.kind === "service" ? placement.serviceName : undefined,
    placement.kind === "universe" ? placement.universe : undefined,
  );
  const now = ctx.clock.now();
  await withFiles(
    ctx,
    mail,
    (files, skipped) =>
      inTransaction(ctx.db, async (trx) => {
        if (!(await claim(trx, row.id))) return false;
        const attachments = await recordUploads(trx, principal.userId, files, now);
        const created = await writeTicket(ctx, trx, principal, actorFor(principal, row), {
          subject,
          area: null,
          input: {
            category: placement.category,
            impact: "low",
            urgency: "low",
            subject: subjectLine,
            body,
            attachments,
          },
          now,
        });
        await noteSkipped(trx, created.id, language, skipped, now);
        await settle(trx, row.id, {
          status: "processed",
          outcome: "ticket-created",
          details: detailsOf(skipped, files.length, {
            ticket: formatTicketNumber(created.number),
            placement: placement.kind === "service" ? placement.serviceName : placement.universe,
            category: placement.category,
          }),
          fromAddress: mail.fromAddress,
          subject: mail.subject,
          ticketId: created.id,
          ticketMessageId: created.messageId,
          now,
        });
        return true;
      }),
    (done) => done,
  );
  return {};
}
