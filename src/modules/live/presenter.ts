import type { DispatchedRow } from "./repository.ts";

/** Payload keys never sent to a stream: one-time contact-change tokens and their links. */
const SECRET_KEYS = new Set(["token", "link"]);

export interface LiveEvent {
  /** The outbox row id, also the SSE id a reconnecting client sends back as Last-Event-ID. */
  id: number;
  eventId: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

export function presentLiveEvent(row: DispatchedRow): LiveEvent {
  const payload = row.payload as Record<string, unknown>;
  return {
    id: row.id,
    eventId: row.event_id,
    type: row.topic,
    at: row.created_at.toISOString(),
    data: Object.fromEntries(Object.entries(payload).filter(([key]) => !SECRET_KEYS.has(key))),
  };
}
