import type { Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { TicketStatus, TicketsTable } from "../../db/schema.ts";
import { alwaysOpen, type BusinessCalendar } from "../sla/calendar.ts";
import { loadCalendar } from "../sla/service.ts";
import type { TicketRow } from "./repository.ts";
import {
  applyClockEvent,
  type ClockEvent,
  type ClockFields,
  type ClockTargets,
} from "./sla-clock.ts";

/** Between the pure clock functions and the ticket row: reading, computing, writing back. */

/** The ticket's business calendar; a null calendar is the 24/7 clock. */
export function calendarOf(db: Database, code: string | null): Promise<BusinessCalendar> {
  return code === null ? Promise.resolve(alwaysOpen) : loadCalendar(db, code);
}

/** Targets come from the entitlement recorded at creation, never from today's offer. */
export function targetsOf(row: Pick<TicketRow, "entitlement">): ClockTargets {
  const entitlement = row.entitlement as Record<string, unknown>;
  const minutes = (value: unknown) => (typeof value === "number" && value >= 0 ? value : 0);
  return {
    firstResponseMinutes: minutes(entitlement.firstResponseMinutes),
    nextResponseMinutes: minutes(entitlement.updateMinutes),
  };
}

export function clockFieldsOf(row: TicketRow): ClockFields {
  return {
    slaClock: row.sla_clock,
    dueAt: row.due_at,
    warnAt: row.sla_warn_at,
    firstResponseDueAt: row.first_response_due_at,
    firstRespondedAt: row.first_responded_at,
    nextResponseDueAt: row.next_response_due_at,
    pausedRemainingMinutes:
      row.sla_paused_remaining_minutes === null ? null : Number(row.sla_paused_remaining_minutes),
    warnedAt: row.warned_at,
    breachedAt: row.breached_at,
  };
}

export function clockPatch(fields: ClockFields) {
  return {
    sla_clock: fields.slaClock,
    due_at: fields.dueAt,
    sla_warn_at: fields.warnAt,
    first_response_due_at: fields.firstResponseDueAt,
    first_responded_at: fields.firstRespondedAt,
    next_response_due_at: fields.nextResponseDueAt,
    sla_paused_remaining_minutes: fields.pausedRemainingMinutes,
    warned_at: fields.warnedAt,
    breached_at: fields.breachedAt,
  };
}

/**
 * Applies clock events in order to a ticket's stored fields and returns the columns to write.
 * `status` is the ticket's status once the events have happened.
 */
export async function clockAfter(
  db: Database,
  row: TicketRow,
  events: ClockEvent[],
  status: TicketStatus,
  now: Date,
): Promise<Updateable<TicketsTable>> {
  const calendar = await calendarOf(db, row.calendar);
  const ctx = { calendar, targets: targetsOf(row), now, status };
  const fields = events.reduce(
    (acc, event) => applyClockEvent(acc, event, ctx),
    clockFieldsOf(row),
  );
  return clockPatch(fields);
}
