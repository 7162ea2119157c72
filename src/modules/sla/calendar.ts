import { type CalendarSpec, type ParsedSpec, parseSpec } from "./calendar-spec.ts";
import {
  DAY,
  firstInstantAtOrAfter,
  HOUR,
  MINUTE,
  type ZoneOffsets,
  zoneOffsets,
} from "./time-zone.ts";

export type { CalendarSpec, Weekday } from "./calendar-spec.ts";
export { CalendarSpecError, parseSpec, WEEKDAYS } from "./calendar-spec.ts";

export interface BusinessCalendar {
  /**
   * The instant `minutes` business minutes after `from` (minutes may be fractional, >= 0). If
   * `from` is outside open hours, counting starts at the next opening. A deadline that lands
   * exactly on a closing time stays there. Zero minutes returns `from` itself.
   */
  addMinutes(from: Date, minutes: number): Date;
  /** Business minutes in [from, to); 0 if to <= from. */
  minutesBetween(from: Date, to: Date): number;
  isOpen(at: Date): boolean;
}

/** The most addMinutes accepts: ten years of round-the-clock minutes. */
export const MAX_MINUTES = 10 * 365 * 1440;
/** Instants from 1970-01-01 to the end of 9999, the range local dates are written in. */
const MIN_INSTANT = 0;
const MAX_INSTANT = Date.UTC(10000, 0, 1) - 1;
const MAX_DAY = Math.floor(MAX_INSTANT / DAY) + 1;
/** minutesBetween walks day by day; a century is far beyond any ticket. */
const MAX_SPAN = 100 * 366 * DAY;
const MAX_CACHED_DAYS = 50_000;
// Wide enough for any UTC offset (-12 h to +14 h) on either side of a local day.
const WINDOW = 15 * HOUR;

function instant(value: Date, name: string): number {
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  if (!(t >= MIN_INSTANT && t <= MAX_INSTANT)) {
    throw new RangeError(`${name} must be a valid instant between 1970 and 9999`);
  }
  return t;
}

/** Minutes to whole milliseconds; Dates carry no finer precision. */
function duration(minutes: number): number {
  if (!(typeof minutes === "number" && minutes >= 0 && minutes <= MAX_MINUTES)) {
    throw new RangeError(`minutes must be a number from 0 to ${MAX_MINUTES}`);
  }
  return Math.round(minutes * MINUTE);
}

/**
 * One local day of a calendar in UTC milliseconds: [start, end) is the day itself, `open` its
 * open intervals as [start, end, start, end, ...], `total` their length.
 */
interface Day {
  start: number;
  end: number;
  open: number[];
  first: number;
  last: number;
  total: number;
}

class ZonedCalendar implements BusinessCalendar {
  private readonly days = new Map<number, Day>();
  private readonly offsets: ZoneOffsets;

  constructor(private readonly spec: ParsedSpec) {
    this.offsets = zoneOffsets(spec.timeZone);
  }

  /** Local day `d` (days since 1970-01-01 on the calendar's clocks), computed once. */
  private day(d: number): Day {
    let day = this.days.get(d);
    if (day === undefined) {
      if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
      day = this.build(d);
      this.days.set(d, day);
    }
    return day;
  }

  private build(d: number): Day {
    const midnight = d * DAY;
    const segments = this.offsets.segments(midnight - WINDOW, midnight + DAY + WINDOW);
    const at = (minutes: number) => firstInstantAtOrAfter(midnight + minutes * MINUTE, segments);
    const open: number[] = [];
    let total = 0;
    if (!this.spec.holidays.has(d)) {
      // 1970-01-01 was a Thursday, index 3 counting from Monday.
      const hours = this.spec.weekly[(((d + 3) % 7) + 7) % 7] ?? [];
      for (let i = 0; i < hours.length; i += 2) {
        const start = at(hours[i] as number);
        const end = at(hours[i + 1] as number);
        // An interval wholly inside a spring-forward gap never happens.
        if (end <= start) continue;
        open.push(start, end);
        total += end - start;
      }
    }
    return {
      start: at(0),
      end: at(1440),
      open,
      first: open[0] ?? Number.POSITIVE_INFINITY,
      last: open[open.length - 1] ?? Number.NEGATIVE_INFINITY,
      total,
    };
  }

  /** The local day holding instant t: the UTC day number, give or take one. */
  private dayOf(t: number): number {
    let d = Math.floor(t / DAY);
    while (t < this.day(d).start) d--;
    while (t >= this.day(d).end) d++;
    return d;
  }

  addMinutes(from: Date, minutes: number): Date {
    const t = instant(from, "from");
    let remaining = duration(minutes);
    if (remaining === 0) return new Date(t);
    for (let d = this.dayOf(t); d <= MAX_DAY; d++) {
      const day = this.day(d);
      if (day.total === 0) continue;
      if (t <= day.first && day.total < remaining) {
        remaining -= day.total;
        continue;
      }
      const open = day.open;
      for (let i = 0; i < open.length; i += 2) {
        const end = open[i + 1] as number;
        if (end <= t) continue;
        const start = Math.max(open[i] as number, t);
        // `<=`: a deadline that uses up an interval exactly is its closing time, not the
        // next opening, so adding a then b always equals adding a + b.
        if (remaining <= end - start) return new Date(start + remaining);
        remaining -= end - start;
      }
    }
    throw new RangeError("the deadline falls after 9999");
  }

  minutesBetween(from: Date, to: Date): number {
    const a = instant(from, "from");
    const b = instant(to, "to");
    if (b <= a) return 0;
    if (b - a > MAX_SPAN) throw new RangeError("minutesBetween spans more than a century");
    let sum = 0;
    for (let d = this.dayOf(a); ; d++) {
      const day = this.day(d);
      if (day.start >= b) break;
      if (day.total === 0) continue;
      if (a <= day.first && day.last <= b) {
        sum += day.total;
        continue;
      }
      const open = day.open;
      for (let i = 0; i < open.length; i += 2) {
        const start = Math.max(open[i] as number, a);
        const end = Math.min(open[i + 1] as number, b);
        if (end > start) sum += end - start;
      }
    }
    return sum / MINUTE;
  }

  isOpen(at: Date): boolean {
    const t = instant(at, "at");
    const open = this.day(this.dayOf(t)).open;
    for (let i = 0; i < open.length; i += 2) {
      if (t >= (open[i] as number) && t < (open[i + 1] as number)) return true;
    }
    return false;
  }
}

/**
 * A business calendar from its spec; throws CalendarSpecError naming the bad field (unknown
 * zone, bad HH:MM, an interval that ends before it starts or overlaps another, a bad date).
 */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  return new ZonedCalendar(parseSpec(spec));
}

/** 24/7 coverage: business time is plain elapsed time. */
export const alwaysOpen: BusinessCalendar = Object.freeze({
  addMinutes(from: Date, minutes: number): Date {
    const t = instant(from, "from") + duration(minutes);
    if (t > MAX_INSTANT) throw new RangeError("the deadline falls after 9999");
    return new Date(t);
  },
  minutesBetween(from: Date, to: Date): number {
    const a = instant(from, "from");
    const b = instant(to, "to");
    return b > a ? (b - a) / MINUTE : 0;
  },
  isOpen(at: Date): boolean {
    instant(at, "at");
    return true;
  },
});
