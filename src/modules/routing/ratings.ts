import type { Database } from "../../db/database.ts";
import type { TicketStatus } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { translator } from "../../i18n/index.ts";
import { enqueue } from "../../jobs/outbox.ts";
import { targetsOf } from "../tickets/clock-store.ts";
import { ticketClosed } from "../tickets/conversation.ts";
import { loadTicket } from "../tickets/queries.ts";
import { findTicket, type TicketView } from "../tickets/repository.ts";
import { formatTicketNumber } from "../tickets/rules.ts";
import type { ClockEvent } from "../tickets/sla-clock.ts";
import { auditTicket, notifyAccounts, writeChange } from "../tickets/transitions.ts";
import { assignTicket, pickAgent, skillsFor, staffNotice } from "./assignment.ts";
import { escalateTicket } from "./escalation.ts";
import { authorize } from "./policy.ts";
import { findTicketMessage, insertRating, latestAnswerId } from "./rating-repository.ts";
import { anyQualified } from "./repository.ts";
import { nextTier, raiseSeverity } from "./rules.ts";
import type { RatingBody } from "./schemas.ts";

/**
 * Customers rate each public agent answer once: "solved" (my problem is solved) or
 * "not-answered" (the answer did not address my question). A rating is final: changing it would
 * have to undo a reopening and a hand-over that others have already acted on.
 */

type Stored = Record<string, unknown>;

/** The entitlement with the first-response and update targets of another severity. */
function atSeverity(stored: Stored, severity: TicketView["severity"]): Stored {
  const targets = (stored.targets ?? {}) as Record<string, Stored | undefined>;
  const pick = (table: Stored | undefined, fallback: unknown) =>
    typeof table?.[severity] === "number" ? table[severity] : fallback;
  return {
    ...stored,
    firstResponseMinutes: pick(targets.firstResponse, stored.firstResponseMinutes),
    updateMinutes: pick(targets.update, stored.updateMinutes),
  };
}

/**
 * Hands a ticket whose answer was rated "not-answered" to someone else: the least loaded other
 * agent of its tier (never the author); when nobody else of that tier has the skills at all,
 * one tier up (a ticket_escalations row, reason rating), re-routed there; when they exist but
 * are all at capacity, the ticket waits unassigned in its own queue. L3 has no tier above: it
 * waits in the L3 queue.
 */
async function handOver(trx: Database, ticket: TicketView, author: string | null, now: Date) {
  const exclude = author === null ? [] : [author];
  const skills = await skillsFor(trx, ticket, exclude);
  const chosen = await pickAgent(trx, ticket.tier, skills);
  if (chosen) {
    await assignTicket(trx, ticket, {
      staffId: chosen.id,
      tier: ticket.tier,
      how: "automatic",
      actor: null,
    });
    return;
  }
  const to = nextTier(ticket.tier);
  if (to === null || (await anyQualified(trx, ticket.tier, skills))) return;
  await escalateTicket(trx, ticket, {
    reason: "rating",
    actor: null,
    note: `The customer rated an answer as not answering the question, and no other ${ticket.tier} agent has the skills for this ticket: escalated from ${ticket.tier} to ${to}.`,
    now,
    exclude,
  });
}

/** "Did not answer": reopen, raise the severity one step, and hand over to another agent. */
async function reopenForAnotherAgent(
  trx: Database,
  ticket: TicketView,
  author: string | null,
  now: Date,
) {
  const severity = raiseSeverity(ticket.severity);
  const entitlement = atSeverity(ticket.entitlement as Stored, severity);
  const raised: TicketView = { ...ticket, severity, entitlement };
  // A clock already running or paused keeps the time it used against the new target; with no
  // clock, the customer-message event starts one with the new target.
  const events: ClockEvent[] = [
    ...(ticket.sla_clock !== null
      ? [{ kind: "retarget" as const, previous: targetsOf(ticket) }]
      : []),
    { kind: "customer-message" },
  ];
  const status = await writeChange(trx, raised, {
    status: "waiting-for-provider",
    events,
    patch: {
      severity,
      entitlement: JSON.stringify(entitlement),
      reopened_count: ticket.reopened_count + 1,
      assigned_staff_id: null,
    },
    systemMessage: translator(ticket.language)("ticket.system.reopened"),
    now,
  });
  if (ticket.assigned_staff_id) {
    await enqueue(trx, {
      topic: "ticket.unassigned",
      recipientStaffId: ticket.assigned_staff_id,
      payload: { ...staffNotice(ticket), why: "answer rated not-answered" },
    });
  }
  const reread = await findTicket(trx, { id: ticket.id });
  if (!reread) throw new Error(`ticket ${ticket.id} vanished inside its own transaction`);
  await handOver(trx, reread, author, now);
  await notifyAccounts(trx, "ticket.reopened", ticket, { status, severity });
  return status;
}

/**
 * A customer allowed on the ticket rates one public agent answer. Internal notes are unknown
 * to customers (404); customer and system messages are not answers (422); a second rating of
 * the same answer is 409. "solved" on the latest answer marks the ticket solved; "not-answered"
 * reopens it and hands it to another agent.
 */
export async function rateAnswer(
  ctx: AppContext,
  actor: Actor,
  numberText: string,
  messageId: string,
  input: RatingBody,
) {
  const { principal } = actor;
  await loadTicket(ctx.db, principal, numberText, "ticket.read");
  authorize(principal, "answer.rate");
  if (principal.kind !== "user") throw new Error("policy lets only customers rate answers");
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.reply", true);
    const message = await findTicketMessage(trx, ticket.id, messageId);
    if (!message || message.kind === "internal") throw notFound("Message");
    if (message.kind !== "agent") {
      throw new AppError(
        "unprocessable",
        `Only answers from our agents are rated; this is a ${message.kind} message`,
      );
    }
    if (ticket.status === "closed") throw ticketClosed(ticket);
    const comment = input.comment?.trim() || null;
    const rating = await insertRating(trx, {
      message_id: message.id,
      ticket_id: ticket.id,
      staff_id: message.author_staff_id,
      user_id: principal.userId,
      rating: input.rating,
      comment,
      created_at: now,
    });
    if (!rating) {
      throw new AppError("conflict", "This answer is already rated; a rating cannot be changed");
    }
    let status: TicketStatus = ticket.status;
    if (input.rating === "not-answered") {
      status = await reopenForAnotherAgent(trx, ticket, message.author_staff_id, now);
    } else if (status !== "solved" && (await latestAnswerId(trx, ticket.id)) === message.id) {
      status = await writeChange(trx, ticket, { status: "solved", now });
      await notifyAccounts(trx, "ticket.status_changed", ticket, {
        status,
        previousStatus: ticket.status,
      });
    }
    await auditTicket(trx, actor, ticket, "ticket.answer_rated", {
      messageId: message.id,
      rating: input.rating,
      status,
    });
    if (message.author_staff_id) {
      await enqueue(trx, {
        topic: "ticket.answer_rated",
        recipientStaffId: message.author_staff_id,
        payload: { ...staffNotice(ticket), messageId: message.id, rating: input.rating },
      });
    }
    const after = await findTicket(trx, { id: ticket.id });
    return {
      messageId: message.id,
      number: formatTicketNumber(ticket.number),
      rating: rating.rating,
      comment: rating.comment,
      createdAt: rating.created_at.toISOString(),
      ticket: { status: after?.status ?? status, severity: after?.severity ?? ticket.severity },
    };
  });
}
