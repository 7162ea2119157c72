import type { Database } from "../../db/database.ts";
import type { TicketStatus } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import { enqueue } from "../../jobs/outbox.ts";
import { recordAudit } from "../audit/recorder.ts";
import { claimAttachments } from "./attachments.ts";
import { attachmentsOfMessages, findMessage, insertMessage } from "./message-repository.ts";
import type { NoteBody, OutOfPerimeterBody, ReplyBody } from "./message-schemas.ts";
import { helpFor, outOfPerimeterAnswer, requireArea } from "./perimeter.ts";
import { presentMessage } from "./presenter.ts";
import { loadTicket } from "./queries.ts";
import type { TicketView } from "./repository.ts";
import { formatTicketNumber, REOPEN_WITHIN_DAYS } from "./rules.ts";
import { auditTicket, notifyAccounts, ticketNotice, writeChange } from "./transitions.ts";

/** Customer replies, public agent answers, internal notes and the out-of-perimeter answer. */

const fieldError = (field: string, message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, [{ field, in: "body", message }]);

export function ticketClosed(ticket: TicketView): AppError {
  return new AppError(
    "ticket_closed",
    `Ticket ${formatTicketNumber(ticket.number)} is closed: reopen it (within ${REOPEN_WITHIN_DAYS} days) or open a new ticket`,
  );
}

async function presentCreated(ctx: AppContext, messageId: string) {
  const row = await findMessage(ctx.db, messageId);
  if (!row) throw new Error(`message ${messageId} vanished after commit`);
  return presentMessage(row, await attachmentsOfMessages(ctx.db, [row.id]));
}

/** The status a customer reply leads to: the provider's turn again, reopening a solved ticket. */
function afterCustomerReply(status: TicketStatus): TicketStatus {
  return status === "solved" || status === "waiting-for-customer" ? "waiting-for-provider" : status;
}

/**
 * A message on a ticket: from a customer (its account's ticket, or a contact allowed on the
 * category) or a public answer from staff, which may set a status at the same time.
 */
export async function postMessage(
  ctx: AppContext,
  actor: Actor,
  numberText: string,
  input: ReplyBody,
) {
  const { principal } = actor;
  const action = principal.kind === "user" ? "ticket.reply" : "ticket.answer";
  await loadTicket(ctx.db, principal, numberText, action);
  if (principal.kind === "user" && input.status !== undefined) {
    throw fieldError("status", "only staff set a status along with a message");
  }
  const now = ctx.clock.now();
  const messageId = await inTransaction(ctx.db, (trx) =>
    writeMessage(trx, actor, numberText, input, now),
  );
  return presentCreated(ctx, messageId);
}

/**
 * The writes of `postMessage` inside the caller's transaction, for channels that own theirs
 * (inbound mail records its own outcome in the same one). Checks visibility and the action
 * again on the locked ticket; returns the new message's id.
 */
export async function writeMessage(
  trx: Database,
  actor: Actor,
  numberText: string,
  input: ReplyBody,
  now: Date,
): Promise<string> {
  const { principal } = actor;
  const action = principal.kind === "user" ? "ticket.reply" : "ticket.answer";
  const ticket = await loadTicket(trx, principal, numberText, action, true);
  if (ticket.status === "closed") throw ticketClosed(ticket);
  const message = await insertMessage(trx, {
    ticket_id: ticket.id,
    kind: principal.kind === "user" ? "customer" : "agent",
    author_user_id: principal.kind === "user" ? principal.userId : null,
    author_staff_id: principal.kind === "staff" ? principal.staffId : null,
    body: input.body,
    created_at: now,
  });
  await claimAttachments(trx, principal, input.attachments ?? [], message.id);

  if (principal.kind === "user") {
    const reopening = ticket.status === "solved";
    const status = await writeChange(trx, ticket, {
      status: afterCustomerReply(ticket.status),
      events: [{ kind: "customer-message" }],
      patch: reopening ? { reopened_count: ticket.reopened_count + 1 } : {},
      now,
    });
    await auditTicket(trx, actor, ticket, "ticket.customer_replied", {
      messageId: message.id,
      status,
      reopened: reopening,
    });
    // The other accounts and the assignee hear of the message as one event.
    const assignee = ticket.assigned_staff_id;
    await notifyAccounts(
      trx,
      "ticket.message",
      ticket,
      { messageId: message.id, status },
      principal.accountId,
      assignee
        ? [
            {
              topic: "ticket.customer_replied",
              recipientStaffId: assignee,
              payload: { ...ticketNotice(ticket), messageId: message.id, status },
            },
          ]
        : [],
    );
  } else {
    const status = await writeChange(trx, ticket, {
      ...(input.status !== undefined ? { status: input.status } : {}),
      events: [{ kind: "agent-answer" }],
      now,
    });
    await auditTicket(trx, actor, ticket, "ticket.answered", { messageId: message.id, status });
    await notifyAccounts(trx, "ticket.answered", ticket, { messageId: message.id, status });
  }
  return message.id;
}

