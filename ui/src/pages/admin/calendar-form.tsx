import { useRef, useState } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import type { GetOk } from "./api-types.ts";
import { errorAt, unshown, useFormFocus } from "./shared.tsx";

export type Calendar = GetOk<"/api/v1/support/calendars/{code}">;
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type Weekday = (typeof WEEKDAYS)[number];
export type WeeklyHours = Partial<Record<Weekday, string[][]>>;

export interface CalendarInput {
  code: string;
  name: string;
  timeZone: string;
  weeklyHours: WeeklyHours;
  holidays: string[];
}

/** [["09:00","12:00"],["14:00","18:00"]] as "09:00-12:00, 14:00-18:00". */
export function hoursText(intervals: string[][] | undefined): string {
  return (intervals ?? []).map((pair) => pair.join("-")).join(", ");
}

/**
 * "09:00-12:00, 14:00-18:00" as intervals. A piece that is not two times joined by a dash is
 * still sent (as [piece, ""]) so the API's check names the day it belongs to.
 */
export function parseHours(text: string): string[][] {
  return text
    .split(/[,;]/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) => {
      const [start = "", end = "", ...more] = piece.split(/\s*[-–]\s*/);
      return more.length === 0 && end !== "" ? [start, end] : [piece, ""];
    });
}

/** A business calendar as a form: one line of opening hours per weekday, holidays one a line. */
export function CalendarForm({
  calendar,
  problem,
  busy,
  onSave,
  onCancel,
}: {
  calendar: Calendar | null;
  problem: Problem | null;
  busy: boolean;
  onSave(input: CalendarInput): void;
  onCancel(): void;
}) {
  const prefs = usePrefs();
  const { t } = prefs;
  const [code, setCode] = useState(calendar?.code ?? "");
  const [name, setName] = useState(calendar?.name ?? "");
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? "");
  const [days, setDays] = useState<Record<Weekday, string>>(
    () =>
      Object.fromEntries(
        WEEKDAYS.map((d) => [d, hoursText(calendar?.weeklyHours[d] as string[][] | undefined)]),
      ) as Record<Weekday, string>,
  );
  const [holidays, setHolidays] = useState((calendar?.holidays ?? []).join("\n"));
  const err = (path: string) => errorAt(problem, path, prefs);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFormFocus(heading, formRef, problem);
  const submit = (event: Event) => {
    event.preventDefault();
    const weeklyHours: WeeklyHours = {};
    for (const day of WEEKDAYS) {
      const intervals = parseHours(days[day]);
      if (intervals.length > 0) weeklyHours[day] = intervals;
    }
    onSave({
      code: code.trim(),
      name,
      timeZone: timeZone.trim(),
      weeklyHours,
      holidays: holidays
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean),
    });
  };
  const title = calendar ? t("calendars.editing", { name: calendar.name }) : t("calendars.new");
  const rest = unshown(problem, ["code", "name", "timeZone", "weeklyHours", "holidays"]);
  return (
    <form
      ref={formRef}
      class="form admin-form card"
      onSubmit={submit}
      aria-labelledby="calendar-form"
      noValidate
    >
      <h2 id="calendar-form" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {rest && <ProblemAlert problem={rest} />}
      <div class="form-grid">
        {!calendar && (
          <Field
            name="code"
            label={t("calendars.code")}
            hint={t("calendars.codeHint")}
            error={err("code")}
          >
            {(attrs) => (
              <input {...attrs} value={code} onInput={(e) => setCode(e.currentTarget.value)} />
            )}
          </Field>
        )}
        <Field name="name" label={t("calendars.name")} error={err("name")}>
          {(attrs) => (
            <input {...attrs} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          )}
        </Field>
        <Field
          name="timeZone"
          label={t("calendars.timeZone")}
          hint={t("calendars.timeZoneHint")}
          error={err("timeZone")}
        >
          {(attrs) => (
            <input
              {...attrs}
              value={timeZone}
              onInput={(e) => setTimeZone(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <fieldset class="week">
        <legend>{t("calendars.hours")}</legend>
        <p class="hint">{t("calendars.hoursHint")}</p>
        {WEEKDAYS.map((day) => (
          <Field
            key={day}
            name={`weeklyHours.${day}`}
            label={t(`weekday.${day}`)}
            error={err(`weeklyHours.${day}`)}
          >
            {(attrs) => (
              <input
                {...attrs}
                value={days[day]}
                placeholder={t("calendars.closed")}
                onInput={(e) => setDays({ ...days, [day]: e.currentTarget.value })}
              />
            )}
          </Field>
        ))}
      </fieldset>
      <Field
        name="holidays"
        label={t("calendars.holidays")}
        hint={t("calendars.holidaysHint")}
        error={err("holidays")}
      >
        {(attrs) => (
          <textarea
            {...attrs}
            rows={5}
            value={holidays}
            onInput={(e) => setHolidays(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {t("admin.save")}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
