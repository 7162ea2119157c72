import type { AppContext } from "../../http/context.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Principal } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { parseTicketNumber } from "../tickets/rules.ts";
import { assertCanReadMailbox } from "./policy.ts";
import { presentMail, presentMailSummary } from "./presenter.ts";
import { findMailView, listMails, type MailboxFilter } from "./repository.ts";
import type { MailboxQuery } from "./schemas.ts";

const badCursor = () =>
  new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
    { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
  ]);

/** One page of the mailbox, newest first. */
export async function readMailbox(
  ctx: AppContext,
  principal: Principal,
  query: MailboxQuery,
): Promise<PageOf<ReturnType<typeof presentMailSummary>>> {
  assertCanReadMailbox(principal);
  const limit = query.limit ?? 25;
  const cursor = decodeCursor(query.cursor, 2);
  let after: MailboxFilter["after"];
  if (cursor) {
    const [at, id] = cursor;
    const createdAt = new Date(typeof at === "string" ? at : Number.NaN);
    if (
      Number.isNaN(createdAt.getTime()) ||
      typeof id !== "string" ||
      !/^[0-9a-f-]{36}$/.test(id)
    ) {
      throw badCursor();
    }
    after = { createdAt, id };
  }
  let ticketNumber: number | undefined;
  if (query.ticket !== undefined) {
    const parsed = parseTicketNumber(query.ticket);
    if (parsed === null) {
      throw new AppError("validation_failed", "ticket must be a ticket number such as PAL-100123", [
        { field: "ticket", in: "query", message: "not a ticket number" },
      ]);
    }
    ticketNumber = parsed;
  }
  const rows = await listMails(ctx.db, {
    limit,
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(ticketNumber === undefined ? {} : { ticketNumber }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(after === undefined ? {} : { after }),
  });
  return toPage(rows, limit, (row) => [row.created_at.toISOString(), row.id], presentMailSummary);
}

/** One mail with its headers and both bodies. */
export async function readMail(ctx: AppContext, principal: Principal, id: string) {
  assertCanReadMailbox(principal);
  const row = await findMailView(ctx.db, id);
  if (!row) throw notFound("Mail");
  return presentMail(row, ctx.config.mailFrom);
}
