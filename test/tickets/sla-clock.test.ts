import { describe, expect, it } from "vitest";
import { alwaysOpen, compileCalendar } from "../../src/modules/sla/calendar.ts";
import {
  applyClockEvent,
  type ClockContext,
  type ClockFields,
  noClock,
  remainingMinutes,
} from "../../src/modules/tickets/sla-clock.ts";

// Paris, Monday to Friday 09:00-18:00: the shape of the seeded EU calendar.
const paris = compileCalendar({
  timeZone: "Europe/Paris",
  weeklyHours: {
    mon: [["09:00", "18:00"]],
    tue: [["09:00", "18:00"]],
    wed: [["09:00", "18:00"]],
    thu: [["09:00", "18:00"]],
    fri: [["09:00", "18:00"]],
  },
  holidays: ["2026-12-25"],
});

const targets = { firstResponseMinutes: 240, nextResponseMinutes: 480 };
const at = (iso: string) => new Date(iso);
/** Wednesday 2 December 2026, 10:00 in Paris. */
const WED_10 = "2026-12-02T09:00:00.000Z";

function ctx(now: string, status: ClockContext["status"], calendar = paris): ClockContext {
  return { calendar, targets, now: at(now), status };
}

function created(now = WED_10, calendar = paris): ClockFields {
  return applyClockEvent(noClock, { kind: "created" }, ctx(now, "open", calendar));
}

describe("first-response clock", () => {
  it("starts at creation with the target in business time and warns at 75 %", () => {
    const fields = created();
    expect(fields.slaClock).toBe("first-response");
    // 4 business hours after 10:00 Paris: 14:00 Paris.
    expect(fields.dueAt?.toISOString()).toBe("2026-12-02T13:00:00.000Z");
    expect(fields.firstResponseDueAt).toEqual(fields.dueAt);
    expect(fields.warnAt?.toISOString()).toBe("2026-12-02T12:00:00.000Z");
    expect(fields.pausedRemainingMinutes).toBeNull();
  });

  it("counts from the next opening when created at night, and runs round the clock when 24/7", () => {
    const night = created("2026-12-02T22:00:00.000Z");
    // Thursday 09:00 Paris + 4 h = 13:00 Paris.
    expect(night.dueAt?.toISOString()).toBe("2026-12-03T12:00:00.000Z");
    const always = created("2026-12-02T22:00:00.000Z", alwaysOpen);
    expect(always.dueAt?.toISOString()).toBe("2026-12-03T02:00:00.000Z");
    expect(always.warnAt?.toISOString()).toBe("2026-12-03T01:00:00.000Z");
  });

  it("stops at the first public agent answer and records when", () => {
    const answered = applyClockEvent(
      created(),
      { kind: "agent-answer" },
      ctx("2026-12-02T10:30:00.000Z", "open"),
    );
    expect(answered).toMatchObject({ slaClock: null, dueAt: null, warnAt: null });
    expect(answered.firstRespondedAt?.toISOString()).toBe("2026-12-02T10:30:00.000Z");
    // The target stays for the record.
    expect(answered.firstResponseDueAt?.toISOString()).toBe("2026-12-02T13:00:00.000Z");
  });

  it("keeps running through more customer messages before the first answer", () => {
    const fields = created();
    const again = applyClockEvent(
      fields,
      { kind: "customer-message" },
      ctx("2026-12-02T11:00:00.000Z", "open"),
    );
    expect(again).toEqual(fields);
  });
});

