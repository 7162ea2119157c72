import type { Database } from "../db/database.ts";
import type { EventConsumer, OutboxEvent } from "../jobs/consumers.ts";
import type { JobContext } from "../jobs/jobs.ts";
import { enqueueMail } from "./outgoing.ts";
import { replyAddress } from "./reply-address.ts";
import {
  accountUser,
  accountUsers,
  activeStaff,
  type Recipient,
  ticketMessage,
  ticketRequester,
} from "./repository.ts";
import {
  type ContactChangeNotice,
  type ContactChangeOutcome,
  contactChangeOutcomeMail,
  contactChangeRequestedMail,
  webhookDisabledMail,
} from "./templates/account.ts";
import type { RenderedMail } from "./templates/layout.ts";
import {
  type CustomerTicketMail,
  customerTicketMail,
  staffTicketMail,
  type TicketNotice,
} from "./templates/ticket.ts";
import {
  AUTO_SUBMITTED,
  contactChangeThreadHeaders,
  mailDomain,
  noticeHeaders,
  ticketThreadHeaders,
} from "./threading.ts";

/**
 * Topics that never become mail: staff work from their queues and the live stream, customers
 * see other steps in the portal. Listed so a new topic that is in neither list gets noticed.
 */
export const UNMAILED_TOPICS: ReadonlySet<string> = new Set([
  "ticket.message",
  "ticket.customer_replied",
  "ticket.note_added",
  "ticket.reopened",
  "ticket.assigned",
  "ticket.unassigned",
  "ticket.escalated",
  "ticket.answer_rated",
  "subscription.changed",
  "fast_path.subscribed",
  "fast_path.cancelled",
]);

const OUTCOMES: Record<string, ContactChangeOutcome> = {
  "contact_change.done": "done",
  "contact_change.refused": "refused",
  "contact_change.expired": "expired",
  "contact_change.aborted": "aborted",
};

