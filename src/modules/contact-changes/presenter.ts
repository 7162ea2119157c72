import type { Principal } from "../../http/principal.ts";
import { sideOf } from "./policy.ts";
import type { ChangeView } from "./repository.ts";

/** A task as it leaves the API: never its token hashes. */
export function presentChange(principal: Principal, change: ChangeView) {
  const requestedBy = change.requested_by_user_id
    ? { kind: "user" as const, nicHandle: change.requester_nic }
    : change.requested_by_staff_id
      ? { kind: "staff" as const, nicHandle: null }
      : { kind: "unknown" as const, nicHandle: null };
  return {
    id: change.id,
    serviceName: change.service_name,
    role: change.role,
    state: change.state,
    from: {
      nicHandle: change.from_nic,
      decision: change.from_decision,
      decidedAt: change.from_decided_at?.toISOString() ?? null,
    },
    to: {
      nicHandle: change.to_nic,
      decision: change.to_decision,
      decidedAt: change.to_decided_at?.toISOString() ?? null,
    },
    requestedBy,
    mySide: sideOf(principal, change),
    createdAt: change.created_at.toISOString(),
    expiresAt: change.expires_at.toISOString(),
    closedAt: change.closed_at?.toISOString() ?? null,
  };
}

/** What notifications about a task carry, besides the per-side token. */
export function changeNotice(change: {
  id: string;
  serviceName: string;
  role: string;
  state: string;
  fromNic: string;
  toNic: string;
  expiresAt: Date;
}) {
  return {
    contactChangeId: change.id,
    serviceName: change.serviceName,
    role: change.role,
    state: change.state,
    fromNicHandle: change.fromNic,
    toNicHandle: change.toNic,
    expiresAt: change.expiresAt.toISOString(),
  };
}