describe("pause and resume", () => {
  it("pauses with the business minutes left and resumes with them", () => {
    const fields = created();
    // One business hour later (11:00 Paris) the agent asks the customer: 180 minutes left.
    const paused = applyClockEvent(
      fields,
      { kind: "status", from: "open", to: "waiting-for-customer" },
      ctx("2026-12-02T10:00:00.000Z", "waiting-for-customer"),
    );
    expect(paused).toMatchObject({
      slaClock: "first-response",
      dueAt: null,
      warnAt: null,
      pausedRemainingMinutes: 180,
    });
    expect(remainingMinutes(paused, paris, at("2026-12-03T10:00:00.000Z"))).toBe(180);

    // The customer answers on Friday at 17:00 Paris: one hour today, two on Monday.
    const resumed = applyClockEvent(
      paused,
      { kind: "status", from: "waiting-for-customer", to: "waiting-for-provider" },
      ctx("2026-12-04T16:00:00.000Z", "waiting-for-provider"),
    );
    expect(resumed.dueAt?.toISOString()).toBe("2026-12-07T10:00:00.000Z");
    expect(resumed.firstResponseDueAt).toEqual(resumed.dueAt);
    expect(resumed.pausedRemainingMinutes).toBeNull();
    // 25 % of 240 minutes is 60: the warning comes when an hour is left, Monday 10:00 Paris.
    expect(resumed.warnAt?.toISOString()).toBe("2026-12-07T09:00:00.000Z");
  });

  it("warns at once on resuming when less than a quarter is left, unless already warned", () => {
    const fields = created();
    const paused = applyClockEvent(
      fields,
      { kind: "status", from: "open", to: "on-hold" },
      ctx("2026-12-02T12:30:00.000Z", "on-hold"),
    );
    expect(paused.pausedRemainingMinutes).toBe(30);
    const now = "2026-12-03T09:00:00.000Z";
    const resumed = applyClockEvent(
      paused,
      { kind: "status", from: "on-hold", to: "waiting-for-provider" },
      ctx(now, "waiting-for-provider"),
    );
    expect(resumed.warnAt?.toISOString()).toBe(now);
    const warned = { ...paused, warnedAt: at("2026-12-02T12:00:00.000Z") };
    const resumedWarned = applyClockEvent(
      warned,
      { kind: "status", from: "on-hold", to: "waiting-for-provider" },
      ctx(now, "waiting-for-provider"),
    );
    expect(resumedWarned.warnAt).toBeNull();
    expect(resumedWarned.warnedAt).toEqual(warned.warnedAt);
  });

  it("keeps an overdue clock overdue: nothing left while paused, due at once on resuming", () => {
    const breached = { ...created(), breachedAt: at("2026-12-02T13:00:00.000Z") };
    const paused = applyClockEvent(
      breached,
      { kind: "status", from: "open", to: "waiting-for-customer" },
      ctx("2026-12-02T14:00:00.000Z", "waiting-for-customer"),
    );
    expect(paused.pausedRemainingMinutes).toBe(0);
    const resumed = applyClockEvent(
      paused,
      { kind: "status", from: "waiting-for-customer", to: "waiting-for-provider" },
      ctx("2026-12-03T09:00:00.000Z", "waiting-for-provider"),
    );
    expect(resumed.dueAt?.toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect(resumed.breachedAt).toEqual(breached.breachedAt);
  });

  it("does nothing to a ticket with no clock, and moving between paused states keeps it paused", () => {
    const answered = applyClockEvent(created(), { kind: "agent-answer" }, ctx(WED_10, "open"));
    const waiting = applyClockEvent(
      answered,
      { kind: "status", from: "open", to: "waiting-for-customer" },
      ctx(WED_10, "waiting-for-customer"),
    );
    expect(waiting).toEqual(answered);
    const paused = applyClockEvent(
      created(),
      { kind: "status", from: "open", to: "on-hold" },
      ctx("2026-12-02T10:00:00.000Z", "on-hold"),
    );
    const still = applyClockEvent(
      paused,
      { kind: "status", from: "on-hold", to: "waiting-for-customer" },
      ctx("2026-12-02T11:00:00.000Z", "waiting-for-customer"),
    );
    expect(still).toEqual(paused);
  });
});

describe("next-response clock", () => {
  const answered = applyClockEvent(
    created(),
    { kind: "agent-answer" },
    ctx("2026-12-02T10:00:00.000Z", "open"),
  );

  it("starts at a customer message after an answer, with the update target, clearing old marks", () => {
    const old = { ...answered, warnedAt: at(WED_10), breachedAt: at(WED_10) };
    const next = applyClockEvent(
      old,
      { kind: "customer-message" },
      ctx("2026-12-02T14:00:00.000Z", "waiting-for-provider"),
    );
    expect(next.slaClock).toBe("next-response");
    // 15:00 Paris + 480 business minutes: 3 h on Wednesday, 5 h on Thursday → 14:00 Paris.
    expect(next.dueAt?.toISOString()).toBe("2026-12-03T13:00:00.000Z");
    expect(next.nextResponseDueAt).toEqual(next.dueAt);
    // 360 minutes in: Thursday 12:00 Paris.
    expect(next.warnAt?.toISOString()).toBe("2026-12-03T11:00:00.000Z");
    expect(next.warnedAt).toBeNull();
    expect(next.breachedAt).toBeNull();
    expect(next.firstRespondedAt).toEqual(answered.firstRespondedAt);
  });

  it("starts paused when the message arrives while the ticket is on hold", () => {
    const next = applyClockEvent(
      answered,
      { kind: "customer-message" },
      ctx("2026-12-02T14:00:00.000Z", "on-hold"),
    );
    expect(next).toMatchObject({
      slaClock: "next-response",
      dueAt: null,
      pausedRemainingMinutes: 480,
    });
  });

  it("keeps the clock of the first unanswered message when the customer writes again", () => {
    const next = applyClockEvent(
      answered,
      { kind: "customer-message" },
      ctx("2026-12-02T14:00:00.000Z", "waiting-for-provider"),
    );
    const again = applyClockEvent(
      next,
      { kind: "customer-message" },
      ctx("2026-12-02T15:00:00.000Z", "waiting-for-provider"),
    );
    expect(again).toEqual(next);
  });
});

describe("solving, closing and reopening", () => {
  it("stops every clock when solved or closed, and restarts one on reopening", () => {
    const solved = applyClockEvent(
      created(),
      { kind: "status", from: "open", to: "solved" },
      ctx("2026-12-02T10:00:00.000Z", "solved"),
    );
    expect(solved).toMatchObject({ slaClock: null, dueAt: null, pausedRemainingMinutes: null });
    const reopened = applyClockEvent(
      solved,
      { kind: "status", from: "solved", to: "waiting-for-provider" },
      ctx("2026-12-03T09:00:00.000Z", "waiting-for-provider"),
    );
    // Never answered: a new first-response clock with its full target.
    expect(reopened.slaClock).toBe("first-response");
    expect(reopened.dueAt?.toISOString()).toBe("2026-12-03T13:00:00.000Z");
  });
});
