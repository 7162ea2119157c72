import { type Static, Type } from "@sinclair/typebox";
import { PageQuery } from "../../http/pagination.ts";
import { MAX_HOLIDAYS, MAX_INTERVALS_PER_DAY } from "./calendar-spec.ts";

export { Page } from "../../http/pagination.ts";

// A pair rather than a tuple schema: OpenAPI 3.1 and JSON Schema draft 7 spell tuples
// differently, so client generators disagree on them. compileCalendar then checks that the
// first is an opening (24:00 is not) and the second comes after it.
const Interval = Type.Array(
  Type.String({
    pattern: "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
    description: "Local time HH:MM; 24:00 is the end of the day",
  }),
  {
    minItems: 2,
    maxItems: 2,
    description: "[opening, closing]: open from the first local time until the second",
  },
);
const DayHours = Type.Array(Interval, { maxItems: MAX_INTERVALS_PER_DAY });

export const WeeklyHours = Type.Object(
  {
    mon: Type.Optional(DayHours),
    tue: Type.Optional(DayHours),
    wed: Type.Optional(DayHours),
    thu: Type.Optional(DayHours),
    fri: Type.Optional(DayHours),
    sat: Type.Optional(DayHours),
    sun: Type.Optional(DayHours),
  },
  {
    additionalProperties: false,
    description: "Open intervals per weekday in the calendar's time zone; a missing day is closed",
  },
);

const Holidays = Type.Array(
  Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description: "Local date YYYY-MM-DD" }),
  { maxItems: MAX_HOLIDAYS, description: "Local dates closed all day" },
);

export const Calendar = Type.Object({
  code: Type.String({ description: "e.g. EU" }),
  name: Type.String(),
  timeZone: Type.String({ description: "IANA time zone, e.g. Europe/Paris" }),
  weeklyHours: WeeklyHours,
  holidays: Holidays,
  regions: Type.Array(Type.String(), {
    description: "Regions whose business-hours support follows this calendar",
  }),
});
export type Calendar = Static<typeof Calendar>;

export const CalendarParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64, description: "Calendar code, e.g. EU" }),
});

export const CalendarPutParams = Type.Object({
  code: Type.String({
    pattern: "^[A-Za-z0-9-]{2,32}$",
    description: "2 to 32 letters, digits or dashes",
  }),
});

export const CalendarPut = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: "\\S" }),
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    weeklyHours: WeeklyHours,
    holidays: Type.Optional(Holidays),
  },
  { additionalProperties: false },
);
export type CalendarPut = Static<typeof CalendarPut>;

export const CalendarListQuery = Type.Object(PageQuery, { additionalProperties: false });
export type CalendarListQuery = Static<typeof CalendarListQuery>;
