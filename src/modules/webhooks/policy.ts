import type { Principal } from "../../http/principal.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";

/**
 * Who may do what with webhook subscriptions. Users of an account administer it (users hold
 * no role inside their account: any user may already add colleagues), so every user manages
 * the account's subscriptions and may not learn of any other (404). Staff admins manage the
 * global subscriptions and read every one; other staff may do nothing here (403).
 *
 * | caller            | own account's | other account's | global         |
 * | ----------------- | ------------- | --------------- | -------------- |
 * | user              | read, manage  | 404             | 404            |
 * | staff admin       | —             | read (403 edit) | read, manage   |
 * | staff agent, lead | 403           | 403             | 403            |
 */

export type WebhookAction = "read" | "manage";

/** Whose subscription a new one is: the caller's account, or global for a staff admin. */
export function ownerForCreate(principal: Principal): { accountId: string | null } {
  if (principal.kind === "user") return { accountId: principal.accountId };
  requireStaffAdmin(principal);
  return { accountId: null };
}

export function requireStaffAdmin(principal: Principal): void {
  if (principal.kind === "staff" && principal.role !== "admin") {
    throw forbidden("Only staff admins work with webhook subscriptions");
  }
}

/** 404 when the caller may not know the subscription exists, 403 when it may not do this. */
export function authorizeSubscription(
  principal: Principal,
  subscription: { account_id: string | null },
  action: WebhookAction,
): void {
  if (principal.kind === "user") {
    if (subscription.account_id !== principal.accountId) throw notFound("Webhook subscription");
    return;
  }
  requireStaffAdmin(principal);
  if (action === "manage" && subscription.account_id !== null) {
    throw new AppError(
      "forbidden",
      "This subscription belongs to a customer account; staff admins manage global subscriptions",
    );
  }
}
