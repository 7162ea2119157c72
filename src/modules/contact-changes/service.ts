import type { ContactRole } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";
import { enqueueAll } from "../../jobs/outbox.ts";
import { hashSecret, newSecret } from "../../lib/crypto.ts";
import { can, requireVisible, staffCan } from "../services/policy.ts";
import { findServiceByName } from "../services/repository.ts";
import { loadServiceFor } from "../services/service.ts";
import { auditChange, type ChangeFacts } from "./effects.ts";
import { requireChangeVisible } from "./policy.ts";
import { changeNotice, presentChange } from "./presenter.ts";
import {
  type ChangeListParams,
  type ChangeView,
  findAccountById,
  findAccountByNic,
  findChangeView,
  findOpenChange,
  insertChange,
  listChangesForStaff,
  listChangesOfAccount,
  listChangesOfService,
  lockServiceContacts,
} from "./repository.ts";
import type { ChangeListQuery, RequestBody } from "./schemas.ts";

const DAY_MS = 86_400_000;
const roleColumn = {
  admin: "admin_account_id",
  tech: "tech_account_id",
  billing: "billing_account_id",
} as const;

export type PresentedChange = ReturnType<typeof presentChange>;

/** The facts effects need, from a task view. */
export function factsOf(view: ChangeView): ChangeFacts {
  return {
    id: view.id,
    serviceName: view.service_name,
    role: view.role,
    state: view.state,
    fromAccountId: view.from_account_id,
    toAccountId: view.to_account_id,
    adminAccountId: view.admin_account_id,
    fromNic: view.from_nic,
    toNic: view.to_nic,
    expiresAt: view.expires_at,
  };
}

const toNicError = (code: "unprocessable" | "same_account" | "region_mismatch", msg: string) =>
  new AppError(code, msg, [{ field: "toNicHandle", in: "body", message: msg }]);

const openConflict = (role: ContactRole) =>
  new AppError(
    "contact_change_open",
    `A contact change for the ${role} role of this service is already open`,
  );

/**
 * Opens a task handing `role` from its current holder to another account. Who may ask: the
 * admin contact for any role, the tech or billing contact for its own role only (422
 * role_not_transferable otherwise), staff admins on the customer's behalf (other staff 403).
 */
export async function requestContactChange(
  ctx: AppContext,
  actor: Actor,
  serviceName: string,
  body: RequestBody,
): Promise<PresentedChange> {
  const { principal } = actor;
  const service = await findServiceByName(ctx.db, serviceName.toLowerCase());
  if (!service) throw notFound("Service");
  const roles = requireVisible(principal, service);
  const action = `contact_change.request.${body.role}` as const;
  if (principal.kind === "staff") {
    if (!staffCan(principal, action)) throw forbidden("Only staff admins request contact changes");
  } else if (!can(roles, action)) {
    const message = `As ${roles.join(" and ")} contact you may only hand over your own role`;
    throw new AppError("role_not_transferable", message, [{ field: "role", in: "body", message }]);
  }
  const receiving = await findAccountByNic(ctx.db, body.toNicHandle);
  if (!receiving) throw toNicError("unprocessable", `No account has NIC ${body.toNicHandle}`);

  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.contactChangeTtlDays * DAY_MS);
  const tokens = { giving: newSecret(), receiving: newSecret() };

  const id = await inTransaction(ctx.db, async (trx) => {
    const locked = await lockServiceContacts(trx, service.id);
    if (!locked) throw notFound("Service");
    const fromAccountId = locked[roleColumn[body.role]];
    if (fromAccountId === receiving.id) {
      throw toNicError("same_account", `${body.toNicHandle} already holds the ${body.role} role`);
    }
    const giving = await findAccountById(trx, fromAccountId);
    if (giving.region !== receiving.region) {
      throw toNicError(
        "region_mismatch",
        `${body.toNicHandle} is in region ${receiving.region}, the ${body.role} contact in ${giving.region}`,
      );
    }
    if (await findOpenChange(trx, service.id, body.role)) throw openConflict(body.role);
    const row = await insertChange(trx, {
      service_id: service.id,
      role: body.role,
      from_account_id: giving.id,
      to_account_id: receiving.id,
      state: "todo",
      requested_by_user_id: principal.kind === "user" ? principal.userId : null,
      requested_by_staff_id: principal.kind === "staff" ? principal.staffId : null,
      from_token_hash: hashSecret(tokens.giving),
      to_token_hash: hashSecret(tokens.receiving),
      created_at: now,
      expires_at: expiresAt,
    });
    const facts: ChangeFacts = {
      id: row.id,
      serviceName: service.name,
      role: body.role,
      state: row.state,
      fromAccountId: giving.id,
      toAccountId: receiving.id,
      adminAccountId: locked.admin_account_id,
      fromNic: giving.nic_handle,
      toNic: receiving.nic_handle,
      expiresAt,
    };
    const sides = [
      ["giving", giving.id],
      ["receiving", receiving.id],
    ] as const;
    await enqueueAll(
      trx,
      sides.map(([side, accountId]) => {
        const token = tokens[side];
        return {
          topic: "contact_change.requested",
          recipientAccountId: accountId,
          payload: {
            ...changeNotice(facts),
            side,
            token,
            link: `${ctx.config.publicUrl}/contact-changes/${row.id}?token=${encodeURIComponent(token)}`,
          },
        };
      }),
    );
    await auditChange(trx, actor, facts, "contact_change.requested");
    return row.id;
  }).catch((error: unknown) => {
    // Two requests racing past the check: the partial unique index lets only one commit.
    if ((error as { code?: unknown }).code === "23505") throw openConflict(body.role);
    throw error;
  });
  return getContactChange(ctx, principal, id);
}

