import type { Principal } from "../../http/principal.ts";
import { staffSeesUniverse } from "../services/policy.ts";
import type { Audience, DispatchedRow } from "./repository.ts";

/** Topics whose events staff follow beyond the rows addressed to them (their queues). */
export const STAFF_BROADCAST_TOPICS = ["ticket.", "sla."];

/** Topics that may speak of internal notes: never shown to customers, whatever the address. */
const STAFF_ONLY_TOPICS = new Set(["ticket.note_added"]);

export function audienceOf(principal: Principal): Audience {
  return principal.kind === "user"
    ? { kind: "account", accountId: principal.accountId }
    : { kind: "staff", staffId: principal.staffId, broadcastTopics: STAFF_BROADCAST_TOPICS };
}

/**
 * Remembers the events already sent to one stream, so staff get one copy of an event written
 * as one row per recipient even when its rows reach the stream in two reads.
 */
export class SentEvents {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 2_000) {}

  has(eventId: string): boolean {
    return this.ids.has(eventId);
  }

  add(eventId: string): void {
    this.ids.add(eventId);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }
}

/**
 * The rows of `rows` one principal may receive, in order. A customer user receives the rows
 * addressed to its account (never internal-note events). Staff receive the rows addressed to
 * them, and one copy of each ticket or SLA event about a ticket they may read (agents: their
 * universes), unless a row of that event is addressed to them.
 */
export function visibleRows(
  principal: Principal,
  rows: readonly DispatchedRow[],
  sent: SentEvents,
): DispatchedRow[] {
  if (principal.kind === "user") {
    return rows.filter(
      (row) =>
        row.recipient_account_id === principal.accountId && !STAFF_ONLY_TOPICS.has(row.topic),
    );
  }
  const addressedEvents = new Set(
    rows.filter((row) => row.recipient_staff_id === principal.staffId).map((row) => row.event_id),
  );
  const visible: DispatchedRow[] = [];
  for (const row of rows) {
    if (row.recipient_staff_id === principal.staffId) {
      visible.push(row);
      sent.add(row.event_id);
      continue;
    }
    if (addressedEvents.has(row.event_id) || sent.has(row.event_id)) continue;
    if (!STAFF_BROADCAST_TOPICS.some((prefix) => row.topic.startsWith(prefix))) continue;
    const universe = (row.payload as { universe?: unknown }).universe;
    if (!staffSeesUniverse(principal, typeof universe === "string" ? universe : "")) continue;
    visible.push(row);
    sent.add(row.event_id);
  }
  return visible;
}
