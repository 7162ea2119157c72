import type { CalendarSpec, Weekday } from "../../src/modules/sla/calendar.ts";

const WEEKDAYS: Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const formats = new Map<string, Intl.DateTimeFormat>();

/** The local date and minute of day at an instant, straight from Intl (no caching, no tricks). */
export function localTime(timeZone: string, t: number) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday;
  return { date, weekday, minute: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

/**
 * Open when the wall clock shows a time inside one of the day's intervals, on a day that is not
 * a holiday. This reading agrees with the engine's whenever no opening or closing falls inside a
 * daylight-saving gap or overlap, which holds for the calendars it is used on.
 */
export function openByWallClock(spec: CalendarSpec, t: number): boolean {
  const local = localTime(spec.timeZone, t);
  if (spec.holidays.includes(local.date)) return false;
  return (spec.weeklyHours[local.weekday] ?? []).some(
    ([start, end]) => local.minute >= toMinutes(start) && local.minute < toMinutes(end),
  );
}
