import { inTransaction } from "../../db/transaction.ts";
import { defineJob, type JobContext } from "../../jobs/jobs.ts";
import { enqueueAll } from "../../jobs/outbox.ts";
import { recordAudit } from "../audit/recorder.ts";
import {
  attemptsOf,
  type DeliveryRow,
  insertAttempt,
  updateAttempt,
} from "./delivery-repository.ts";
import type { WebhookEvent } from "./events.ts";
import {
  activeStaffAdmins,
  lockSubscription,
  type SubscriptionRow,
  updateSubscription,
} from "./repository.ts";
import { type AttemptResult, postSigned, signedRequest } from "./sender.ts";

/**
 * The `webhook.deliver` job: one event to one subscription. Each run is one attempt, recorded in
 * the delivery log before and after the HTTP request; the request itself runs outside any
 * transaction (it may take 10 s, and on PGlite a transaction holds the only connection).
 */

export interface DeliverData {
  subscriptionId: string;
  event: WebhookEvent;
}

/** A subscription whose deliveries have failed this long is disabled at its next failure. */
export const FAILING_LIMIT_MS = 24 * 3_600_000;
export const DISABLED_FOR_FAILURES = "failing_for_24h";

type Start =
  | {
      kind: "send";
      attemptId: number;
      url: string;
      /** An account's subscription, which may reach public addresses only (address.ts). */
      publicOnly: boolean;
      secret: string;
      startedAt: Date;
    }
  | { kind: "done" | "skipped" | "gone" };

function skipReason(sub: SubscriptionRow): string | null {
  if (sub.deleted_at) return "subscription deleted";
  if (!sub.active) return sub.disabled_at ? "subscription disabled" : "subscription paused";
  return null;
}

/**
 * Opens this run's attempt: nothing when the event already reached the subscription (a job run
 * again after a crash), a recorded skip when the subscription no longer takes deliveries, else
 * the pending row (written at dispatch, or left by a run that crashed mid-request) or a new one.
 */
async function beginAttempt(ctx: JobContext, data: DeliverData): Promise<Start> {
  return ctx.db.transaction().execute(async (trx): Promise<Start> => {
    const sub = await lockSubscription(trx, data.subscriptionId);
    if (!sub) return { kind: "gone" };
    const attempts = await attemptsOf(trx, sub.id, data.event.id);
    if (attempts.some((a) => a.status === "delivered" || a.status === "skipped")) {
      return { kind: "done" };
    }
    const now = ctx.clock.now();
    const open: DeliveryRow | undefined = attempts.find((a) => a.status === "pending");
    const reason = skipReason(sub);
    const status = reason ? ("skipped" as const) : ("pending" as const);
    const times = { started_at: now, ...(reason ? { finished_at: now } : {}) };
    let attemptId: number;
    if (open) {
      attemptId = open.id;
      await updateAttempt(trx, open.id, { status, error: reason, ...times });
    } else {
      attemptId = await insertAttempt(trx, {
        subscription_id: sub.id,
        event_id: data.event.id,
        event_type: data.event.type,
        attempt: (attempts.at(-1)?.attempt ?? 0) + 1,
        created_at: now,
        status,
        error: reason,
        ...times,
      });
    }
    if (reason) return { kind: "skipped" };
    return {
      kind: "send",
      attemptId,
      url: sub.url,
      publicOnly: sub.account_id !== null && !ctx.config.webhookAllowPrivateTargets,
      secret: ctx.keys.decrypt(sub.secret_sealed),
      startedAt: now,
    };
  });
}

