import type { Database } from "../../db/database.ts";
import type { LevelCode, Universe } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { enqueue } from "../../jobs/outbox.ts";
import { recordAudit } from "../audit/recorder.ts";
import { levelInForce } from "./levels.ts";
import { authorize } from "./policy.ts";
import { presentHistoryEntry, presentOffer } from "./presenter.ts";
import { findOffer, hasPartnerProgramme, type OfferRow, offersIn } from "./repository.ts";
import { UNIVERSES } from "./schemas.ts";
import * as subs from "./subscription-repository.ts";
import { startOfNextMonthUtc } from "./time.ts";

const HISTORY_IN_VIEW = 20;

export type SubscriptionChangeKind =
  | "upgraded"
  | "downgrade-scheduled"
  | "downgrade-cancelled"
  | "unchanged";

/** The account, or 404; then the policy for this account (404 to another customer). */
export async function loadAccount(
  db: Database,
  principal: Principal | null,
  nic: string,
  action: Parameters<typeof authorize>[1],
  forUpdate = false,
): Promise<subs.AccountRef> {
  if (!principal) authorize(principal, action);
  const account = await subs.findAccount(db, { nic }, forUpdate);
  if (!account) throw notFound("Account");
  authorize(principal, action, account.id);
  return account;
}

/** One universe's current level, scheduled change and recent history. */
async function universeView(db: Database, accountId: string, universe: Universe, now: Date) {
  const { offer, subscription } = await levelInForce(db, accountId, universe, now);
  const pending = await subs.pendingSubscription(db, accountId, universe, now);
  const pendingOffer = pending ? await findOffer(db, pending.offer_id) : undefined;
  const history = await subs.subscriptionHistory(db, accountId, universe, now, {
    limit: HISTORY_IN_VIEW,
    after: null,
  });
  return {
    universe,
    level: offer.level,
    offer: presentOffer(offer),
    isDefault: subscription === null,
    since: subscription?.starts_at.toISOString() ?? null,
    endsAt: subscription?.ends_at?.toISOString() ?? null,
    pending:
      pending && pendingOffer
        ? {
            level: pendingOffer.level,
            offerId: pending.offer_id,
            startsAt: pending.starts_at.toISOString(),
          }
        : null,
    history: history.slice(0, HISTORY_IN_VIEW).map(presentHistoryEntry),
  };
}
export type SubscriptionView = Awaited<ReturnType<typeof universeView>>;

export async function listSubscriptions(
  ctx: AppContext,
  principal: Principal | null,
  nic: string,
): Promise<{ nicHandle: string; items: SubscriptionView[] }> {
  const account = await loadAccount(ctx.db, principal, nic, "subscription.read");
  const now = ctx.clock.now();
  const items: SubscriptionView[] = [];
  for (const universe of UNIVERSES)
    items.push(await universeView(ctx.db, account.id, universe, now));
  return { nicHandle: account.nic_handle, items };
}

