import { readFileSync } from "node:fs";
import { CalendarSpecError, compileCalendar, MAX_MINUTES } from "../modules/sla/calendar.ts";
import type { CalendarSpec } from "../modules/sla/calendar-spec.ts";
import { parseFlags, required, UsageError } from "./args.ts";

// A date, a time to the minute at least, and an explicit offset: a bare local time would be
// read in whatever zone the operator's machine happens to use.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant an ISO 8601 string with an offset names; impossible dates are refused. */
export function parseInstant(value: string): Date | null {
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const local = new Date(Date.UTC(year as number, (month as number) - 1, day as number));
  if (
    local.getUTCMonth() !== (month as number) - 1 ||
    local.getUTCDate() !== day ||
    (hour as number) > 23 ||
    (minute as number) > 59 ||
    (second as number) > 59
  ) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.getTime() < 0 ? null : date;
}

function readCalendar(file: string): CalendarSpec {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot be read";
    throw new UsageError(`--calendar ${file}: ${reason}`);
  }
  try {
    return JSON.parse(text) as CalendarSpec;
  } catch (error) {
    throw new UsageError(`--calendar ${file}: not valid JSON (${(error as Error).message})`);
  }
}

/**
 * `palier sla deadline --calendar FILE --from ISO_INSTANT --minutes N`: prints the deadline in
 * ISO 8601 UTC and nothing else. Works without a database; every mistake exits with code 2.
 */
export async function slaDeadline(args: string[]): Promise<void> {
  const values = parseFlags(args, {
    calendar: { type: "string" },
    from: { type: "string" },
    minutes: { type: "string" },
  });
  const file = required(values, "calendar");
  const fromText = required(values, "from");
  const minutesText = required(values, "minutes");
  const from = parseInstant(fromText);
  if (!from) {
    throw new UsageError(
      `--from must be an ISO 8601 instant with an offset, e.g. 2026-03-27T17:00:00+01:00 or 2026-03-27T16:00:00Z (got "${fromText}")`,
    );
  }
  const minutes = /^\d+(\.\d+)?$/.test(minutesText) ? Number(minutesText) : Number.NaN;
  if (!(minutes >= 0 && minutes <= MAX_MINUTES)) {
    throw new UsageError(
      `--minutes must be a number of minutes from 0 to ${MAX_MINUTES} (got "${minutesText}")`,
    );
  }
  let deadline: Date;
  try {
    deadline = compileCalendar(readCalendar(file)).addMinutes(from, minutes);
  } catch (error) {
    if (error instanceof CalendarSpecError) {
      throw new UsageError(`--calendar ${file}: ${error.message}`);
    }
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(`${deadline.toISOString()}\n`);
}
