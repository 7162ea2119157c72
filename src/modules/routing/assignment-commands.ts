import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor } from "../../http/principal.ts";
import { AppError, forbidden } from "../../http/problem.ts";
import { ticketClosed } from "../tickets/conversation.ts";
import { presentTicket } from "../tickets/presenter.ts";
import { loadTicket } from "../tickets/queries.ts";
import { findTicket, type TicketView } from "../tickets/repository.ts";
import { formatTicketNumber } from "../tickets/rules.ts";
import { assignTicket, releaseTicket } from "./assignment.ts";
import { authorize, mayUnassign } from "./policy.ts";
import { findStaffMember, type StaffMember } from "./repository.ts";
import { HANDLER_ROLES, QUEUE_STATUSES, servesTier } from "./rules.ts";
import type { AssignBody } from "./schemas.ts";

/** Assignment by hand: a lead assigns, an agent takes from its queue, either releases. */

const staffIdError = (message: string) =>
  new AppError("unprocessable", `staffId: ${message}`, [{ field: "staffId", in: "body", message }]);

async function reread(ctx: AppContext, actor: Actor, id: string) {
  const view = await findTicket(ctx.db, { id });
  if (!view) throw new Error(`ticket ${id} vanished after commit`);
  return presentTicket(actor.principal, view);
}

/** Whether the staff member could work this ticket at all: a handler who sees its universe. */
function checkHandler(member: StaffMember | undefined, ticket: TicketView): StaffMember {
  if (!member) throw staffIdError("no such staff member");
  if (!member.active) throw staffIdError("this staff member is deactivated");
  if (!HANDLER_ROLES.includes(member.role)) {
    throw staffIdError(`a ${member.role} does not take tickets; choose an agent or a lead`);
  }
  if (member.role === "agent" && !member.universes.includes(ticket.universe)) {
    throw staffIdError(`this agent does not work in the ${ticket.universe} universe`);
  }
  return member;
}

/**
 * A lead or admin hands the ticket to an agent or lead who works in its universe. A person's
 * decision: tier, language and capacity are the lead's call, and the ticket keeps its tier.
 */
export async function assign(ctx: AppContext, actor: Actor, numberText: string, input: AssignBody) {
  const { principal } = actor;
  await loadTicket(ctx.db, principal, numberText, "ticket.read");
  authorize(principal, "ticket.assign");
  const id = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.read", true);
    if (ticket.status === "closed") throw ticketClosed(ticket);
    const member = checkHandler(await findStaffMember(trx, input.staffId), ticket);
    if (ticket.assigned_staff_id !== member.id) {
      await assignTicket(trx, ticket, {
        staffId: member.id,
        tier: ticket.tier,
        how: "assigned",
        actor,
      });
    }
    return ticket.id;
  });
  return reread(ctx, actor, id);
}

/**
 * An agent or lead takes an unassigned ticket waiting in one of its queues: its tier (an L3
 * expert may take an Enterprise ticket from the TAM queue), one of its languages, its universe
 * or product, and room under its capacity.
 */
export async function take(ctx: AppContext, actor: Actor, numberText: string) {
  const { principal } = actor;
  await loadTicket(ctx.db, principal, numberText, "ticket.read");
  authorize(principal, "ticket.take");
  if (principal.kind !== "staff") throw forbidden("Only staff take tickets");
  const id = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.read", true);
    const number = formatTicketNumber(ticket.number);
    if (ticket.assigned_staff_id === principal.staffId) return ticket.id;
    if (ticket.assigned_staff_id !== null) {
      throw new AppError(
        "conflict",
        `Ticket ${number} is already assigned; ask a lead to reassign it`,
      );
    }
    if (!QUEUE_STATUSES.includes(ticket.status)) {
      throw new AppError("conflict", `Ticket ${number} is ${ticket.status}: it waits in no queue`);
    }
    // Locking one's own row serialises this with auto-assignment, so capacity holds.
    const me = await findStaffMember(trx, principal.staffId, true);
    if (!me?.active) throw forbidden("Deactivated staff take no tickets");
    if (!servesTier(me.tier, ticket.tier)) {
      throw forbidden(`Ticket ${number} waits in the ${ticket.tier} queue; you work ${me.tier}`);
    }
    if (!me.languages.includes(ticket.language)) {
      throw forbidden(
        `Ticket ${number} is in ${ticket.language}, which is not one of your languages`,
      );
    }
    const skilled =
      me.universes.includes(ticket.universe) ||
      (ticket.product !== null && me.products.includes(ticket.product));
    if (!skilled) {
      throw forbidden(
        `Ticket ${number} needs the ${ticket.universe} universe or its product among your skills`,
      );
    }
    const load = me.open_tickets;
    if (load >= me.max_concurrent_tickets) {
      throw new AppError(
        "conflict",
        `You already hold ${load} tickets, your maximum: solve or hand over one before taking ${number}`,
      );
    }
    await assignTicket(trx, ticket, { staffId: me.id, tier: me.tier, how: "taken", actor });
    return ticket.id;
  });
  return reread(ctx, actor, id);
}

/** Puts the ticket back in its queue: leads and admins, or the assignee itself. */
export async function unassign(ctx: AppContext, actor: Actor, numberText: string) {
  const { principal } = actor;
  const seen = await loadTicket(ctx.db, principal, numberText, "ticket.read");
  if (!mayUnassign(principal, seen.assigned_staff_id)) authorize(principal, "ticket.unassign");
  const id = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.read", true);
    if (!mayUnassign(principal, ticket.assigned_staff_id)) authorize(principal, "ticket.unassign");
    await releaseTicket(trx, ticket, actor, "released");
    return ticket.id;
  });
  return reread(ctx, actor, id);
}
