import { describe, expect, it } from "vitest";
import {
  alwaysOpen,
  type CalendarSpec,
  CalendarSpecError,
  compileCalendar,
} from "../../src/modules/sla/calendar.ts";
import { at, officeHours } from "./fixtures.ts";

const base = officeHours("Europe/Paris");

/** The field compileCalendar blames for a spec, or null if it accepts it. */
function blamed(spec: unknown): string | null {
  try {
    compileCalendar(spec as CalendarSpec);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarSpecError);
    const { field, message } = error as CalendarSpecError;
    expect(message.startsWith(`${field}: `)).toBe(true);
    return field;
  }
}

describe("compileCalendar refuses a bad spec, naming the field", () => {
  it.each([
    ["an unknown zone", { ...base, timeZone: "Mars/Olympus" }, "timeZone"],
    ["a fixed offset", { ...base, timeZone: "+01:00" }, "timeZone"],
    ["a missing zone", { weeklyHours: base.weeklyHours, holidays: [] }, "timeZone"],
    [
      "a one-digit hour",
      { ...base, weeklyHours: { mon: [["9:00", "18:00"]] } },
      "weeklyHours.mon.0.0",
    ],
    [
      "24:00 as an opening",
      { ...base, weeklyHours: { mon: [["24:00", "24:00"]] } },
      "weeklyHours.mon.0.0",
    ],
    [
      "a closing past midnight",
      { ...base, weeklyHours: { sun: [["20:00", "24:30"]] } },
      "weeklyHours.sun.0.1",
    ],
    [
      "minutes past 59",
      { ...base, weeklyHours: { tue: [["09:00", "17:60"]] } },
      "weeklyHours.tue.0.1",
    ],
    [
      "a closing before the opening",
      { ...base, weeklyHours: { tue: [["18:00", "09:00"]] } },
      "weeklyHours.tue.0",
    ],
    [
      "an empty interval",
      { ...base, weeklyHours: { tue: [["09:00", "09:00"]] } },
      "weeklyHours.tue.0",
    ],
    [
      "overlapping intervals",
      {
        ...base,
        weeklyHours: {
          wed: [
            ["13:00", "18:00"],
            ["09:00", "13:30"],
          ],
        },
      },
      "weeklyHours.wed.0",
    ],
    [
      "a three-item interval",
      { ...base, weeklyHours: { thu: [["09:00", "12:00", "18:00"]] } },
      "weeklyHours.thu.0",
    ],
    [
      "a day that is not a list",
      { ...base, weeklyHours: { fri: "09:00-18:00" } },
      "weeklyHours.fri",
    ],
    [
      "an unknown weekday",
      { ...base, weeklyHours: { monday: [["09:00", "18:00"]] } },
      "weeklyHours.monday",
    ],
    ["no opening hours at all", { ...base, weeklyHours: {} }, "weeklyHours"],
    ["an impossible date", { ...base, holidays: ["2026-12-25", "2026-02-30"] }, "holidays.1"],
    ["a date in another format", { ...base, holidays: ["25/12/2026"] }, "holidays.0"],
    ["holidays that are not a list", { ...base, holidays: "2026-12-25" }, "holidays"],
    ["an unknown field", { ...base, holiday: [] }, "holiday"],
    ["something that is not an object", [base], "calendar"],
  ])("%s", (_what, spec, field) => {
    expect(blamed(spec)).toBe(field);
  });

  it("accepts touching intervals, 24:00 closings, zone names in any case and no holidays", () => {
    expect(
      blamed({
        timeZone: "europe/paris",
        weeklyHours: {
          mon: [
            ["12:00", "24:00"],
            ["00:00", "12:00"],
          ],
        },
        holidays: [],
      }),
    ).toBeNull();
    // The touching intervals make one stretch: Monday is open all day.
    const allMonday = compileCalendar({
      timeZone: "Europe/Paris",
      weeklyHours: {
        mon: [
          ["00:00", "12:00"],
          ["12:00", "24:00"],
        ],
      },
      holidays: [],
    });
    expect(allMonday.minutesBetween(at("2026-11-15T23:00:00Z"), at("2026-11-16T23:00:00Z"))).toBe(
      1440,
    );
  });
});

describe("arguments out of range", () => {
  const calendar = compileCalendar(base);

  it.each([
    ["negative minutes", -1],
    ["NaN", Number.NaN],
    ["infinity", Number.POSITIVE_INFINITY],
    ["more than ten years", 10 * 365 * 1440 + 1],
  ])("refuses %s", (_what, minutes) => {
    expect(() => calendar.addMinutes(at("2026-11-16T08:00:00Z"), minutes)).toThrow(RangeError);
    expect(() => alwaysOpen.addMinutes(at("2026-11-16T08:00:00Z"), minutes)).toThrow(RangeError);
  });

  it("refuses invalid instants", () => {
    expect(() => calendar.addMinutes(new Date(Number.NaN), 5)).toThrow(RangeError);
    expect(() => calendar.isOpen(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => calendar.minutesBetween(at("2026-01-01T00:00:00Z"), new Date(Number.NaN))).toThrow(
      RangeError,
    );
  });
});