/**
 * A staff-only internal note. It changes neither the status, the clocks nor updated_at, and its
 * audit entry names no customer account, so nothing a customer can read reveals it.
 */
export async function addNote(ctx: AppContext, actor: Actor, numberText: string, input: NoteBody) {
  const { principal } = actor;
  await loadTicket(ctx.db, principal, numberText, "ticket.note");
  if (principal.kind !== "staff") throw new Error("policy lets only staff write notes");
  const now = ctx.clock.now();
  const messageId = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.note", true);
    const message = await insertMessage(trx, {
      ticket_id: ticket.id,
      kind: "internal",
      author_user_id: null,
      author_staff_id: principal.staffId,
      body: input.body,
      created_at: now,
    });
    await claimAttachments(trx, principal, input.attachments ?? [], message.id);
    await recordAudit(trx, actor, {
      action: "ticket.note_added",
      subjectKind: "ticket",
      subjectId: ticket.id,
      accountId: null,
      details: { number: formatTicketNumber(ticket.number), messageId: message.id },
    });
    if (ticket.assigned_staff_id && ticket.assigned_staff_id !== principal.staffId) {
      await enqueue(trx, {
        topic: "ticket.note_added",
        recipientStaffId: ticket.assigned_staff_id,
        payload: { ...ticketNotice(ticket), messageId: message.id },
      });
    }
    return message.id;
  });
  return presentCreated(ctx, messageId);
}

/**
 * The one-click answer for what is the customer's to do: a public agent message citing the
 * matrix row (area, owner, explanation) in the ticket's language, with the documentation link
 * and certified partners; the ticket is marked out of perimeter.
 */
export async function answerOutOfPerimeter(
  ctx: AppContext,
  actor: Actor,
  numberText: string,
  input: OutOfPerimeterBody,
) {
  const { principal } = actor;
  const loaded = await loadTicket(ctx.db, principal, numberText, "ticket.out-of-perimeter-answer");
  if (principal.kind !== "staff") throw new Error("policy lets only staff answer for the provider");
  if (loaded.product === null) {
    throw new AppError("conflict", "This ticket concerns no product, so no matrix applies");
  }
  const areaCode = input.area ?? loaded.responsibility_area;
  if (areaCode === null) throw fieldError("area", "the ticket names no area; choose one");
  const area = await requireArea(ctx.db, loaded.product, areaCode);
  if (area.owner !== "customer") {
    throw new AppError(
      "conflict",
      `The ${area.area} area of ${loaded.product} is ${area.owner === "shared" ? "shared" : "ours"}: answer the ticket instead`,
      [{ field: "area", in: "body", message: `owned by ${area.owner}` }],
    );
  }
  const help = await helpFor(
    ctx.db,
    ctx.config,
    loaded.product,
    loaded.universe,
    loaded.account_id,
  );
  const body = outOfPerimeterAnswer(loaded.language, loaded.product, area, help);
  const now = ctx.clock.now();
  const messageId = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(
      trx,
      principal,
      numberText,
      "ticket.out-of-perimeter-answer",
      true,
    );
    if (ticket.status === "closed") throw ticketClosed(ticket);
    const message = await insertMessage(trx, {
      ticket_id: ticket.id,
      kind: "agent",
      author_user_id: null,
      author_staff_id: principal.staffId,
      body,
      created_at: now,
    });
    const status = await writeChange(trx, ticket, {
      events: [{ kind: "agent-answer" }],
      patch: { out_of_perimeter: true, responsibility_area: area.area },
      now,
    });
    await auditTicket(trx, actor, ticket, "ticket.out_of_perimeter_answered", {
      messageId: message.id,
      area: area.area,
      status,
    });
    await notifyAccounts(trx, "ticket.answered", ticket, { messageId: message.id, status });
    return message.id;
  });
  return presentCreated(ctx, messageId);
}
