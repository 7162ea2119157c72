import type { Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { TicketStatus, TicketsTable } from "../../db/schema.ts";
import type { Actor } from "../../http/principal.ts";
import { translator } from "../../i18n/index.ts";
import { enqueueAll, type OutboxMessage } from "../../jobs/outbox.ts";
import { type AuditEntry, recordAudits } from "../audit/recorder.ts";
import { clockAfter } from "./clock-store.ts";
import { insertMessage } from "./message-repository.ts";
import { type TicketRow, type TicketView, updateTicket } from "./repository.ts";
import { formatTicketNumber, SERVICE_CATEGORY_ACTION } from "./rules.ts";
import type { ClockEvent } from "./sla-clock.ts";

/** What every ticket command shares: status changes, system messages, audit and notices. */

type Contacts = Pick<
  TicketView,
  "account_id" | "category" | "admin_account_id" | "tech_account_id" | "billing_account_id"
>;

/**
 * The customer accounts a ticket concerns: the requester's, the service's admin (its owner),
 * and the contact whose role matches the category (tech for technical, billing for billing).
 * On a direct service they are one account; on a partner-managed one, several.
 */
export function concernedAccounts(ticket: Contacts): string[] {
  const accounts = new Set<string>([ticket.account_id]);
  if (ticket.admin_account_id) accounts.add(ticket.admin_account_id);
  const action = SERVICE_CATEGORY_ACTION[ticket.category];
  if (action === "ticket.technical.open" && ticket.tech_account_id) {
    accounts.add(ticket.tech_account_id);
  }
  if (action === "ticket.billing.open" && ticket.billing_account_id) {
    accounts.add(ticket.billing_account_id);
  }
  return [...accounts];
}

/** What a ticket's notices are made of. */
export type NoticeSource = Pick<
  TicketRow,
  "id" | "number" | "subject" | "category" | "severity" | "status" | "universe" | "due_at"
> & { service_name: string | null };

/** What notifications say about a ticket; never the content of an internal note. */
export function ticketNotice(ticket: NoticeSource) {
  return {
    ticketId: ticket.id,
    number: formatTicketNumber(ticket.number),
    subject: ticket.subject,
    category: ticket.category,
    severity: ticket.severity,
    status: ticket.status,
    serviceName: ticket.service_name,
    universe: ticket.universe,
    dueAt: ticket.due_at?.toISOString() ?? null,
  };
}

/**
 * One outbox message per concerned account, optionally leaving out the author's own, plus
 * `staffNotices` (the assignee's side of the same change): all in one event. A change no one
 * is told about (a customer writing on its own unassigned ticket) still writes one row without
 * recipient, so staff live streams and global webhooks see every change.
 */
export async function notifyAccounts(
  trx: Database,
  topic: string,
  ticket: TicketView,
  payload: Record<string, unknown>,
  exceptAccountId: string | null = null,
  staffNotices: OutboxMessage[] = [],
): Promise<void> {
  await enqueueAll(trx, accountNotices(topic, ticket, payload, exceptAccountId, staffNotices));
}

/** The messages `notifyAccounts` queues. */
export function accountNotices(
  topic: string,
  ticket: NoticeSource & Contacts,
  payload: Record<string, unknown>,
  exceptAccountId: string | null = null,
  staffNotices: OutboxMessage[] = [],
): OutboxMessage[] {
  const notice = { ...ticketNotice(ticket), ...payload };
  const recipients = concernedAccounts(ticket).filter((id) => id !== exceptAccountId);
  const messages: OutboxMessage[] = [
    ...recipients.map((accountId) => ({ topic, recipientAccountId: accountId, payload: notice })),
    ...staffNotices,
  ];
  if (messages.length === 0) messages.push({ topic, payload: notice });
  return messages;
}

/** Audits a ticket step for each concerned account, so each reads it in its own audit log. */
export async function auditTicket(
  trx: Database,
  actor: Actor | null,
  ticket: TicketView,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudits(trx, actor, ticketAuditEntries(ticket, action, details));
}

/** The entries `auditTicket` records: one per concerned account. */
export function ticketAuditEntries(
  ticket: Contacts & Pick<TicketRow, "id" | "number">,
  action: string,
  details: Record<string, unknown> = {},
): AuditEntry[] {
  return concernedAccounts(ticket).map((accountId) => ({
    action,
    subjectKind: "ticket",
    subjectId: ticket.id,
    accountId,
    details: { number: formatTicketNumber(ticket.number), ...details },
  }));
}

/** Solved and closed times follow the status: set on entering, cleared on reopening. */
function statusDates(from: TicketStatus, to: TicketStatus, now: Date): Updateable<TicketsTable> {
  if (from === to) return {};
  if (to === "solved") return { solved_at: now, closed_at: null };
  if (to === "closed") return { closed_at: now };
  if (from === "solved" || from === "closed") return { solved_at: null, closed_at: null };
  return {};
}

export interface TicketChange {
  /** The new status, when it changes. */
  status?: TicketStatus;
  /** Clock events besides the status change, in order. */
  events?: ClockEvent[];
  /** Other columns to write with it. */
  patch?: Updateable<TicketsTable>;
  /** A system message to record instead of the plain status change. */
  systemMessage?: string;
  now: Date;
}

/**
 * Writes a ticket change: the status, the SLA clock recomputed from the events, updated_at, and
 * a system message recording a status change in the ticket's language. Call inside the
 * command's transaction with the ticket row locked. Returns the status after the change.
 */
export async function writeChange(
  trx: Database,
  ticket: TicketView,
  change: TicketChange,
): Promise<TicketStatus> {
  const from = ticket.status;
  const to = change.status ?? from;
  const events: ClockEvent[] = [
    ...(to !== from ? [{ kind: "status" as const, from, to }] : []),
    ...(change.events ?? []),
  ];
  const clock = events.length > 0 ? await clockAfter(trx, ticket, events, to, change.now) : {};
  await updateTicket(trx, ticket.id, {
    ...clock,
    ...statusDates(from, to, change.now),
    ...change.patch,
    status: to,
    updated_at: change.now,
  });
  if (to !== from || change.systemMessage) {
    const t = translator(ticket.language);
    await insertMessage(trx, {
      ticket_id: ticket.id,
      kind: "system",
      author_user_id: null,
      author_staff_id: null,
      body:
        change.systemMessage ??
        t("ticket.system.status", {
          from: t(`ticket.status.${from}`),
          to: t(`ticket.status.${to}`),
        }),
      // One millisecond after the message that caused it, so the conversation reads in order.
      created_at: new Date(change.now.getTime() + 1),
    });
  }
  return to;
}
