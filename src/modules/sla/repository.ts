import type { Insertable, Selectable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { BusinessCalendarsTable } from "../../db/schema.ts";

/** All SQL of business calendars and the regions that follow them. */

export type CalendarRow = Selectable<BusinessCalendarsTable>;
export type CalendarRowWithRegions = CalendarRow & { regions: string[] };

export function findCalendar(db: Database, code: string, forUpdate = false) {
  return db
    .selectFrom("business_calendars")
    .selectAll()
    .where("code", "=", code)
    .$if(forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Region codes per calendar code, for the calendars given. */
export async function regionsByCalendar(
  db: Database,
  codes: string[],
): Promise<Map<string, string[]>> {
  const byCalendar = new Map<string, string[]>();
  if (codes.length === 0) return byCalendar;
  const rows = await db
    .selectFrom("regions")
    .select(["code", "calendar"])
    .where("calendar", "in", codes)
    .orderBy("code")
    .execute();
  for (const row of rows) {
    const calendar = row.calendar as string;
    byCalendar.set(calendar, [...(byCalendar.get(calendar) ?? []), row.code]);
  }
  return byCalendar;
}

export async function listCalendars(
  db: Database,
  after: string | null,
  limit: number,
): Promise<CalendarRowWithRegions[]> {
  const rows = await db
    .selectFrom("business_calendars")
    .selectAll()
    .$if(after !== null, (q) => q.where("code", ">", after as string))
    .orderBy("code")
    .limit(limit + 1)
    .execute();
  const regions = await regionsByCalendar(
    db,
    rows.map((row) => row.code),
  );
  return rows.map((row) => ({ ...row, regions: regions.get(row.code) ?? [] }));
}

export function insertCalendar(db: Database, row: Insertable<BusinessCalendarsTable>) {
  return db
    .insertInto("business_calendars")
    .values(row)
    .onConflict((oc) => oc.column("code").doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function replaceCalendar(db: Database, row: Insertable<BusinessCalendarsTable>) {
  return db
    .updateTable("business_calendars")
    .set({
      name: row.name,
      time_zone: row.time_zone,
      weekly_hours: row.weekly_hours,
      holidays: row.holidays as string,
    })
    .where("code", "=", row.code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Points regions without a calendar at the shipped one; a region an admin set stays. */
export function assignRegionCalendar(db: Database, region: string, calendar: string) {
  return db
    .updateTable("regions")
    .set({ calendar })
    .where("code", "=", region)
    .where("calendar", "is", null)
    .execute();
}

export async function regionCalendarCode(db: Database, region: string): Promise<string | null> {
  const row = await db
    .selectFrom("regions")
    .select("calendar")
    .where("code", "=", region)
    .executeTakeFirst();
  return row?.calendar ?? null;
}