/** One task, for the two sides, the requester, the service's contacts and staff; others 404. */
export async function getContactChange(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<PresentedChange> {
  const view = await findChangeView(ctx.db, id);
  if (!view) throw notFound("Contact change");
  requireChangeVisible(principal, view);
  return presentChange(principal, view);
}

function pageParams(query: ChangeListQuery): ChangeListParams {
  const limit = query.limit ?? 25;
  const cursor = decodeCursor(query.cursor, 2);
  const [at, id] = cursor ?? [];
  const valid =
    typeof at === "string" &&
    !Number.isNaN(Date.parse(at)) &&
    typeof id === "string" &&
    /^[0-9a-f-]{36}$/.test(id);
  if (cursor && !valid) {
    throw new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
      { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
    ]);
  }
  return {
    after: valid ? { at, id } : null,
    limit,
    state: query.state,
  };
}

function pageOf(
  principal: Principal,
  rows: ChangeView[],
  params: ChangeListParams,
): PageOf<PresentedChange> {
  return toPage(
    rows,
    params.limit,
    (row) => [row.sort_at, row.id],
    (row) => presentChange(principal, row),
  );
}

/** Tasks of one service, for its contacts and the staff who see it. */
export async function listServiceContactChanges(
  ctx: AppContext,
  principal: Principal,
  serviceName: string,
  query: ChangeListQuery,
): Promise<PageOf<PresentedChange>> {
  const { service } = await loadServiceFor(ctx, principal, serviceName, "contact_change.read");
  const params = pageParams(query);
  return pageOf(principal, await listChangesOfService(ctx.db, service.id, params), params);
}

/** Users: tasks where their account gives or receives. Staff: every task they may see. */
export async function listMyContactChanges(
  ctx: AppContext,
  principal: Principal,
  query: ChangeListQuery,
): Promise<PageOf<PresentedChange>> {
  const params = pageParams(query);
  if (
    principal.kind === "staff" &&
    principal.role === "agent" &&
    principal.universes.length === 0
  ) {
    return { items: [], nextCursor: null };
  }
  const rows =
    principal.kind === "user"
      ? await listChangesOfAccount(ctx.db, principal.accountId, params)
      : await listChangesForStaff(
          ctx.db,
          principal.role === "agent" ? principal.universes : null,
          params,
        );
  return pageOf(principal, rows, params);
}
