import type { Database } from "../../db/database.ts";
import { shippedCalendars } from "./reference-data.ts";
import { assignRegionCalendar, insertCalendar } from "./repository.ts";

/**
 * Inserts the shipped business calendars where missing (a calendar staff admins replaced is
 * kept) and points each region still without a calendar at its own. Run after seedCatalog,
 * which creates the regions.
 */
export async function seedCalendars(db: Database): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const calendar of shippedCalendars) {
      await insertCalendar(trx, {
        code: calendar.code,
        name: calendar.name,
        time_zone: calendar.timeZone,
        weekly_hours: JSON.stringify(calendar.weeklyHours),
        holidays: JSON.stringify(calendar.holidays),
      });
      await assignRegionCalendar(trx, calendar.region, calendar.code);
    }
  });
}
