import type { CalendarSpec, Weekday } from "../../src/modules/sla/calendar.ts";
import { shippedCalendars } from "../../src/modules/sla/reference-data.ts";

export const at = (iso: string): Date => new Date(iso);
export const iso = (date: Date): string => date.toISOString();

type Hours = [string, string][];

/** The same hours on the days given. */
export function days(list: Weekday[], hours: Hours): CalendarSpec["weeklyHours"] {
  return Object.fromEntries(list.map((day) => [day, hours]));
}

export const MON_FRI: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
export const EVERY_DAY: Weekday[] = [...MON_FRI, "sat", "sun"];

/** Monday to Friday 09:00-18:00 in a zone, without holidays. */
export function officeHours(timeZone: string, holidays: string[] = []): CalendarSpec {
  return { timeZone, weeklyHours: days(MON_FRI, [["09:00", "18:00"]]), holidays };
}

/** The shipped calendar of a region, as seeded. */
export function shipped(code: "EU" | "CA" | "US"): CalendarSpec {
  const calendar = shippedCalendars.find((c) => c.code === code);
  if (!calendar) throw new Error(`no shipped calendar ${code}`);
  return {
    timeZone: calendar.timeZone,
    weeklyHours: calendar.weeklyHours,
    holidays: calendar.holidays,
  };
}

/** Daylight-saving changes of 2026 and 2027, as UTC instants. */
export const TRANSITIONS = {
  "Europe/Paris": [
    "2026-03-29T01:00:00Z",
    "2026-10-25T01:00:00Z",
    "2027-03-28T01:00:00Z",
    "2027-10-31T01:00:00Z",
  ],
  "America/Toronto": [
    "2026-03-08T07:00:00Z",
    "2026-11-01T06:00:00Z",
    "2027-03-14T07:00:00Z",
    "2027-11-07T06:00:00Z",
  ],
} as const;
