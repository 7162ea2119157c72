import type { Database } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, invalidField, notFound } from "../../http/problem.ts";
import { recordAudit } from "../audit/recorder.ts";
import { type BusinessCalendar, CalendarSpecError, compileCalendar } from "./calendar.ts";
import { type CalendarSpec, parseSpec, WEEKDAYS } from "./calendar-spec.ts";
import { authorize } from "./policy.ts";
import { presentCalendar, specOf } from "./presenter.ts";
import * as repo from "./repository.ts";
import type { Calendar, CalendarListQuery, CalendarPut } from "./schemas.ts";

// Compiled calendars keep their per-day cache warm between tickets. Each entry is keyed by the
// row's content, so a calendar replaced through the API (by this process or another one sharing
// the database) is recompiled on its next load, never served stale.
const compiled = new Map<string, { key: string; calendar: BusinessCalendar }>();

function contentKey(spec: CalendarSpec): string {
  return JSON.stringify([spec.timeZone, spec.weeklyHours, spec.holidays]);
}

function remember(code: string, spec: CalendarSpec, calendar: BusinessCalendar): void {
  compiled.set(code, { key: contentKey(spec), calendar });
}

/** The business calendar stored under `code`, compiled once per content; 404 if unknown. */
export async function loadCalendar(db: Database, code: string): Promise<BusinessCalendar> {
  const row = await repo.findCalendar(db, code);
  if (!row) throw notFound("Business calendar");
  return calendarFromContent(code, row);
}

/** The calendar `code` with the content just read from its row, compiled once per content. */
export function calendarFromContent(
  code: string,
  row: Pick<repo.CalendarRow, "time_zone" | "weekly_hours" | "holidays">,
): BusinessCalendar {
  const spec = specOf(row);
  const cached = compiled.get(code);
  if (cached && cached.key === contentKey(spec)) return cached.calendar;
  const calendar = compileCalendar(spec);
  remember(code, spec, calendar);
  return calendar;
}

/** The calendar a region's business-hours support follows, or null if it has none. */
export async function loadRegionCalendar(
  db: Database,
  region: string,
): Promise<{ code: string; calendar: BusinessCalendar } | null> {
  const code = await repo.regionCalendarCode(db, region);
  return code === null ? null : { code, calendar: await loadCalendar(db, code) };
}

export async function listCalendars(
  db: Database,
  principal: Principal | null,
  query: CalendarListQuery,
): Promise<PageOf<Calendar>> {
  authorize(principal, "calendar.read");
  const limit = query.limit ?? 25;
  const key = decodeCursor(query.cursor, 1);
  const rows = await repo.listCalendars(db, key === null ? null : String(key[0]), limit);
  return toPage(
    rows,
    limit,
    (row) => [row.code],
    (row) => presentCalendar(row, row.regions),
  );
}

export async function getCalendar(
  db: Database,
  principal: Principal | null,
  code: string,
): Promise<Calendar> {
  authorize(principal, "calendar.read");
  const row = await repo.findCalendar(db, code);
  if (!row) throw notFound("Business calendar");
  const regions = await repo.regionsByCalendar(db, [code]);
  return presentCalendar(row, regions.get(code) ?? []);
}

/**
 * Intervals in opening order and holidays sorted once each, so the stored form is canonical.
 * Runs after parseSpec, so every interval is a pair.
 */
function normalise(input: CalendarPut, timeZone: string): CalendarSpec {
  const weeklyHours: CalendarSpec["weeklyHours"] = {};
  for (const day of WEEKDAYS) {
    const hours = input.weeklyHours[day] as [string, string][] | undefined;
    if (hours !== undefined) {
      weeklyHours[day] = [...hours].sort((a, b) => a[0].localeCompare(b[0]));
    }
  }
  return { timeZone, weeklyHours, holidays: [...new Set(input.holidays ?? [])].sort() };
}

/** Creates or replaces a calendar (staff admins); says which it did. */
export async function putCalendar(
  db: Database,
  actor: Actor,
  code: string,
  input: CalendarPut,
): Promise<{ created: boolean; calendar: Calendar }> {
  authorize(actor.principal, "calendar.write");
  let calendar: BusinessCalendar;
  let spec: CalendarSpec;
  try {
    // Checked as written, so error paths point into the request; stored sorted, zone canonical.
    const { timeZone } = parseSpec({
      timeZone: input.timeZone,
      weeklyHours: input.weeklyHours,
      holidays: input.holidays ?? [],
    });
    spec = normalise(input, timeZone);
    calendar = compileCalendar(spec);
  } catch (error) {
    if (error instanceof CalendarSpecError) throw invalidField(error.field, error.reason);
    throw error;
  }
  const values = {
    code,
    name: input.name.trim(),
    time_zone: spec.timeZone,
    weekly_hours: JSON.stringify(spec.weeklyHours),
    holidays: JSON.stringify(spec.holidays),
  };
  const result = await inTransaction(db, async (trx) => {
    const before = await repo.findCalendar(trx, code, true);
    const row = before
      ? await repo.replaceCalendar(trx, values)
      : await repo.insertCalendar(trx, values);
    if (!row)
      throw new AppError("conflict", `Business calendar ${code} was created meanwhile; retry`);
    const regions = (await repo.regionsByCalendar(trx, [code])).get(code) ?? [];
    await recordAudit(trx, actor, {
      action: before ? "business_calendar.replaced" : "business_calendar.created",
      subjectKind: "business_calendar",
      subjectId: code,
      details: {
        before: before ? presentCalendar(before, regions) : null,
        after: presentCalendar(row, regions),
      },
    });
    return { created: !before, calendar: presentCalendar(row, regions), row };
  });
  remember(code, specOf(result.row), calendar);
  return { created: result.created, calendar: result.calendar };
}