export async function listHistory(
  ctx: AppContext,
  principal: Principal | null,
  nic: string,
  universe: Universe,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Promise<PageOf<ReturnType<typeof presentHistoryEntry>>> {
  const account = await loadAccount(ctx.db, principal, nic, "subscription.read");
  const limit = query.limit ?? 25;
  const key = decodeCursor(query.cursor, 2);
  let after: { startsAt: Date; id: string } | null = null;
  if (key) {
    const startsAt = new Date(String(key[0]));
    if (Number.isNaN(startsAt.getTime())) decodeCursor("!", 2);
    after = { startsAt, id: String(key[1]) };
  }
  const rows = await subs.subscriptionHistory(ctx.db, account.id, universe, ctx.clock.now(), {
    limit,
    after,
  });
  return toPage(rows, limit, (row) => [row.starts_at.toISOString(), row.id], presentHistoryEntry);
}

/** Refuses a level the universe does not sell to this account, naming what it does sell. */
async function targetOffer(
  trx: Database,
  accountId: string,
  universe: Universe,
  level: LevelCode,
): Promise<OfferRow> {
  const offers = await offersIn(trx, universe, "any");
  const forAll = offers.filter((o) => o.audience === "all").map((o) => o.level);
  const forPartners = offers.filter((o) => o.audience !== "all").map((o) => o.level);
  const offered = `offered: ${forAll.join(", ")}${forPartners.length > 0 ? `; to its commercial partners also: ${forPartners.join(", ")}` : ""}`;
  const target = offers.find((o) => o.level === level);
  if (!target) {
    const message = `The ${level} level is not offered in the ${universe} universe; ${offered}`;
    throw new AppError("level_not_offered", message, [{ field: "level", in: "body", message }]);
  }
  if (
    target.audience === "commercial-partner" &&
    !(await hasPartnerProgramme(trx, accountId, universe))
  ) {
    const message = `The ${level} level in ${universe} is only for commercial partners with a programme in ${universe}; ${offered}`;
    throw new AppError("level_not_offered", message, [{ field: "level", in: "body", message }]);
  }
  return target;
}

/**
 * Sets an account's level in a universe. An upgrade applies at once; a downgrade at the start of
 * next month (UTC), as a pending row, the current one ending then. Asking for the current level
 * while a downgrade is pending withdraws the downgrade. Rows that started are never deleted.
 */
export async function changeSubscription(
  ctx: AppContext,
  actor: Actor,
  nic: string,
  universe: Universe,
  level: LevelCode,
): Promise<SubscriptionView & { change: SubscriptionChangeKind }> {
  return inTransaction(ctx.db, async (trx) => {
    // Locking the account serialises concurrent changes of its subscriptions.
    const account = await loadAccount(trx, actor.principal, nic, "subscription.change", true);
    const now = ctx.clock.now();
    const target = await targetOffer(trx, account.id, universe, level);
    const current = await levelInForce(trx, account.id, universe, now);
    const pending = await subs.pendingSubscription(trx, account.id, universe, now);
    let change: SubscriptionChangeKind = "unchanged";
    let effectiveAt = now;

    if (target.id === current.offer.id) {
      if (pending) {
        await subs.deleteSubscription(trx, pending.id);
        if (current.subscription) await subs.setSubscriptionEnd(trx, current.subscription.id, null);
        change = "downgrade-cancelled";
      }
    } else if (target.rank > current.offer.rank) {
      if (pending) await subs.deleteSubscription(trx, pending.id);
      if (current.subscription) await endNow(trx, current.subscription, now);
      await subs.insertSubscription(trx, {
        accountId: account.id,
        universe,
        offerId: target.id,
        startsAt: now,
        now,
      });
      change = "upgraded";
    } else if (pending?.offer_id !== target.id) {
      effectiveAt = startOfNextMonthUtc(now);
      if (pending) await subs.deleteSubscription(trx, pending.id);
      const currentId =
        current.subscription?.id ??
        (await subs.insertSubscription(trx, {
          accountId: account.id,
          universe,
          offerId: current.offer.id,
          startsAt: now,
          now,
        }));
      await subs.setSubscriptionEnd(trx, currentId, effectiveAt);
      await subs.insertSubscription(trx, {
        accountId: account.id,
        universe,
        offerId: target.id,
        startsAt: effectiveAt,
        now,
      });
      change = "downgrade-scheduled";
    }

    if (change !== "unchanged") {
      const details = {
        universe,
        from: current.offer.level,
        to: change === "downgrade-cancelled" ? current.offer.level : target.level,
        change,
        effectiveAt: effectiveAt.toISOString(),
      };
      await recordAudit(trx, actor, {
        action: `subscription.${change.replaceAll("-", "_")}`,
        subjectKind: "account",
        subjectId: account.nic_handle,
        accountId: account.id,
        details,
      });
      await enqueue(trx, {
        topic: "subscription.changed",
        recipientAccountId: account.id,
        payload: { nicHandle: account.nic_handle, ...details },
      });
    }
    return { change, ...(await universeView(trx, account.id, universe, now)) };
  });
}

/** Ends a row now; one that started this very instant covered no time and is withdrawn. */
async function endNow(trx: Database, row: subs.SubscriptionRow, now: Date): Promise<void> {
  if (row.starts_at.getTime() >= now.getTime()) await subs.deleteSubscription(trx, row.id);
  else await subs.setSubscriptionEnd(trx, row.id, now);
}
