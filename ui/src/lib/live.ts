import { useEffect, useRef } from "preact/hooks";

/**
 * Live updates from GET /api/v1/events (Server-Sent Events, authorised by the session cookie).
 * One EventSource for the whole page, opened while some screen listens and closed when none
 * does; EventSource reconnects by itself and resumes with Last-Event-ID.
 */
export interface LiveEvent {
  type: string;
  data: Record<string, unknown>;
}
type Listener = (event: LiveEvent) => void;

// The events are named after their type, and EventSource delivers named events only to
// listeners of that name: these are the ticket events a customer's or staff stream carries.
const TICKET_EVENTS = [
  "ticket.created",
  "ticket.answered",
  "ticket.status_changed",
  "ticket.closed",
  "ticket.reopened",
  "ticket.customer_replied",
  // A customer's message, as every staff stream hears it (customer_replied reaches the assignee only).
  "ticket.message",
  "ticket.escalated",
  "ticket.assigned",
  "ticket.unassigned",
  "ticket.note_added",
  "ticket.answer_rated",
];

const listeners = new Set<Listener>();
let source: EventSource | null = null;

function dispatch(message: MessageEvent<string>): void {
  try {
    const event = JSON.parse(message.data) as { type?: string; data?: Record<string, unknown> };
    const live = { type: event.type ?? message.type, data: event.data ?? {} };
    for (const listener of listeners) listener(live);
  } catch {
    // A malformed event is skipped; the next one is independent of it.
  }
}

function open(): void {
  if (source || typeof EventSource === "undefined") return;
  source = new EventSource("/api/v1/events");
  for (const type of TICKET_EVENTS) source.addEventListener(type, dispatch);
}

function closeIfIdle(): void {
  if (listeners.size > 0 || !source) return;
  source.close();
  source = null;
}

/** Calls `onEvent` for every ticket event about `number` while the screen is shown. */
export function useTicketEvents(number: string, onEvent: (event: LiveEvent) => void): void {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    const listener: Listener = (event) => {
      if (event.data.number === number) latest.current(event);
    };
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      closeIfIdle();
    };
  }, [number]);
}

/** Calls `onEvent` for every ticket event while the screen is shown (the staff desk's lists). */
export function useLiveEvents(onEvent: (event: LiveEvent) => void): void {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(() => {
    const listener: Listener = (event) => latest.current(event);
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      closeIfIdle();
    };
  }, []);
}
