import type { DeliveryRow } from "./delivery-repository.ts";
import type { SubscriptionView } from "./repository.ts";

/** What leaves the API about webhooks: never the sealed secret. */

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function presentSubscription(row: SubscriptionView) {
  return {
    id: row.id,
    scope: row.account_id === null ? ("global" as const) : ("account" as const),
    nicHandle: row.nic_handle,
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    active: row.active,
    failingSince: iso(row.failing_since),
    disabledAt: iso(row.disabled_at),
    disabledReason: row.disabled_reason === "failing_for_24h" ? ("failing_for_24h" as const) : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
export type PresentedSubscription = ReturnType<typeof presentSubscription>;

export function presentDelivery(row: DeliveryRow) {
  return {
    id: Number(row.id),
    eventId: row.event_id,
    eventType: row.event_type,
    attempt: row.attempt,
    status: row.status,
    statusCode: row.status_code,
    error: row.error,
    durationMs: row.duration_ms,
    createdAt: row.created_at.toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
