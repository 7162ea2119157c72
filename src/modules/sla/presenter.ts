import { type CalendarSpec, WEEKDAYS } from "./calendar-spec.ts";
import type { CalendarRow } from "./repository.ts";
import type { Calendar } from "./schemas.ts";

/** The spec the arithmetic compiles, as stored in a row. */
export function specOf(
  row: Pick<CalendarRow, "time_zone" | "weekly_hours" | "holidays">,
): CalendarSpec {
  return { timeZone: row.time_zone, weeklyHours: row.weekly_hours, holidays: row.holidays };
}

/** Monday first, whatever order the database keeps jsonb keys in. */
function inWeekOrder(hours: CalendarSpec["weeklyHours"]): CalendarSpec["weeklyHours"] {
  const ordered: CalendarSpec["weeklyHours"] = {};
  for (const day of WEEKDAYS) {
    const intervals = hours[day];
    if (intervals !== undefined) ordered[day] = intervals;
  }
  return ordered;
}

export function presentCalendar(row: CalendarRow, regions: string[]): Calendar {
  return {
    code: row.code,
    name: row.name,
    timeZone: row.time_zone,
    weeklyHours: inWeekOrder(row.weekly_hours),
    holidays: row.holidays,
    regions,
  };
}
