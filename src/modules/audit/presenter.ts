import type { AuditScope } from "./policy.ts";
import type { AuditRow } from "./repository.ts";

/**
 * Customers see who acted on their account, but not the address or internal id of a staff
 * member: those identify the provider's people and network, not the customer's.
 */
export function presentAuditEntry(row: AuditRow, scope: AuditScope) {
  const hideStaff = !scope.all && row.actor_kind === "staff";
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: {
      kind: row.actor_kind,
      id: hideStaff ? null : row.actor_id,
      label: row.actor_label,
    },
    action: row.action,
    subject: { kind: row.subject_kind, id: row.subject_id },
    account: row.nic_handle ?? null,
    ip: hideStaff ? null : row.ip,
    requestId: row.request_id,
    details: (row.details ?? {}) as Record<string, unknown>,
  };
}