/** Tells the owner: the account's users, or the staff admin who created a global one. */
async function announceDisabled(ctx: JobContext, trx: JobContext["db"], sub: SubscriptionRow) {
  const payload = {
    subscriptionId: sub.id,
    url: sub.url,
    reason: DISABLED_FOR_FAILURES,
    failingSince: sub.failing_since?.toISOString() ?? null,
  };
  const staffIds =
    sub.account_id !== null
      ? []
      : sub.created_by_staff_id !== null
        ? [sub.created_by_staff_id]
        : await activeStaffAdmins(trx);
  await enqueueAll(
    trx,
    sub.account_id !== null
      ? [{ topic: "webhook.disabled", recipientAccountId: sub.account_id, payload }]
      : staffIds.map((id) => ({ topic: "webhook.disabled", recipientStaffId: id, payload })),
  );
  ctx.log.warn({ subscriptionId: sub.id }, "webhook subscription disabled after 24 h of failures");
}

/**
 * Records the attempt's outcome and keeps the subscription's failure state: success clears
 * `failing_since`; the first failure sets it; a failure 24 h or more after it disables the
 * subscription and tells its owner, in the same transaction. Returns whether to retry.
 */
async function finishAttempt(
  ctx: JobContext,
  data: DeliverData,
  start: Extract<Start, { kind: "send" }>,
  result: AttemptResult,
): Promise<boolean> {
  return inTransaction(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    await updateAttempt(trx, start.attemptId, {
      status: result.delivered ? "delivered" : "failed",
      status_code: result.statusCode,
      error: result.error,
      duration_ms: result.durationMs,
      finished_at: now,
    });
    const sub = await lockSubscription(trx, data.subscriptionId);
    if (!sub) return false;
    if (result.delivered) {
      if (sub.failing_since) await updateSubscription(trx, sub.id, { failing_since: null });
      return false;
    }
    // Paused, disabled or deleted meanwhile: later runs would only record a skip.
    if (skipReason(sub)) return false;
    if (!sub.failing_since) {
      await updateSubscription(trx, sub.id, { failing_since: start.startedAt });
      return true;
    }
    if (now.getTime() - sub.failing_since.getTime() < FAILING_LIMIT_MS) return true;
    await updateSubscription(trx, sub.id, {
      active: false,
      disabled_at: now,
      disabled_reason: DISABLED_FOR_FAILURES,
      updated_at: now,
    });
    await recordAudit(trx, null, {
      action: "webhook.disabled",
      subjectKind: "webhook_subscription",
      subjectId: sub.id,
      accountId: sub.account_id,
      details: {
        url: sub.url,
        reason: DISABLED_FOR_FAILURES,
        failingSince: sub.failing_since.toISOString(),
        lastError: result.error,
      },
    });
    await announceDisabled(ctx, trx, sub);
    return false;
  });
}

/** One run of the job; throws on a failed attempt that should be retried. */
export async function deliverEvent(data: DeliverData, ctx: JobContext): Promise<void> {
  const start = await beginAttempt(ctx, data);
  if (start.kind !== "send") {
    ctx.log.debug({ eventId: data.event.id, outcome: start.kind }, "webhook delivery not sent");
    return;
  }
  const request = signedRequest(start.secret, data.event, start.startedAt);
  const result = await postSigned(start.url, request, { publicOnly: start.publicOnly });
  const retry = await finishAttempt(ctx, data, start, result);
  if (retry) {
    throw new Error(
      `webhook ${data.event.id} to subscription ${data.subscriptionId}: ${result.error}`,
    );
  }
}

/**
 * Retries: pg-boss waits retryDelay × 2^(n−1) × (1 to 2, random) before retry n, so the 10
 * retries after the first attempt come at about 1–2 min, 3–6 min, … and the last 17 to 34 h
 * (25.6 h on average) after the first attempt. See docs/WEBHOOKS.md for the table.
 */
export const webhookDeliverJob = defineJob<DeliverData>({
  name: "webhook.deliver",
  retryLimit: 10,
  retryDelaySeconds: 60,
  retryBackoff: true,
  // The request is cut at 10 s; a run still going after a minute has crashed.
  expireInSeconds: 60,
  // One slow or silent receiver (10 s each) must not hold every other subscription's events.
  concurrency: 8,
  handle: deliverEvent,
});
