import type { Database } from "../../db/database.ts";
import type { ContactRole, MessageKind, TicketCategory, Universe } from "../../db/schema.ts";
import type { AppContext } from "../../http/context.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Principal } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { can } from "../services/policy.ts";
import { attachmentsOfMessages, listMessages } from "./message-repository.ts";
import type { MessageListQuery } from "./message-schemas.ts";
import { authorizeTicket, mayDo, type TicketAction, type TicketScope } from "./policy.ts";
import { presentMessage, presentTicket, presentTicketSummary } from "./presenter.ts";
import {
  findAccountIdByNic,
  findServiceIdByName,
  findTicket,
  type Keyset,
  listTickets,
  type TicketSource,
  type TicketView,
} from "./repository.ts";
import { parseTicketNumber, SERVICE_CATEGORY_ACTION } from "./rules.ts";
import { CATEGORIES, type TicketListQuery } from "./schemas.ts";

const ALL_UNIVERSES: Universe[] = ["market", "server", "public-cloud", "enterprise"];
const PUBLIC_KINDS: readonly MessageKind[] = ["customer", "agent", "system"];
const ALL_KINDS: readonly MessageKind[] = ["customer", "agent", "internal", "system"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const queryError = (field: string, message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, [{ field, in: "query", message }]);

export function scopeOf(view: TicketView): TicketScope {
  return {
    account_id: view.account_id,
    category: view.category,
    universe: view.universe,
    service:
      view.admin_account_id && view.tech_account_id && view.billing_account_id
        ? {
            admin_account_id: view.admin_account_id,
            tech_account_id: view.tech_account_id,
            billing_account_id: view.billing_account_id,
          }
        : null,
  };
}

/**
 * Loads a ticket by its number (PAL-100123 or 100123) for an action: 404 when the caller may
 * not know it exists, 403 when it may but not do this. `lock` takes the row for update; pass
 * the transaction then.
 */
export async function loadTicket(
  db: Database,
  principal: Principal,
  numberText: string,
  action: TicketAction,
  lock = false,
): Promise<TicketView> {
  const number = parseTicketNumber(numberText);
  if (number === null) throw notFound("Ticket");
  const view = await findTicket(db, { number }, lock);
  if (!view) throw notFound("Ticket");
  authorizeTicket(principal, scopeOf(view), action);
  return view;
}

export async function getTicket(ctx: AppContext, principal: Principal, numberText: string) {
  return presentTicket(principal, await loadTicket(ctx.db, principal, numberText, "ticket.read"));
}

/** The message kinds a caller may read, applied in SQL: customers never load internal notes. */
export function visibleKinds(principal: Principal): readonly MessageKind[] {
  return mayDo(principal, "ticket.messages.read-internal") ? ALL_KINDS : PUBLIC_KINDS;
}

/** Microseconds since the epoch as ISO-8601 with six decimals, which PostgreSQL reads exactly. */
function microsToIso(us: number): string {
  const ms = Math.floor(us / 1000);
  const rest = String(us - ms * 1000).padStart(3, "0");
  return `${new Date(ms).toISOString().slice(0, -1)}${rest}Z`;
}

function keysetOf(cursor: string | undefined): Keyset | null {
  const key = decodeCursor(cursor, 2);
  if (key === null) return null;
  const [us, id] = key;
  const valid =
    typeof us === "number" && Number.isSafeInteger(us) && us >= 0 && us < 253402300800000000;
  if (!valid || typeof id !== "string" || !UUID.test(id)) {
    throw queryError("cursor", "not a cursor issued by this endpoint");
  }
  return { createdAt: microsToIso(us), id };
}

export async function listTicketMessages(
  ctx: AppContext,
  principal: Principal,
  numberText: string,
  query: MessageListQuery,
) {
  const view = await loadTicket(ctx.db, principal, numberText, "ticket.read");
  const limit = query.limit ?? 25;
  const rows = await listMessages(
    ctx.db,
    view.id,
    visibleKinds(principal),
    keysetOf(query.cursor),
    limit,
  );
  const attachments = await attachmentsOfMessages(
    ctx.db,
    rows.slice(0, limit).map((row) => row.id),
  );
  return toPage(
    rows,
    limit,
    (row) => [row.created_us, row.id],
    (row) => presentMessage(row, attachments),
  );
}

/** The categories a contact role lets its account read on a service. */
function categoriesOf(role: ContactRole): TicketCategory[] {
  return CATEGORIES.filter((category) => {
    const action = SERVICE_CATEGORY_ACTION[category];
    return action !== undefined && can([role], action);
  });
}

function customerSources(accountId: string, category: TicketCategory | undefined): TicketSource[] {
  const roles: ContactRole[] = ["admin", "tech", "billing"];
  const byRole = roles
    .map((role) => ({
      kind: "role" as const,
      role,
      accountId,
      categories: categoriesOf(role).filter((c) => category === undefined || c === category),
    }))
    .filter((source) => source.categories.length > 0);
  return [{ kind: "account", accountId }, ...byRole];
}

/** The caller's tickets (staff: those they may see), newest first, one keyset page. */
export async function listTicketsFor(
  ctx: AppContext,
  principal: Principal,
  query: TicketListQuery,
): Promise<PageOf<ReturnType<typeof presentTicketSummary>>> {
  const limit = query.limit ?? 25;
  const after = keysetOf(query.cursor);
  const empty = { items: [], nextCursor: null };

  let universes: Universe[] | null = query.universe ? [query.universe] : null;
  let sources: TicketSource[] | null = null;
  let assignedStaffId: string | undefined;
  if (principal.kind === "user") {
    if (query.assigned !== undefined) throw queryError("assigned", "staff only");
    if (query.account !== undefined) throw queryError("account", "staff only");
    sources = customerSources(principal.accountId, query.category);
  } else {
    if (principal.role === "agent") {
      universes = (universes ?? ALL_UNIVERSES).filter((u) => principal.universes.includes(u));
      if (universes.length === 0) return empty;
    }
    if (query.assigned === "me") assignedStaffId = principal.staffId;
  }

  let serviceId: string | undefined;
  if (query.service !== undefined) {
    const service = await findServiceIdByName(ctx.db, query.service);
    if (!service) return empty;
    serviceId = service.id;
  }

  let accountId: string | undefined;
  if (query.account !== undefined) {
    const account = await findAccountIdByNic(ctx.db, query.account);
    if (!account) return empty;
    accountId = account.id;
  }

  const rows = await listTickets(ctx.db, {
    sources,
    universes,
    status: query.status,
    serviceId,
    severity: query.severity,
    category: query.category,
    assignedStaffId,
    accountId,
    q: query.q,
    after,
    limit,
  });
  return toPage(
    rows,
    limit,
    (row) => [row.created_us, row.id],
    (row) => presentTicketSummary(principal, row),
  );
}
