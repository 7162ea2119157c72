import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import { decodeCursor, toPage } from "../../http/pagination.ts";
import { type Actor, type Principal, requireStaff } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { recordAudit } from "../audit/recorder.ts";
import { inboundMailJob } from "./job.ts";
import { presentInboundDetail, presentInboundSummary } from "./presenter.ts";
import {
  findInboundMessage,
  type InboundKeyset,
  listInboundMessages,
  resetFailed,
  ticketNumberOf,
} from "./repository.ts";
import type { InboundListQuery } from "./schemas.ts";

/** What staff admins read and do about received mail: the list, one message, reprocessing. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function keysetOf(cursor: string | undefined): InboundKeyset | null {
  const key = decodeCursor(cursor, 2);
  if (key === null) return null;
  const [receivedAt, id] = key;
  if (
    typeof receivedAt !== "string" ||
    Number.isNaN(Date.parse(receivedAt)) ||
    typeof id !== "string" ||
    !UUID.test(id)
  ) {
    throw new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
      { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
    ]);
  }
  return { receivedAt, id };
}

export async function listInbound(ctx: AppContext, principal: Principal, query: InboundListQuery) {
  requireStaff(principal, ["admin"]);
  const limit = query.limit ?? 25;
  const rows = await listInboundMessages(ctx.db, {
    status: query.status,
    after: keysetOf(query.cursor),
    limit,
  });
  return toPage(
    rows,
    limit,
    (row) => [row.received_at.toISOString(), row.id],
    (row) => presentInboundSummary(row, row.ticket_number),
  );
}

async function loadInbound(ctx: AppContext, id: string) {
  const row = await findInboundMessage(ctx.db, id);
  if (!row) throw notFound("Inbound message");
  return row;
}

export async function getInbound(ctx: AppContext, principal: Principal, id: string) {
  requireStaff(principal, ["admin"]);
  const row = await loadInbound(ctx, id);
  const number = row.ticket_id ? await ticketNumberOf(ctx.db, row.ticket_id) : null;
  return presentInboundDetail(row, number);
}

/** The message exactly as received, for download as message/rfc822. */
export async function rawInbound(ctx: AppContext, principal: Principal, id: string) {
  requireStaff(principal, ["admin"]);
  const row = await loadInbound(ctx, id);
  return { raw: row.raw, messageId: row.message_id };
}

/**
 * Puts a failed message back in the queue, in one transaction with its job and the audit entry
 * (after the cause was fixed: a user created, a service provisioned, a parser bug corrected).
 * Only failed messages: the others already had their effect.
 */
export async function reprocessInbound(ctx: AppContext, actor: Actor, id: string) {
  requireStaff(actor.principal, ["admin"]);
  const before = await loadInbound(ctx, id);
  await inTransaction(ctx.db, async (trx) => {
    if (!(await resetFailed(trx, id))) {
      throw new AppError(
        "conflict",
        `Only failed messages can be reprocessed; this one is ${before.status}`,
      );
    }
    await recordAudit(trx, actor, {
      action: "inbound_mail.reprocess",
      subjectKind: "inbound_message",
      subjectId: id,
      details: { previousError: before.error },
    });
    await ctx.jobs.send(inboundMailJob, { id }, { trx });
  });
  return getInbound(ctx, actor.principal, id);
}
