import { describe, expect, it } from "vitest";
import {
  nextTier,
  raiseSeverity,
  routeTiers,
  servesTier,
} from "../../src/modules/routing/rules.ts";
import { compileCalendar } from "../../src/modules/sla/calendar.ts";
import {
  applyClockEvent,
  type ClockContext,
  noClock,
} from "../../src/modules/tickets/sla-clock.ts";

describe("tiers", () => {
  it("escalates L1 → L2 → L3 and TAM → L3, with nothing above L3", () => {
    expect(nextTier("L1")).toBe("L2");
    expect(nextTier("L2")).toBe("L3");
    expect(nextTier("TAM")).toBe("L3");
    expect(nextTier("L3")).toBeNull();
  });

  it("routes Enterprise tickets to the TAM team, then L3; others to their tier only", () => {
    expect(routeTiers("TAM")).toEqual(["TAM", "L3"]);
    expect(routeTiers("L2")).toEqual(["L2"]);
    expect(servesTier("L3", "TAM")).toBe(true);
    expect(servesTier("TAM", "L3")).toBe(false);
    expect(servesTier("L2", "L1")).toBe(false);
  });

  it("raises a severity one step, critical staying critical", () => {
    expect(["low", "medium", "high", "critical"].map((s) => raiseSeverity(s as never))).toEqual([
      "medium",
      "high",
      "critical",
      "critical",
    ]);
  });
});

describe("a clock's new target", () => {
  // Monday to Friday 09:00-17:00 in Paris.
  const calendar = compileCalendar({
    timeZone: "Europe/Paris",
    weeklyHours: Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["09:00", "17:00"]]]),
    ),
    holidays: [],
  });
  const before = { firstResponseMinutes: 480, nextResponseMinutes: 480 };
  const after = { firstResponseMinutes: 120, nextResponseMinutes: 240 };
  /** Wednesday 2 December 2026, 10:00 in Paris. */
  const start = new Date("2026-12-02T09:00:00.000Z");
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const context = (now: Date, targets = before): ClockContext => ({
    calendar,
    targets,
    now,
    status: "open",
  });
  const running = applyClockEvent(noClock, { kind: "created" }, context(start));

  it("keeps the time used: 60 of 480 minutes used leaves 60 of 120", () => {
    const fields = applyClockEvent(
      running,
      { kind: "retarget", previous: before },
      context(at(60), after),
    );
    expect(fields.dueAt).toEqual(at(120));
    // 75 % of 120 minutes: 30 minutes are left at the warning.
    expect(fields.warnAt).toEqual(at(90));
  });

  it("leaves nothing, not less, when the new target is already used up", () => {
    const fields = applyClockEvent(
      running,
      { kind: "retarget", previous: before },
      context(at(200), after),
    );
    expect(fields.dueAt).toEqual(at(200));
  });

  it("moves a paused clock's remaining minutes, and ignores a stopped one", () => {
    const paused = { ...running, dueAt: null, warnAt: null, pausedRemainingMinutes: 400 };
    const moved = applyClockEvent(
      paused,
      { kind: "retarget", previous: before },
      context(at(90), after),
    );
    expect(moved.pausedRemainingMinutes).toBe(40);
    expect(moved.dueAt).toBeNull();
    const stopped = applyClockEvent(running, { kind: "agent-answer" }, context(at(10)));
    expect(
      applyClockEvent(stopped, { kind: "retarget", previous: before }, context(at(20), after)),
    ).toEqual(stopped);
  });
});
