import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alwaysOpen,
  type BusinessCalendar,
  type CalendarSpec,
  compileCalendar,
} from "../../src/modules/sla/calendar.ts";
import { days, EVERY_DAY, MON_FRI, officeHours, shipped, TRANSITIONS } from "./fixtures.ts";
import { openByWallClock } from "./oracle.ts";

const MINUTE = 60_000;
const DAY = 86_400_000;

// Calendars whose openings and closings never fall inside a daylight-saving gap or overlap.
const regular: Record<string, CalendarSpec> = {
  "EU (shipped)": shipped("EU"),
  "CA (shipped)": shipped("CA"),
  "US (shipped)": shipped("US"),
  "Toronto night shift": {
    timeZone: "America/Toronto",
    weeklyHours: {
      ...days(MON_FRI, [
        ["00:00", "06:00"],
        ["20:00", "24:00"],
      ]),
    },
    holidays: ["2026-11-02", "2027-03-15"],
  },
  "Paris weekends": {
    timeZone: "Europe/Paris",
    weeklyHours: days(["sat", "sun"], [["00:00", "24:00"]]),
    holidays: ["2026-03-28", "2027-10-31"],
  },
  "Paris split days, closed over the new year": {
    timeZone: "Europe/Paris",
    weeklyHours: days(MON_FRI, [
      ["08:30", "12:00"],
      ["13:30", "17:45"],
    ]),
    holidays: ["2026-12-24", "2026-12-25", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"],
  },
};

// Openings and closings inside gaps and overlaps: the algebra must hold there too.
const unusual: Record<string, CalendarSpec> = {
  "Paris 02:30-05:00 on Sundays": {
    timeZone: "Europe/Paris",
    weeklyHours: { sun: [["02:30", "05:00"]], wed: [["10:00", "11:00"]] },
    holidays: [],
  },
  "Toronto 01:30-02:30 every day": {
    timeZone: "America/Toronto",
    weeklyHours: days(EVERY_DAY, [["01:30", "02:30"]]),
    holidays: [],
  },
};

const calendars: [string, CalendarSpec, BusinessCalendar][] = Object.entries({
  ...regular,
  ...unusual,
}).map(([name, spec]) => [name, spec, compileCalendar(spec)]);

const START = Date.UTC(2025, 11, 1);
const END = Date.UTC(2028, 0, 31);
const transitions = Object.values(TRANSITIONS)
  .flat()
  .map((iso) => Date.parse(iso));

/** Any millisecond over the two years, or one within ten days of a daylight-saving change. */
const instant = fc.oneof(
  fc.integer({ min: START, max: END }),
  fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -10 * DAY, max: 10 * DAY }))
    .map(([transition, shift]) => transition + shift),
);
const minutes = fc.integer({ min: 0, max: 6000 });
const date = (t: number) => new Date(t);

describe.each(calendars)("calendar arithmetic: %s", (_name, _spec, calendar) => {
  it("adding a then b equals adding a + b", () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (t, a, b) => {
        const stepwise = calendar.addMinutes(calendar.addMinutes(date(t), a), b);
        expect(stepwise.getTime()).toBe(calendar.addMinutes(date(t), a + b).getTime());
      }),
    );
  });

  it("a deadline is never outside open hours, and is the earliest one", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 6000 }), (t, m) => {
        const deadline = calendar.addMinutes(date(t), m).getTime();
        expect(deadline).toBeGreaterThan(t);
        expect(calendar.isOpen(date(deadline - 1))).toBe(true);
        expect(calendar.minutesBetween(date(t), date(deadline - 1))).toBeLessThan(m);
      }),
    );
  });

  it("minutesBetween(t, addMinutes(t, m)) is m", () => {
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        expect(calendar.minutesBetween(date(t), calendar.addMinutes(date(t), m))).toBe(m);
      }),
    );
  });

  it("is monotonic in the start and in the minutes", () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (t1, t2, a, b) => {
        const [early, late] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [few, many] = a <= b ? [a, b] : [b, a];
        const at = (t: number, m: number) => calendar.addMinutes(date(t), m).getTime();
        expect(at(early, few)).toBeLessThanOrEqual(at(late, few));
        expect(at(early, few)).toBeLessThanOrEqual(at(early, many));
      }),
    );
  });

  it("minutesBetween adds up over consecutive ranges", () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const whole = calendar.minutesBetween(date(a), date(c)) * MINUTE;
        const parts =
          (calendar.minutesBetween(date(a), date(b)) + calendar.minutesBetween(date(b), date(c))) *
          MINUTE;
        expect(Math.round(parts)).toBe(Math.round(whole));
      }),
    );
  });
});

