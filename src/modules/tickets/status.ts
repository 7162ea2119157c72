import type { Database } from "../../db/database.ts";
import type { TicketStatus } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import { translator } from "../../i18n/index.ts";
import type { Clock } from "../../lib/clock.ts";
import { ticketClosed } from "./conversation.ts";
import type { StatusBody } from "./message-schemas.ts";
import { presentTicket } from "./presenter.ts";
import { loadTicket } from "./queries.ts";
import { findTicket, lockSolvedBefore } from "./repository.ts";
import { AUTO_CLOSE_AFTER_DAYS, DAY_MS, formatTicketNumber, REOPEN_WITHIN_DAYS } from "./rules.ts";
import { auditTicket, notifyAccounts, writeChange } from "./transitions.ts";

/**
 * The ticket state machine outside messages: staff set waiting-for-customer,
 * waiting-for-provider, on-hold or solved; customers close, and reopen within 30 days; solved
 * tickets close by themselves after 7 days without a reply.
 */

async function reread(ctx: AppContext, actor: Actor, id: string) {
  const view = await findTicket(ctx.db, { id });
  if (!view) throw new Error(`ticket ${id} vanished after commit`);
  return presentTicket(actor.principal, view);
}

/** Staff set a status; the SLA clock pauses, resumes or stops with it. */
export async function setStatus(
  ctx: AppContext,
  actor: Actor,
  numberText: string,
  input: StatusBody,
) {
  const { principal } = actor;
  await loadTicket(ctx.db, principal, numberText, "ticket.status.set");
  const now = ctx.clock.now();
  const id = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.status.set", true);
    if (ticket.status === "closed") throw ticketClosed(ticket);
    if (ticket.status === input.status) return ticket.id;
    await writeChange(trx, ticket, { status: input.status, now });
    await auditTicket(trx, actor, ticket, "ticket.status_changed", {
      from: ticket.status,
      to: input.status,
    });
    await notifyAccounts(trx, "ticket.status_changed", ticket, {
      status: input.status,
      previousStatus: ticket.status,
    });
    return ticket.id;
  });
  return reread(ctx, actor, id);
}

/** The customer closes its ticket, whatever its state. */
export async function closeTicket(ctx: AppContext, actor: Actor, numberText: string) {
  const { principal } = actor;
  await loadTicket(ctx.db, principal, numberText, "ticket.close");
  const now = ctx.clock.now();
  const id = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.close", true);
    if (ticket.status === "closed") throw ticketClosed(ticket);
    await writeChange(trx, ticket, {
      status: "closed",
      systemMessage: translator(ticket.language)("ticket.system.closedByCustomer"),
      now,
    });
    await auditTicket(trx, actor, ticket, "ticket.closed", { from: ticket.status });
    await notifyAccounts(trx, "ticket.closed", ticket, { status: "closed" });
    return ticket.id;
  });
  return reread(ctx, actor, id);
}

/**
 * The customer reopens a solved or closed ticket within 30 days of its resolution (or of its
 * closing, for a ticket closed unsolved); later, a new ticket is the way.
 */
export async function reopenTicket(ctx: AppContext, actor: Actor, numberText: string) {
  const { principal } = actor;
  await loadTicket(ctx.db, principal, numberText, "ticket.reopen");
  const now = ctx.clock.now();
  const id = await inTransaction(ctx.db, async (trx) => {
    const ticket = await loadTicket(trx, principal, numberText, "ticket.reopen", true);
    const number = formatTicketNumber(ticket.number);
    if (ticket.status !== "solved" && ticket.status !== "closed") {
      throw new AppError("conflict", `Ticket ${number} is ${ticket.status}, not solved or closed`);
    }
    const since = ticket.solved_at ?? ticket.closed_at ?? ticket.updated_at;
    if (now.getTime() - since.getTime() > REOPEN_WITHIN_DAYS * DAY_MS) {
      throw new AppError(
        "reopen_window_passed",
        `Ticket ${number} was ${ticket.solved_at ? "solved" : "closed"} on ${since.toISOString().slice(0, 10)}; tickets may be reopened within ${REOPEN_WITHIN_DAYS} days, so open a new ticket and mention ${number}`,
      );
    }
    const status: TicketStatus = "waiting-for-provider";
    await writeChange(trx, ticket, {
      status,
      patch: { reopened_count: ticket.reopened_count + 1 },
      systemMessage: translator(ticket.language)("ticket.system.reopened"),
      now,
    });
    await auditTicket(trx, actor, ticket, "ticket.reopened", { from: ticket.status });
    await notifyAccounts(trx, "ticket.reopened", ticket, { status });
    return ticket.id;
  });
  return reread(ctx, actor, id);
}

const BATCH = 200;

/**
 * Closes tickets solved more than 7 days ago without a reply (a reply reopens them), audited
 * as the system and announced. Batches are separate transactions and skip rows another process
 * holds, so several Palier processes may run it at once. Returns how many closed.
 */
export async function closeSolvedTickets(db: Database, clock: Clock): Promise<number> {
  let total = 0;
  for (;;) {
    const now = clock.now();
    const before = new Date(now.getTime() - AUTO_CLOSE_AFTER_DAYS * DAY_MS);
    const closed = await inTransaction(db, async (trx) => {
      const due = await lockSolvedBefore(trx, before, BATCH);
      for (const { id } of due) {
        const ticket = await findTicket(trx, { id });
        if (!ticket) continue;
        await writeChange(trx, ticket, {
          status: "closed",
          systemMessage: translator(ticket.language)("ticket.system.autoClosed", {
            days: AUTO_CLOSE_AFTER_DAYS,
          }),
          now,
        });
        await auditTicket(trx, null, ticket, "ticket.auto_closed", {});
        await notifyAccounts(trx, "ticket.closed", ticket, { status: "closed", automatic: true });
      }
      return due.length;
    });
    total += closed;
    if (closed < BATCH) return total;
  }
}
