import type { Database } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { enqueue } from "../../jobs/outbox.ts";
import { recordAudit } from "../audit/recorder.ts";
import type { FastPathBody } from "./account-schemas.ts";
import * as repo from "./fast-path-repository.ts";
import { authorize } from "./policy.ts";
import type { AccountRef } from "./subscription-repository.ts";
import { loadAccount } from "./subscriptions.ts";
import { yearBoundsUtc } from "./time.ts";

/** Defaults of a new Fast-Path subscription; staff admins may set others per subscription. */
export const FAST_PATH_DEFAULTS = { priceCents: 5_000, currency: "EUR", yearlyQuota: 6 };

/** How a Fast-Path ticket is served, whatever the service's level: an L3 expert, 24/7, first. */
export const FAST_PATH_TERMS = {
  entryTier: "L3",
  firstResponseMinutes: 30,
  updateMinutes: 60,
  queuePriority: 100,
} as const;

/** Certified technical partners only: certification is what Fast-Path buys trust with. */
export function isCertifiedTechnicalPartner(account: AccountRef, now: Date): boolean {
  return (
    account.programme === "technical-partner" &&
    account.certified_at !== null &&
    account.certified_at <= now.toISOString().slice(0, 10)
  );
}

async function view(db: Database, account: AccountRef, now: Date) {
  const active = await repo.activeFastPath(db, account.id, now);
  const { year, from, to } = yearBoundsUtc(now);
  const used = await repo.countFastPathUses(db, account.id, from, to);
  return {
    nicHandle: account.nic_handle,
    active: active !== undefined,
    subscription: active
      ? {
          id: active.id,
          priceCents: active.price_cents,
          currency: active.currency,
          yearlyQuota: active.yearly_quota,
          startsAt: active.starts_at.toISOString(),
        }
      : null,
    year,
    usedThisYear: used,
    remaining: active ? Math.max(0, active.yearly_quota - used) : 0,
  };
}
export type FastPathView = Awaited<ReturnType<typeof view>>;

export async function getFastPath(
  ctx: AppContext,
  principal: Principal | null,
  nic: string,
): Promise<FastPathView> {
  const account = await loadAccount(ctx.db, principal, nic, "fast_path.read");
  return view(ctx.db, account, ctx.clock.now());
}

/** Subscribes a certified technical partner; price and quota default unless an admin sets them. */
export async function subscribeFastPath(
  ctx: AppContext,
  actor: Actor,
  nic: string,
  body: FastPathBody,
): Promise<FastPathView> {
  return inTransaction(ctx.db, async (trx) => {
    const account = await loadAccount(trx, actor.principal, nic, "fast_path.subscribe", true);
    if (body.priceCents !== undefined || body.yearlyQuota !== undefined) {
      authorize(actor.principal, "fast_path.configure", account.id);
    }
    const now = ctx.clock.now();
    if (!isCertifiedTechnicalPartner(account, now)) {
      throw new AppError(
        "fast_path_not_certified",
        `Fast-Path is only for certified technical partners; ${account.nic_handle} is not one`,
      );
    }
    if (await repo.activeFastPath(trx, account.id, now)) {
      throw new AppError("already_exists", `${account.nic_handle} already has Fast-Path`);
    }
    const terms = {
      priceCents: body.priceCents ?? FAST_PATH_DEFAULTS.priceCents,
      currency: FAST_PATH_DEFAULTS.currency,
      yearlyQuota: body.yearlyQuota ?? FAST_PATH_DEFAULTS.yearlyQuota,
    };
    await repo.insertFastPath(trx, { accountId: account.id, ...terms, now });
    await recordAudit(trx, actor, {
      action: "fast_path.subscribed",
      subjectKind: "account",
      subjectId: account.nic_handle,
      accountId: account.id,
      details: terms,
    });
    await enqueue(trx, {
      topic: "fast_path.subscribed",
      recipientAccountId: account.id,
      payload: { nicHandle: account.nic_handle, ...terms },
    });
    return view(trx, account, now);
  });
}

/** Cancels at once: Fast-Path is bought month by month, nothing is left to run out. */
export async function cancelFastPath(ctx: AppContext, actor: Actor, nic: string): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const account = await loadAccount(trx, actor.principal, nic, "fast_path.cancel", true);
    const now = ctx.clock.now();
    const active = await repo.activeFastPath(trx, account.id, now, true);
    if (!active) throw notFound("Fast-Path subscription");
    await repo.endFastPath(trx, active.id, now);
    await recordAudit(trx, actor, {
      action: "fast_path.cancelled",
      subjectKind: "account",
      subjectId: account.nic_handle,
      accountId: account.id,
      details: { subscriptionId: active.id },
    });
    await enqueue(trx, {
      topic: "fast_path.cancelled",
      recipientAccountId: account.id,
      payload: { nicHandle: account.nic_handle },
    });
  });
}
