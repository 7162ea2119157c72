import type { CalendarSpec, Weekday } from "./calendar-spec.ts";

export interface ShippedCalendar extends CalendarSpec {
  code: string;
  name: string;
  /** The region whose business-hours support follows this calendar. */
  region: string;
}

const NINE_TO_SIX: [string, string][] = [["09:00", "18:00"]];
const weekdays = (): Partial<Record<Weekday, [string, string][]>> => ({
  mon: NINE_TO_SIX,
  tue: NINE_TO_SIX,
  wed: NINE_TO_SIX,
  thu: NINE_TO_SIX,
  fri: NINE_TO_SIX,
});

/**
 * The business calendars shipped with Palier, one per region, Monday to Friday 09:00-18:00.
 * Holidays are the days the support desk closes: France's public holidays as they fall (a
 * Saturday or Sunday holiday moves nowhere); Ontario's public holidays and the US federal
 * holidays as observed, with the weekday that replaces one falling on a weekend.
 */
export const shippedCalendars: ShippedCalendar[] = [
  {
    code: "EU",
    name: "Europe (Paris), Monday to Friday 09:00-18:00, French public holidays",
    region: "EU",
    timeZone: "Europe/Paris",
    weeklyHours: weekdays(),
    holidays: [
      // 2026: New Year, Easter Monday, Labour Day, Victory in Europe Day, Ascension,
      // Whit Monday, Bastille Day, Assumption, All Saints, Armistice, Christmas.
      "2026-01-01",
      "2026-04-06",
      "2026-05-01",
      "2026-05-08",
      "2026-05-14",
      "2026-05-25",
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
      // 2027, the same days.
      "2027-01-01",
      "2027-03-29",
      "2027-05-01",
      "2027-05-06",
      "2027-05-08",
      "2027-05-17",
      "2027-07-14",
      "2027-08-15",
      "2027-11-01",
      "2027-11-11",
      "2027-12-25",
    ],
  },
  {
    code: "CA",
    name: "Canada (Toronto), Monday to Friday 09:00-18:00, Ontario public holidays",
    region: "CA",
    timeZone: "America/Toronto",
    weeklyHours: weekdays(),
    holidays: [
      // 2026: New Year, Family Day, Good Friday, Victoria Day, Canada Day, Labour Day,
      // Thanksgiving, Christmas, Boxing Day (Saturday 26, observed Monday 28).
      "2026-01-01",
      "2026-02-16",
      "2026-04-03",
      "2026-05-18",
      "2026-07-01",
      "2026-09-07",
      "2026-10-12",
      "2026-12-25",
      "2026-12-28",
      // 2027: the same; Christmas (Saturday) observed Monday 27, Boxing Day (Sunday) Tuesday 28.
      "2027-01-01",
      "2027-02-15",
      "2027-03-26",
      "2027-05-24",
      "2027-07-01",
      "2027-09-06",
      "2027-10-11",
      "2027-12-27",
      "2027-12-28",
    ],
  },
  {
    code: "US",
    name: "United States (New York), Monday to Friday 09:00-18:00, US federal holidays",
    region: "US",
    timeZone: "America/New_York",
    weeklyHours: weekdays(),
    holidays: [
      // 2026: New Year, Martin Luther King Jr. Day, Washington's Birthday, Memorial Day,
      // Juneteenth, Independence Day (Saturday, observed Friday 3), Labor Day, Columbus Day,
      // Veterans Day, Thanksgiving, Christmas.
      "2026-01-01",
      "2026-01-19",
      "2026-02-16",
      "2026-05-25",
      "2026-06-19",
      "2026-07-03",
      "2026-09-07",
      "2026-10-12",
      "2026-11-11",
      "2026-11-26",
      "2026-12-25",
      // 2027: Juneteenth (Saturday) observed Friday 18, Independence Day (Sunday) Monday 5,
      // Christmas (Saturday) Friday 24, and New Year 2028 (Saturday) Friday 31 December.
      "2027-01-01",
      "2027-01-18",
      "2027-02-15",
      "2027-05-31",
      "2027-06-18",
      "2027-07-05",
      "2027-09-06",
      "2027-10-11",
      "2027-11-11",
      "2027-11-25",
      "2027-12-24",
      "2027-12-31",
    ],
  },
];
