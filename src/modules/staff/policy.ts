import type { Principal } from "../../http/principal.ts";
import { AppError, forbidden } from "../../http/problem.ts";

/**
 * Who may see and manage staff. That staff exist is no secret, so customers get 403 rather than
 * 404. A null principal is the system (CLI, seeding), which may do everything.
 */

export function assertCanSeeStaff(p: Principal | null): void {
  if (p !== null && p.kind !== "staff") throw forbidden("Only staff may see staff members");
}

export function assertCanManageStaff(p: Principal | null): void {
  if (p === null) return;
  if (p.kind !== "staff" || p.role !== "admin") {
    throw forbidden("Only staff admins may manage staff members");
  }
}

/** An admin may not demote or deactivate themselves: another admin must, so one always remains. */
export function assertNotSelfLockout(
  p: Principal | null,
  staffId: string,
  change: { role?: string; active?: boolean },
): void {
  if (p === null || p.kind !== "staff" || p.staffId !== staffId) return;
  const field =
    change.role !== undefined && change.role !== "admin"
      ? "role"
      : change.active === false
        ? "active"
        : null;
  if (field) {
    throw new AppError("unprocessable", "You may not demote or deactivate yourself", [
      { field, in: "body", message: "ask another admin" },
    ]);
  }
}
