import { canonicalZone, DAY } from "./time-zone.ts";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** Monday first, as ISO 8601 numbers the days. */
export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface CalendarSpec {
  /** IANA, e.g. "Europe/Paris". */
  timeZone: string;
  /** Local "HH:MM" intervals, end > start, "24:00" allowed as an end. */
  weeklyHours: Partial<Record<Weekday, [string, string][]>>;
  /** Local dates "YYYY-MM-DD", closed all day. */
  holidays: string[];
}

/**
 * A calendar spec that cannot be used; `field` is the dotted path of the offending value
 * (`weeklyHours.mon.0.1` is the closing time of Monday's first interval), as API errors name it.
 */
export class CalendarSpecError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = "CalendarSpecError";
  }
}

/** What the arithmetic needs: the zone, minutes-of-day pairs per weekday, closed day numbers. */
export interface ParsedSpec {
  timeZone: string;
  /** Index 0 is Monday; each list is [start, end, start, end, ...] in minutes, merged. */
  weekly: number[][];
  /** Local dates as days since 1970-01-01. */
  holidays: Set<number>;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FIELDS = new Set(["timeZone", "weeklyHours", "holidays"]);
/** More than this many intervals in a day is a mistake, not a timetable. */
export const MAX_INTERVALS_PER_DAY = 48;
export const MAX_HOLIDAYS = 2000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function clockMinutes(value: unknown, field: string, isEnd: boolean): number {
  if (typeof value === "string") {
    if (isEnd && value === "24:00") return 1440;
    const match = CLOCK.exec(value);
    if (match) return Number(match[1]) * 60 + Number(match[2]);
  }
  const allowed = isEnd ? '"HH:MM" from 00:01 to 24:00' : '"HH:MM" from 00:00 to 23:59';
  throw new CalendarSpecError(
    field,
    `must be a local time ${allowed}, got ${JSON.stringify(value)}`,
  );
}

/** Days since 1970-01-01 of a real calendar date "YYYY-MM-DD", else null. */
export function dayNumberOf(value: string): number | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY;
}

function parseDay(value: unknown, field: string): number[] {
  if (!Array.isArray(value)) {
    throw new CalendarSpecError(field, 'must be a list of ["HH:MM", "HH:MM"] intervals');
  }
  if (value.length > MAX_INTERVALS_PER_DAY) {
    throw new CalendarSpecError(field, `has more than ${MAX_INTERVALS_PER_DAY} intervals`);
  }
  const intervals = value.map((pair: unknown, i) => {
    const at = `${field}.${i}`;
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new CalendarSpecError(at, 'must be a pair ["HH:MM", "HH:MM"]');
    }
    const start = clockMinutes(pair[0], `${at}.0`, false);
    const end = clockMinutes(pair[1], `${at}.1`, true);
    if (end <= start) throw new CalendarSpecError(at, "must end after it starts");
    return { start, end, at };
  });
  intervals.sort((a, b) => a.start - b.start);
  const merged: number[] = [];
  for (let i = 0; i < intervals.length; i++) {
    const { start, end, at } = intervals[i] as (typeof intervals)[number];
    const previous = intervals[i - 1];
    if (previous && start < previous.end) {
      throw new CalendarSpecError(at, `overlaps ${previous.at}`);
    }
    // Touching intervals (09:00-12:00, 12:00-18:00) are one stretch of open time.
    if (merged.length > 0 && merged[merged.length - 1] === start) merged[merged.length - 1] = end;
    else merged.push(start, end);
  }
  return merged;
}

/**
 * Checks a calendar spec (parsed JSON of unknown shape) and returns it in the form the
 * arithmetic uses. Throws CalendarSpecError naming the first bad field.
 */
export function parseSpec(input: unknown): ParsedSpec {
  if (!isRecord(input)) {
    throw new CalendarSpecError(
      "calendar",
      "must be an object with timeZone, weeklyHours, holidays",
    );
  }
  for (const key of Object.keys(input)) {
    if (!FIELDS.has(key)) {
      throw new CalendarSpecError(key, "is not a calendar field (timeZone, weeklyHours, holidays)");
    }
  }
  const zone = typeof input.timeZone === "string" ? canonicalZone(input.timeZone) : null;
  if (!zone) {
    throw new CalendarSpecError("timeZone", "must be an IANA time zone such as Europe/Paris");
  }
  const hours = input.weeklyHours;
  if (!isRecord(hours)) {
    throw new CalendarSpecError(
      "weeklyHours",
      'must be an object such as {"mon": [["09:00", "18:00"]]}',
    );
  }
  for (const key of Object.keys(hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw new CalendarSpecError(
        `weeklyHours.${key}`,
        `is not a weekday (${WEEKDAYS.join(", ")})`,
      );
    }
  }
  const weekly = WEEKDAYS.map((day) =>
    hours[day] === undefined ? [] : parseDay(hours[day], `weeklyHours.${day}`),
  );
  if (weekly.every((day) => day.length === 0)) {
    throw new CalendarSpecError("weeklyHours", "opens on no day at all");
  }
  const list = input.holidays ?? [];
  if (!Array.isArray(list))
    throw new CalendarSpecError("holidays", 'must be a list of "YYYY-MM-DD"');
  if (list.length > MAX_HOLIDAYS) {
    throw new CalendarSpecError("holidays", `has more than ${MAX_HOLIDAYS} dates`);
  }
  const holidays = new Set<number>();
  list.forEach((value: unknown, i) => {
    const day = typeof value === "string" ? dayNumberOf(value) : null;
    if (day === null) {
      throw new CalendarSpecError(
        `holidays.${i}`,
        `must be a real date "YYYY-MM-DD" from 1970 on, got ${JSON.stringify(value)}`,
      );
    }
    holidays.add(day);
  });
  return { timeZone: zone, weekly, holidays };
}
