import { randomUUID } from "node:crypto";
import type { Database } from "../../db/database.ts";
import type { AppContext } from "../../http/context.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";
import { recordAudit } from "../audit/recorder.ts";
import { type DeliverData, webhookDeliverJob } from "./delivery.ts";
import { insertPendingDeliveries, listDeliveries } from "./delivery-repository.ts";
import { PING } from "./events.ts";
import { authorizeSubscription, ownerForCreate, requireStaffAdmin } from "./policy.ts";
import { type PresentedSubscription, presentDelivery, presentSubscription } from "./presenter.ts";
import {
  countSubscriptions,
  findAccountIdByNic,
  findSubscription,
  insertSubscription,
  listSubscriptions,
  lockSubscription,
  type Owner,
  type SubscriptionView,
  updateSubscription,
} from "./repository.ts";
import { checkEventTypes, checkWebhookUrl, limitReached, MAX_SUBSCRIPTIONS } from "./rules.ts";
import type {
  DeliveryListQuery,
  SubscriptionBody,
  SubscriptionListQuery,
  SubscriptionPatch,
} from "./schemas.ts";
import { newWebhookSecret } from "./signature.ts";

/** Webhook subscriptions: commands and queries, each command one transaction with its audit. */

const SUBJECT = "webhook_subscription";

/** Loads a subscription the caller may act on (404/403 from the policy), optionally locked. */
async function load(
  db: Database,
  principal: Principal,
  id: string,
  action: "read" | "manage",
): Promise<SubscriptionView> {
  const row = await findSubscription(db, id);
  if (!row) throw notFound("Webhook subscription");
  authorizeSubscription(principal, row, action);
  return row;
}

async function reread(db: Database, id: string): Promise<SubscriptionView> {
  const row = await findSubscription(db, id);
  if (!row) throw notFound("Webhook subscription");
  return row;
}

/** Subscribes a URL; the secret is returned once and stored only sealed. */
export async function createSubscription(
  ctx: AppContext,
  actor: Actor,
  body: SubscriptionBody,
): Promise<PresentedSubscription & { secret: string }> {
  const { accountId } = ownerForCreate(actor.principal);
  const url = checkWebhookUrl(
    body.url,
    accountId !== null && !ctx.config.webhookAllowPrivateTargets,
  );
  const eventTypes = checkEventTypes(body.eventTypes, accountId === null);
  const secret = newWebhookSecret();
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if ((await countSubscriptions(trx, accountId)) >= MAX_SUBSCRIPTIONS) throw limitReached();
    const { principal } = actor;
    const { id } = await insertSubscription(trx, {
      account_id: accountId,
      created_by_user_id: principal.kind === "user" ? principal.userId : null,
      created_by_staff_id: principal.kind === "staff" ? principal.staffId : null,
      url,
      event_types: eventTypes,
      description: body.description ?? "",
      secret_sealed: ctx.keys.encrypt(secret),
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: "webhook.created",
      subjectKind: SUBJECT,
      subjectId: id,
      accountId,
      details: { url, eventTypes },
    });
    return id;
  });
  return { ...presentSubscription(await reread(ctx.db, id)), secret };
}

function ownerOf(principal: Principal, query: SubscriptionListQuery, accountId: string | null) {
  if (principal.kind === "user") {
    if (query.nicHandle !== undefined || query.global !== undefined) {
      throw forbidden("Only staff admins filter subscriptions by owner");
    }
    return { accountId: principal.accountId };
  }
  if (accountId !== null) return { accountId };
  return query.global ? { global: true as const } : { all: true as const };
}

/** Users: their account's subscriptions. Staff admins: every one, or one owner's. */
export async function listWebhookSubscriptions(
  ctx: AppContext,
  principal: Principal,
  query: SubscriptionListQuery,
): Promise<PageOf<PresentedSubscription>> {
  requireStaffAdmin(principal);
  let accountId: string | null = null;
  if (principal.kind === "staff" && query.nicHandle !== undefined) {
    const account = await findAccountIdByNic(ctx.db, query.nicHandle);
    if (!account) throw notFound("Account");
    accountId = account.id;
  }
  const owner: Owner = ownerOf(principal, query, accountId);
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
  const limit = query.limit ?? 25;
  const rows = await listSubscriptions(ctx.db, {
    owner,
    after: valid ? { at, id } : null,
    limit,
  });
  return toPage(rows, limit, (row) => [row.sort_at, row.id], presentSubscription);
}

