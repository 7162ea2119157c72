import type { Database } from "../../db/database.ts";
import type { StaffTier } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor } from "../../http/principal.ts";
import { AppError, invalidField } from "../../http/problem.ts";
import { enqueueAll } from "../../jobs/outbox.ts";
import { recordAudit } from "../audit/recorder.ts";
import { ticketClosed } from "../tickets/conversation.ts";
import { insertMessage } from "../tickets/message-repository.ts";
import { presentTicket } from "../tickets/presenter.ts";
import { loadTicket } from "../tickets/queries.ts";
import { findTicket, type TicketRow, updateTicket } from "../tickets/repository.ts";
import { formatTicketNumber } from "../tickets/rules.ts";
import { autoAssign, skillsFor, staffNotice } from "./assignment.ts";
import { authorize } from "./policy.ts";
import { insertEscalation, leadsFor, listEscalations } from "./repository.ts";
import { nextTier } from "./rules.ts";
import type { EscalateBody } from "./schemas.ts";

export type EscalationReason = "manual" | "breach" | "rating";

export interface EscalationInput {
  reason: EscalationReason;
  /** Who escalates; null when Palier does (breach, rating). */
  actor: Actor | null;
  /** The internal note recording why: the agent's summary, or Palier's account of the event. */
  note: string;
  now: Date;
  /** Staff the re-routing must not pick. */
  exclude?: readonly string[];
}

export interface Escalated {
  from: StaffTier;
  to: StaffTier;
  assignedStaffId: string | null;
}

/**
 * Moves a ticket one tier up inside the caller's transaction: the internal note, the
 * ticket_escalations row, the new tier with no assignee, then auto-assignment in that tier;
 * the previous and new assignees (or, with nobody free, the universe's leads) are told. Returns
 * null, writing nothing, when the ticket is already at the top tier.
 */
export async function escalateTicket(
  db: Database,
  ticket: TicketRow,
  input: EscalationInput,
): Promise<Escalated | null> {
  const to = nextTier(ticket.tier);
  if (to === null) return null;
  const { now } = input;
  const staffId = input.actor?.principal.kind === "staff" ? input.actor.principal.staffId : null;
  const note = await insertMessage(db, {
    ticket_id: ticket.id,
    kind: "internal",
    author_user_id: null,
    author_staff_id: staffId,
    body: input.note,
    created_at: now,
  });
  await insertEscalation(db, {
    ticket_id: ticket.id,
    from_tier: ticket.tier,
    to_tier: to,
    reason: input.reason,
    by_staff_id: staffId,
    at: now,
  });
  await updateTicket(db, ticket.id, { tier: to, assigned_staff_id: null });
  const moved: TicketRow = { ...ticket, tier: to, assigned_staff_id: null };
  const chosen = await autoAssign(db, moved, {
    exclude: input.exclude ?? [],
    actor: input.actor,
  });
  const assignedStaffId = chosen?.id ?? null;
  await recordAudit(db, input.actor, {
    action: "ticket.escalated",
    subjectKind: "ticket",
    subjectId: ticket.id,
    accountId: null,
    details: {
      number: formatTicketNumber(ticket.number),
      from: ticket.tier,
      to,
      reason: input.reason,
      noteId: note.id,
      previousStaffId: ticket.assigned_staff_id,
      assignedStaffId,
    },
  });
  const payload = { ...staffNotice(moved), fromTier: ticket.tier, reason: input.reason };
  const recipients = new Set<string>();
  if (ticket.assigned_staff_id) recipients.add(ticket.assigned_staff_id);
  if (assignedStaffId) {
    recipients.add(assignedStaffId);
  } else {
    const { region } = await skillsFor(db, moved);
    for (const lead of await leadsFor(db, ticket.universe, region)) recipients.add(lead);
  }
  // One change, one event id: a subscriber that sees every event gets the escalation once.
  await enqueueAll(
    db,
    [...recipients].map((recipientStaffId) => ({
      topic: "ticket.escalated",
      recipientStaffId,
      payload,
    })),
  );
  return { from: ticket.tier, to, assignedStaffId };
}

/**
 * An agent sends a ticket to the next tier with a mandatory summary, kept as an internal note;
 * the ticket is re-routed there. L3 is the top: 409.
 */
export async function escalate(
  ctx: AppContext,
  actor: Actor,
  numberText: string,
  input: EscalateBody,
) {
  const { principal } = actor;
  await loadTicket(ctx.db, principal, numberText, "ticket.read");
  authorize(principal, "ticket.escalate");
  const summary = input.summary.trim();
  if (summary.length === 0) {
    throw invalidField("summary", "summary: say what was tried and why the next tier is needed");
  }
  const now = ctx.clock.now();
  const id = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.read", true);
    if (ticket.status === "closed") throw ticketClosed(ticket);
    const escalated = await escalateTicket(trx, ticket, {
      reason: "manual",
      actor,
      note: summary,
      now,
    });
    if (!escalated) {
      throw new AppError(
        "conflict",
        `Ticket ${formatTicketNumber(ticket.number)} is already with L3, the top tier: there is no tier to escalate to; ask a lead to reassign it within L3 instead`,
      );
    }
    return ticket.id;
  });
  const view = await findTicket(ctx.db, { id });
  if (!view) throw new Error(`ticket ${id} vanished after commit`);
  return presentTicket(principal, view);
}

/** A ticket's escalations, oldest first (staff only: tiers are staff business). */
export async function ticketEscalations(ctx: AppContext, actor: Actor, numberText: string) {
  const { principal } = actor;
  const ticket = await loadTicket(ctx.db, principal, numberText, "ticket.messages.read-internal");
  const rows = await listEscalations(ctx.db, ticket.id);
  return {
    items: rows.map((row) => ({
      fromTier: row.from_tier,
      toTier: row.to_tier,
      reason: row.reason,
      by: row.by_staff_id === null ? null : { staffId: row.by_staff_id, name: row.name },
      at: row.at.toISOString(),
    })),
  };
}
