import type { Database } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import { enqueueAll } from "../../jobs/outbox.ts";
import type { Clock } from "../../lib/clock.ts";
import { recordAudit } from "../audit/recorder.ts";
import { insertMessage } from "../tickets/message-repository.ts";
import { findTicket, type TicketView, updateTicket } from "../tickets/repository.ts";
import { formatTicketNumber } from "../tickets/rules.ts";
import { skillsFor, staffNotice } from "./assignment.ts";
import { escalateTicket } from "./escalation.ts";
import { leadsFor } from "./repository.ts";
import { nextTier } from "./rules.ts";
import { insertSlaEvent, lockBreachDue, lockWarnDue, markSla } from "./sla-repository.ts";

/**
 * The SLA sweeper: warnings at 75 % of a target, breaches at 100 %, and the escalation a breach
 * brings. Run every 30 seconds by the scheduler, so each mark lands within a minute of its
 * instant. Every batch is one transaction over rows locked with SKIP LOCKED, so several Palier
 * processes may sweep at once; each mark is written once (the ticket's own columns, backed by
 * the unique index on sla_events).
 */

const BATCH = 100;

/** Who hears about a ticket's SLA: the leads of its universe (and region) and its assignee. */
async function slaRecipients(trx: Database, ticket: TicketView): Promise<Set<string>> {
  const { region } = await skillsFor(trx, ticket);
  const recipients = new Set(await leadsFor(trx, ticket.universe, region));
  if (ticket.assigned_staff_id) recipients.add(ticket.assigned_staff_id);
  return recipients;
}

/** One notice per recipient, sharing one event id: one change, one event for global subscribers. */
function announce(
  trx: Database,
  topic: string,
  recipients: Set<string>,
  payload: Record<string, unknown>,
): Promise<void> {
  return enqueueAll(
    trx,
    [...recipients].map((recipientStaffId) => ({ topic, recipientStaffId, payload })),
  );
}

async function warn(trx: Database, ticket: TicketView, now: Date): Promise<boolean> {
  if (ticket.due_at === null || ticket.sla_clock === null) {
    // No clock runs: nothing to warn about, and the row must leave the sweep.
    await updateTicket(trx, ticket.id, { sla_warn_at: null });
    return false;
  }
  const clock = ticket.sla_clock;
  const recorded = await insertSlaEvent(trx, {
    ticket_id: ticket.id,
    clock,
    kind: "warning",
    due_at: ticket.due_at,
    at: now,
  });
  await markSla(trx, ticket.id, { warned_at: now });
  if (!recorded) return false;
  await recordAudit(trx, null, {
    action: "ticket.sla_warned",
    subjectKind: "ticket",
    subjectId: ticket.id,
    accountId: null,
    details: { number: formatTicketNumber(ticket.number), clock, dueAt: ticket.due_at },
  });
  const payload = { ...staffNotice(ticket), clock, warnedAt: now.toISOString() };
  await announce(trx, "sla.warning", await slaRecipients(trx, ticket), payload);
  return true;
}

async function breach(trx: Database, ticket: TicketView, now: Date): Promise<boolean> {
  if (ticket.due_at === null || ticket.sla_clock === null) return false;
  const clock = ticket.sla_clock;
  const dueAt = ticket.due_at.toISOString();
  const recorded = await insertSlaEvent(trx, {
    ticket_id: ticket.id,
    clock,
    kind: "breach",
    due_at: ticket.due_at,
    at: now,
  });
  await markSla(trx, ticket.id, { breached_at: now });
  if (!recorded) return false;
  await recordAudit(trx, null, {
    action: "ticket.sla_breached",
    subjectKind: "ticket",
    subjectId: ticket.id,
    accountId: null,
    details: { number: formatTicketNumber(ticket.number), clock, dueAt },
  });
  const payload = { ...staffNotice(ticket), clock, breachedAt: now.toISOString() };
  await announce(trx, "sla.breached", await slaRecipients(trx, ticket), payload);
  const what = `SLA breach: the ${clock} clock was due at ${dueAt}`;
  const to = nextTier(ticket.tier);
  const escalated = await escalateTicket(trx, ticket, {
    reason: "breach",
    actor: null,
    note: `${what}; escalated automatically from ${ticket.tier} to ${to}.`,
    now,
  });
  if (!escalated) {
    await insertMessage(trx, {
      ticket_id: ticket.id,
      kind: "internal",
      author_user_id: null,
      author_staff_id: null,
      body: `${what}; the ticket is already with ${ticket.tier}, the top tier, and stays with its assignee.`,
      created_at: now,
    });
  }
  return true;
}

type Step = (trx: Database, ticket: TicketView, now: Date) => Promise<boolean>;

/** Runs one kind of mark over every due ticket, a locked batch per transaction. */
async function sweep(
  db: Database,
  clock: Clock,
  lockDue: (trx: Database, now: Date, limit: number) => Promise<string[]>,
  step: Step,
): Promise<number> {
  let total = 0;
  for (;;) {
    const now = clock.now();
    const { seen, marked } = await inTransaction(db, async (trx) => {
      const ids = await lockDue(trx, now, BATCH);
      let count = 0;
      for (const id of ids) {
        const ticket = await findTicket(trx, { id });
        if (ticket && (await step(trx, ticket, now))) count += 1;
      }
      return { seen: ids.length, marked: count };
    });
    total += marked;
    if (seen < BATCH) return total;
  }
}

/**
 * Marks every SLA warning and breach due at the clock's now: warnings first, so a ticket found
 * past due is warned and then breached, and breached tickets escalate one tier by themselves.
 * Returns how many tickets were warned and breached by this call.
 */
export async function sweepSla(
  db: Database,
  clock: Clock,
): Promise<{ warned: number; breached: number }> {
  const warned = await sweep(db, clock, lockWarnDue, warn);
  const breached = await sweep(db, clock, lockBreachDue, breach);
  return { warned, breached };
}
