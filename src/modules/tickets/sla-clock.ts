import type { SlaClock, TicketStatus } from "../../db/schema.ts";
import { PAUSED_STATUSES, STOPPED_STATUSES } from "./rules.ts";

/**
 * The SLA clocks of one ticket as pure functions of its clock fields, the event, the ticket's
 * business calendar and the time. First response runs from creation to the first public agent
 * message; next response from a customer message to the next public agent message. Both pause
 * while the ticket waits for the customer or is on hold, keeping the business minutes they had
 * left, and resume with them. Every event recomputes all the fields; the caller stores them.
 */

/** The calendar arithmetic the clocks need; every BusinessCalendar provides it. */
export interface ClockCalendar {
  addMinutes(from: Date, minutes: number): Date;
  minutesBetween(from: Date, to: Date): number;
}

/** Targets in business minutes, fixed by the entitlement recorded at creation. */
export interface ClockTargets {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
}

export interface ClockFields {
  /** The clock that runs or is paused; null when none does. */
  slaClock: SlaClock | null;
  /** Due time of the running clock; null when none runs (paused or stopped). */
  dueAt: Date | null;
  /** When the running clock reaches 75 % of its target; null once warned or when none runs. */
  warnAt: Date | null;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  nextResponseDueAt: Date | null;
  /** Business minutes left on a paused clock. */
  pausedRemainingMinutes: number | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
}

export type ClockEvent =
  | { kind: "created" }
  | { kind: "customer-message" }
  | { kind: "agent-answer" }
  | { kind: "status"; from: TicketStatus; to: TicketStatus }
  /** The targets changed (a severity raised by routing); `previous` are the ones in force. */
  | { kind: "retarget"; previous: ClockTargets };

export interface ClockContext {
  calendar: ClockCalendar;
  targets: ClockTargets;
  now: Date;
  /** The ticket's status once the event has happened. */
  status: TicketStatus;
}

/** The warning fires when a quarter of the target is left. */
const WARN_REMAINING_SHARE = 0.25;

export const noClock: ClockFields = {
  slaClock: null,
  dueAt: null,
  warnAt: null,
  firstResponseDueAt: null,
  firstRespondedAt: null,
  nextResponseDueAt: null,
  pausedRemainingMinutes: null,
  warnedAt: null,
  breachedAt: null,
};

const isPaused = (status: TicketStatus) => PAUSED_STATUSES.includes(status);
const isStopped = (status: TicketStatus) => STOPPED_STATUSES.includes(status);

function targetOf(clock: SlaClock, targets: ClockTargets): number {
  return clock === "first-response" ? targets.firstResponseMinutes : targets.nextResponseMinutes;
}

/** Runs `clock` from now with `remaining` business minutes left. */
function run(
  fields: ClockFields,
  clock: SlaClock,
  remaining: number,
  ctx: ClockContext,
): ClockFields {
  const { calendar, now } = ctx;
  const dueAt = calendar.addMinutes(now, remaining);
  const untilWarning = Math.max(0, remaining - WARN_REMAINING_SHARE * targetOf(clock, ctx.targets));
  return {
    ...fields,
    slaClock: clock,
    dueAt,
    warnAt: fields.warnedAt ? null : calendar.addMinutes(now, untilWarning),
    pausedRemainingMinutes: null,
    ...(clock === "first-response" ? { firstResponseDueAt: dueAt } : { nextResponseDueAt: dueAt }),
  };
}

/** A new clock with its full target: earlier warnings and breaches belong to the old one. */
function start(fields: ClockFields, ctx: ClockContext): ClockFields {
  if (isStopped(ctx.status)) return stop(fields);
  const clock: SlaClock = fields.firstRespondedAt ? "next-response" : "first-response";
  const fresh = { ...fields, warnedAt: null, breachedAt: null };
  const target = targetOf(clock, ctx.targets);
  if (isPaused(ctx.status)) {
    return { ...fresh, slaClock: clock, dueAt: null, warnAt: null, pausedRemainingMinutes: target };
  }
  return run(fresh, clock, target, ctx);
}

function stop(fields: ClockFields): ClockFields {
  return { ...fields, slaClock: null, dueAt: null, warnAt: null, pausedRemainingMinutes: null };
}

function pause(fields: ClockFields, ctx: ClockContext): ClockFields {
  if (fields.slaClock === null || fields.dueAt === null) return fields;
  // An overdue clock keeps nothing: it resumes already due, its breach already recorded.
  const remaining = Math.max(0, ctx.calendar.minutesBetween(ctx.now, fields.dueAt));
  return { ...fields, dueAt: null, warnAt: null, pausedRemainingMinutes: remaining };
}

function resume(fields: ClockFields, ctx: ClockContext): ClockFields {
  if (fields.slaClock === null || fields.pausedRemainingMinutes === null) return fields;
  return run(fields, fields.slaClock, fields.pausedRemainingMinutes, ctx);
}

/**
 * New targets for the clock that runs or is paused: it keeps the business minutes it has used,
 * so the time left moves by the difference between the targets (never below nothing left).
 */
function retarget(fields: ClockFields, previous: ClockTargets, ctx: ClockContext): ClockFields {
  const clock = fields.slaClock;
  if (clock === null) return fields;
  const shift = targetOf(clock, ctx.targets) - targetOf(clock, previous);
  if (fields.pausedRemainingMinutes !== null) {
    return {
      ...fields,
      pausedRemainingMinutes: Math.max(0, fields.pausedRemainingMinutes + shift),
    };
  }
  const left = remainingMinutes(fields, ctx.calendar, ctx.now);
  if (left === null) return fields;
  return run(fields, clock, Math.max(0, left + shift), ctx);
}

/** The clock fields after `event`; the input is not modified. */
export function applyClockEvent(
  fields: ClockFields,
  event: ClockEvent,
  ctx: ClockContext,
): ClockFields {
  switch (event.kind) {
    case "created":
      return start({ ...noClock }, ctx);
    case "customer-message":
      // A clock already running (or paused) started at the earliest unanswered message.
      return fields.slaClock === null ? start(fields, ctx) : fields;
    case "agent-answer":
      return stop({ ...fields, firstRespondedAt: fields.firstRespondedAt ?? ctx.now });
    case "status": {
      const { from, to } = event;
      if (isStopped(to)) return stop(fields);
      // Reopening: the customer is waiting for an answer again.
      if (isStopped(from)) return start(fields, ctx);
      if (isPaused(to) && !isPaused(from)) return pause(fields, ctx);
      if (isPaused(from) && !isPaused(to)) return resume(fields, ctx);
      return fields;
    }
    case "retarget":
      return retarget(fields, event.previous, ctx);
  }
}

/** Business minutes left on the clock at `now`: negative once overdue, null when none runs. */
export function remainingMinutes(
  fields: ClockFields,
  calendar: ClockCalendar,
  now: Date,
): number | null {
  if (fields.pausedRemainingMinutes !== null) return fields.pausedRemainingMinutes;
  if (fields.dueAt === null) return null;
  return now <= fields.dueAt
    ? calendar.minutesBetween(now, fields.dueAt)
    : -calendar.minutesBetween(fields.dueAt, now);
}
