import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/database.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { decodeCursor, Page, type PageOf, toPage } from "../../http/pagination.ts";
import { type Principal, requirePrincipal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import { auditScopeOf } from "./policy.ts";
import { presentAuditEntry } from "./presenter.ts";
import { type AuditFilter, accountIdOfNic, listAuditRows } from "./repository.ts";
import { AuditEntry, AuditQuery } from "./schemas.ts";

export async function auditRoutes(app: App, ctx: AppContext): Promise<void> {
  app.addSchema(AuditEntry);

  app.get(
    "/audit-log",
    {
      schema: {
        tags: ["audit"],
        summary: "Who did what, when and from where, newest first",
        description:
          "Staff leads and admins read every entry; customer users read the entries about " +
          "their own account; agents may not read the log.",
        security: securityRequirements,
        querystring: AuditQuery,
        response: withProblems({ 200: Page(Type.Ref("AuditEntry")) }),
      },
    },
    async (request) => readAuditLog(ctx.db, requirePrincipal(request.principal), request.query),
  );
}

type Entry = ReturnType<typeof presentAuditEntry>;

/** One page of the log as the caller may see it. */
export async function readAuditLog(
  db: Database,
  p: Principal,
  query: AuditQuery,
): Promise<PageOf<Entry>> {
  const scope = auditScopeOf(p);
  const limit = query.limit ?? 25;
  const before = decodeCursor(query.cursor, 1)?.[0];
  if (before !== undefined && typeof before !== "number") {
    throw new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
      { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
    ]);
  }
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  // Both bounds: a customer asking about another account simply sees nothing, not a 404 or 403.
  let accountIds: string[] | undefined = scope.all ? undefined : [scope.accountId];
  if (query.account !== undefined) {
    const id = await accountIdOfNic(db, query.account);
    accountIds = id === undefined ? [] : (accountIds ?? [id]).filter((own) => own === id);
  }
  if (accountIds?.length === 0) return { items: [], nextCursor: null };
  const filter: AuditFilter = {
    limit,
    ...(accountIds === undefined ? {} : { accountIds }),
    ...(query.action === undefined ? {} : { action: query.action }),
    ...(query.subjectKind === undefined ? {} : { subjectKind: query.subjectKind }),
    ...(query.subjectId === undefined ? {} : { subjectId: query.subjectId }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(before === undefined ? {} : { before }),
  };
  const rows = await listAuditRows(db, filter);
  return toPage(
    rows,
    limit,
    (row) => [row.id],
    (row) => presentAuditEntry(row, scope),
  );
}