/** The mails one outbox row becomes: who, what each reads, and the shared headers. */
interface MailPlan {
  recipients: Recipient[];
  render(recipient: Recipient): RenderedMail;
  headers: Record<string, string>;
  ticketId?: string;
  /** Customers reply into the ticket through its signed address; staff do not. */
  replyTo?: string;
  secret?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (payload: Record<string, unknown>, key: string): string => {
  const value = payload[key];
  return typeof value === "string" ? value : "";
};

function ticketOf(payload: Record<string, unknown>): TicketNotice {
  return {
    ticketId: text(payload, "ticketId"),
    number: text(payload, "number"),
    subject: text(payload, "subject"),
    status: text(payload, "status"),
    severity: text(payload, "severity"),
    serviceName: text(payload, "serviceName") || null,
  };
}

/**
 * Who of an account hears about a ticket: on the requester's own account, the requester alone
 * (colleagues follow the ticket in the portal); on any other concerned account (a partner, the
 * service's owner), all of its users. A ticket opened by staff for an account, or whose
 * requester left, goes to all users of the account.
 */
async function ticketRecipients(
  trx: Database,
  accountId: string,
  ticketId: string,
): Promise<{ recipients: Recipient[]; requesterId: string | null }> {
  const ticket = UUID.test(ticketId) ? await ticketRequester(trx, ticketId) : undefined;
  if (!ticket) return { recipients: [], requesterId: null };
  if (ticket.account_id === accountId && ticket.requester_user_id) {
    const requester = await accountUser(trx, accountId, ticket.requester_user_id);
    if (requester) return { recipients: [requester], requesterId: requester.id };
  }
  return { recipients: await accountUsers(trx, accountId), requesterId: null };
}

/** The customer mail a ticket topic makes, or null when the topic says nothing worth mailing. */
async function customerTicketKind(
  event: OutboxEvent,
  trx: Database,
): Promise<((recipient: Recipient, requesterId: string | null) => CustomerTicketMail) | null> {
  const { payload } = event;
  switch (event.topic) {
    case "ticket.created":
      return (recipient, requesterId) => ({
        kind: "created",
        asRequester: recipient.id === requesterId,
      });
    case "ticket.answered": {
      // Only an agent's public answer of this very ticket is mailed: never an internal note.
      const messageId = text(payload, "messageId");
      const message = UUID.test(messageId) ? await ticketMessage(trx, messageId) : undefined;
      if (message?.kind !== "agent" || message.ticket_id !== text(payload, "ticketId")) return null;
      return () => ({ kind: "answered", body: message.body, solved: payload.status === "solved" });
    }
    case "ticket.status_changed":
      if (payload.status === "solved") return () => ({ kind: "solved" });
      if (payload.status === "closed") return () => ({ kind: "closed", automatic: false });
      return null;
    case "ticket.closed":
      return () => ({ kind: "closed", automatic: payload.automatic === true });
    case "ticket.reminder":
      return () => ({ kind: "reminder", waitingSince: text(payload, "waitingSince") });
    default:
      return null;
  }
}

async function accountOrStaff(trx: Database, event: OutboxEvent): Promise<Recipient[]> {
  if (event.recipientAccountId) return accountUsers(trx, event.recipientAccountId);
  if (event.recipientStaffId) {
    const staff = await activeStaff(trx, event.recipientStaffId);
    return staff ? [staff] : [];
  }
  return [];
}

async function planFor(
  event: OutboxEvent,
  trx: Database,
  ctx: JobContext,
): Promise<MailPlan | null> {
  const domain = mailDomain(ctx.config.supportAddress);
  const { payload } = event;
  if (event.topic.startsWith("ticket.") && event.recipientAccountId) {
    const kindOf = await customerTicketKind(event, trx);
    if (!kindOf) return null;
    const ticket = ticketOf(payload);
    const { recipients, requesterId } = await ticketRecipients(
      trx,
      event.recipientAccountId,
      ticket.ticketId,
    );
    return {
      recipients,
      render: (recipient) => customerTicketMail(recipient, ticket, kindOf(recipient, requesterId)),
      headers: ticketThreadHeaders(
        ticket.ticketId,
        event.id,
        domain,
        event.topic === "ticket.created",
      ),
      ticketId: ticket.ticketId,
      replyTo: replyAddress(ctx.keys, ctx.config.supportAddress, ticket.ticketId),
    };
  }
  if ((event.topic === "sla.warning" || event.topic === "sla.breached") && event.recipientStaffId) {
    const ticket = ticketOf(payload);
    const kind = event.topic === "sla.warning" ? "sla-warning" : "sla-breached";
    const mail = { kind, clock: text(payload, "clock"), dueAt: text(payload, "dueAt") } as const;
    return {
      recipients: await accountOrStaff(trx, event),
      render: (recipient) => staffTicketMail(recipient, ticket, mail),
      headers: ticketThreadHeaders(ticket.ticketId, event.id, domain, false),
      ticketId: ticket.ticketId,
    };
  }
  if (event.topic.startsWith("contact_change.") && event.recipientAccountId) {
    const change = payload as unknown as ContactChangeNotice;
    const headers = contactChangeThreadHeaders(change.contactChangeId, event.id, domain);
    const recipients = await accountUsers(trx, event.recipientAccountId);
    if (event.topic === "contact_change.requested") {
      const secret = { link: text(payload, "link"), token: text(payload, "token") };
      return {
        recipients,
        render: (recipient) => contactChangeRequestedMail(recipient, change, secret),
        headers,
        secret: true,
      };
    }
    const outcome = OUTCOMES[event.topic];
    if (!outcome) return null;
    return {
      recipients,
      render: (recipient) => contactChangeOutcomeMail(recipient, change, outcome),
      headers,
    };
  }
  if (event.topic === "webhook.disabled") {
    const webhook = { url: text(payload, "url"), reason: text(payload, "reason") };
    return {
      recipients: await accountOrStaff(trx, event),
      render: (recipient) => webhookDisabledMail(recipient, webhook),
      headers: noticeHeaders(event.id, domain),
    };
  }
  return null;
}

/** Topics the consumer mails (for some recipients or statuses). */
export const MAILED_TOPICS: ReadonlySet<string> = new Set([
  "ticket.created",
  "ticket.answered",
  "ticket.status_changed",
  "ticket.closed",
  "ticket.reminder",
  "sla.warning",
  "sla.breached",
  "contact_change.requested",
  ...Object.keys(OUTCOMES),
  "webhook.disabled",
]);

/** Turns one dispatched outbox row into its mails (one per recipient address). */
async function mailEvent(event: OutboxEvent, trx: Database, ctx: JobContext): Promise<number> {
  if (UNMAILED_TOPICS.has(event.topic)) return 0;
  if (!MAILED_TOPICS.has(event.topic)) {
    // A topic added without deciding whether it is mailed: say so, once per row.
    ctx.log.warn({ topic: event.topic, outboxId: event.id }, "outbox topic unknown to mail");
    return 0;
  }
  const plan = await planFor(event, trx, ctx);
  if (!plan) {
    ctx.log.debug({ topic: event.topic, outboxId: event.id }, "outbox row makes no mail");
    return 0;
  }
  let queued = 0;
  for (const recipient of plan.recipients) {
    const rendered = plan.render(recipient);
    const id = await enqueueMail(trx, ctx, {
      to: recipient.address,
      toName: recipient.name,
      language: recipient.language,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: { ...plan.headers, ...AUTO_SUBMITTED },
      replyTo: plan.replyTo ?? null,
      ticketId: plan.ticketId ?? null,
      dedupeKey: `${event.id}:${recipient.address.toLowerCase()}`,
      secret: plan.secret ?? false,
    });
    if (id) queued += 1;
  }
  return queued;
}

/**
 * The mail side of delivery: for each dispatched outbox row, decides who is mailed and queues
 * one mail each, inside the dispatch transaction. Dedupe keys (row id and address) make a
 * second dispatch of the same row a no-op.
 */
export const mailConsumer: EventConsumer = {
  name: "mail",
  async consume(events, trx, ctx) {
    for (const event of events) await mailEvent(event, trx, ctx);
  },
};