export async function getWebhookSubscription(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<PresentedSubscription> {
  return presentSubscription(await load(ctx.db, principal, id, "read"));
}

/** Changes URL, types, description or the active switch; turning it on clears a disabling. */
export async function updateWebhookSubscription(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: SubscriptionPatch,
): Promise<PresentedSubscription> {
  const current = await load(ctx.db, actor.principal, id, "manage");
  const global = current.account_id === null;
  const publicOnly = !global && !ctx.config.webhookAllowPrivateTargets;
  const url = patch.url === undefined ? undefined : checkWebhookUrl(patch.url, publicOnly);
  const eventTypes =
    patch.eventTypes === undefined ? undefined : checkEventTypes(patch.eventTypes, global);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSubscription(trx, id);
    if (!locked || locked.deleted_at) throw notFound("Webhook subscription");
    await updateSubscription(trx, id, {
      ...(url !== undefined ? { url } : {}),
      ...(eventTypes !== undefined ? { event_types: eventTypes } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.active === true
        ? { active: true, failing_since: null, disabled_at: null, disabled_reason: null }
        : {}),
      ...(patch.active === false ? { active: false } : {}),
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: "webhook.updated",
      subjectKind: SUBJECT,
      subjectId: id,
      accountId: locked.account_id,
      details: {
        ...(url !== undefined ? { url } : {}),
        ...(eventTypes !== undefined ? { eventTypes } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.active === true && locked.disabled_at ? { reEnabled: true } : {}),
      },
    });
  });
  return presentSubscription(await reread(ctx.db, id));
}

/** Deletes (marks deleted): jobs still queued for it record a skip instead of sending. */
export async function deleteWebhookSubscription(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<void> {
  await load(ctx.db, actor.principal, id, "manage");
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSubscription(trx, id);
    if (!locked || locked.deleted_at) throw notFound("Webhook subscription");
    await updateSubscription(trx, id, { deleted_at: now, active: false, updated_at: now });
    await recordAudit(trx, actor, {
      action: "webhook.deleted",
      subjectKind: SUBJECT,
      subjectId: id,
      accountId: locked.account_id,
      details: { url: locked.url },
    });
  });
}

/** A new secret, returned once; the old one stops signing at once. */
export async function rotateWebhookSecret(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<PresentedSubscription & { secret: string }> {
  await load(ctx.db, actor.principal, id, "manage");
  const secret = newWebhookSecret();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSubscription(trx, id);
    if (!locked || locked.deleted_at) throw notFound("Webhook subscription");
    await updateSubscription(trx, id, { secret_sealed: ctx.keys.encrypt(secret), updated_at: now });
    await recordAudit(trx, actor, {
      action: "webhook.secret_rotated",
      subjectKind: SUBJECT,
      subjectId: id,
      accountId: locked.account_id,
    });
  });
  return { ...presentSubscription(await reread(ctx.db, id)), secret };
}

/** Queues a `ping` event to the subscription; its outcome appears in the delivery log. */
export async function pingWebhookSubscription(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ eventId: string; status: "pending" }> {
  await load(ctx.db, actor.principal, id, "manage");
  const now = ctx.clock.now();
  const eventId = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSubscription(trx, id);
    if (!locked || locked.deleted_at) throw notFound("Webhook subscription");
    if (!locked.active) {
      throw new AppError(
        "webhook_inactive",
        "This subscription is not active; set active to true before pinging it",
      );
    }
    await insertPendingDeliveries(
      trx,
      [{ subscription_id: id, event_id: eventId, event_type: PING }],
      now,
    );
    const data: DeliverData = {
      subscriptionId: id,
      event: {
        id: eventId,
        type: PING,
        createdAt: now.toISOString(),
        data: { subscriptionId: id },
      },
    };
    await ctx.jobs.send(webhookDeliverJob, data, { trx });
  });
  return { eventId, status: "pending" };
}

/** The delivery log: one entry per attempt, newest first. */
export async function listWebhookDeliveries(
  ctx: AppContext,
  principal: Principal,
  id: string,
  query: DeliveryListQuery,
) {
  await load(ctx.db, principal, id, "read");
  const cursor = decodeCursor(query.cursor, 1);
  const beforeId = cursor?.[0];
  if (cursor && (typeof beforeId !== "number" || !Number.isSafeInteger(beforeId))) {
    throw new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
      { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
    ]);
  }
  const limit = query.limit ?? 25;
  const rows = await listDeliveries(ctx.db, id, {
    beforeId: typeof beforeId === "number" ? beforeId : null,
    limit,
    eventId: query.eventId,
  });
  return toPage(rows, limit, (row) => [Number(row.id)], presentDelivery);
}