describe.each(Object.entries(regular))(
  "agreement with the wall clock read from Intl: %s",
  (_name, spec) => {
    const calendar = compileCalendar(spec);

    it("isOpen matches the local time", () => {
      fc.assert(
        fc.property(instant, (t) => {
          expect(calendar.isOpen(date(t))).toBe(openByWallClock(spec, t));
        }),
        { numRuns: 300 },
      );
    });

    it("minutesBetween counts the open minutes one by one", () => {
      // Starts on a whole minute, so each minute is open or closed throughout.
      const wholeMinute = instant.map((t) => Math.floor(t / MINUTE) * MINUTE);
      fc.assert(
        fc.property(wholeMinute, fc.integer({ min: 0, max: 1500 }), (t, span) => {
          let open = 0;
          for (let i = 0; i < span; i++) if (openByWallClock(spec, t + i * MINUTE)) open++;
          expect(calendar.minutesBetween(date(t), date(t + span * MINUTE))).toBe(open);
        }),
        { numRuns: 40 },
      );
    });

    it("a deadline's last minute is open on the wall clock, never on a holiday", () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 1, max: 6000 }), (t, m) => {
          const deadline = calendar.addMinutes(date(t), m).getTime();
          expect(openByWallClock(spec, deadline - 1)).toBe(true);
        }),
      );
    });
  },
);

describe("a zone calendar open around the clock is elapsed time, across every change", () => {
  it.each(Object.keys(TRANSITIONS))("%s", (timeZone) => {
    const allDay = compileCalendar({
      timeZone,
      weeklyHours: days(EVERY_DAY, [["00:00", "24:00"]]),
      holidays: [],
    });
    fc.assert(
      fc.property(instant, minutes, (t, m) => {
        expect(allDay.addMinutes(date(t), m).getTime()).toBe(
          alwaysOpen.addMinutes(date(t), m).getTime(),
        );
        expect(allDay.minutesBetween(date(t), date(t + m * MINUTE))).toBe(m);
      }),
    );
  });
});

describe("holidays spanning weekends", () => {
  // Closed from Thursday 24 December 2026 to Friday 1 January 2027, two weekends included.
  const closed = ["2026-12-24", "2026-12-25", "2026-12-28", "2026-12-29", "2026-12-30"];
  const spec = officeHours("Europe/Paris", [...closed, "2026-12-31", "2027-01-01"]);
  const calendar = compileCalendar(spec);
  const before = Date.UTC(2026, 11, 14);
  const reopening = Date.parse("2027-01-04T08:00:00Z"); // Monday 09:00 CET

  it("no instant of the closure is open, and a deadline never falls inside it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: before, max: reopening + 7 * DAY }),
        fc.integer({ min: 1, max: 4000 }),
        (t, m) => {
          const deadline = calendar.addMinutes(date(t), m).getTime();
          expect(deadline <= Date.parse("2026-12-23T17:00:00Z") || deadline > reopening).toBe(true);
          if (t > Date.parse("2026-12-23T17:00:00Z") && t < reopening) {
            expect(calendar.isOpen(date(t))).toBe(false);
          }
        },
      ),
    );
  });

  it("time crosses the closure as if it did not exist", () => {
    const lastEvening = Date.parse("2026-12-23T16:00:00Z"); // Wednesday 17:00 CET
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 540 }), (m) => {
        const deadline = calendar.addMinutes(date(lastEvening), m).getTime();
        expect(deadline).toBe(reopening + (m - 60) * MINUTE);
      }),
    );
  });
});
