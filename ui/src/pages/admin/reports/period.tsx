import { useState } from "preact/hooks";
import { api, call, type Problem } from "../../../api/client.ts";
import { Field } from "../../../components/field.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { errorAt } from "../shared.tsx";
import { lastDays, type Period } from "./data.ts";

const PRESETS = ["7", "30", "90", "365"] as const;

/** Minutes east of UTC of `timeZone` at `instant` (Paris in winter: 60). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * Midnight starting `date` (YYYY-MM-DD) in the reader's time zone, as an ISO instant; `days`
 * later for the end of a range. Null for a date the browser's date field did not give.
 */
export function zonedMidnight(date: string, timeZone: string, days = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  // Twice: the offset at the guess may differ from the offset at the answer around a DST change.
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess - offsetMinutes(first, timeZone) * 60_000).toISOString();
}

/**
 * The reports' period: the last 7, 30, 90 or 365 days, or dates chosen in the reader's time
 * zone (both days included). A custom range is checked by the API before the reports reload,
 * and its complaint (from after to, more than 366 days) shows under the date it names.
 */
export function PeriodChooser({ period, onChange }: { period: Period; onChange(p: Period): void }) {
  const prefs = usePrefs();
  const { t, locale, timeZone } = prefs;
  const [choice, setChoice] = useState<string>("30");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async () => {
    if (choice !== "custom") return onChange(lastDays(Number(choice)));
    const range = {
      from: zonedMidnight(from, timeZone) ?? from,
      to: zonedMidnight(to, timeZone, 1) ?? to,
    };
    setBusy(true);
    // The smallest report answers fastest; any of them checks the period the same way.
    const checked = await call(api.GET("/api/v1/reports/fast-path", { params: { query: range } }));
    setBusy(false);
    if (!checked.ok) return setProblem(checked.problem);
    setProblem(null);
    onChange(range);
  };

  return (
    <form
      class="period"
      onSubmit={(event) => {
        event.preventDefault();
        void apply();
      }}
      noValidate
    >
      <Field name="period" label={t("report.period")}>
        {(attrs) => (
          <select
            {...attrs}
            value={choice}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setChoice(value);
              setProblem(null);
              if (value !== "custom") onChange(lastDays(Number(value)));
            }}
          >
            {PRESETS.map((n) => (
              <option key={n} value={n}>
                {t("report.lastDays", { n })}
              </option>
            ))}
            <option value="custom">{t("report.custom")}</option>
          </select>
        )}
      </Field>
      {choice === "custom" && (
        <>
          <Field name="from" label={t("report.from")} error={errorAt(problem, "from", prefs)}>
            {(attrs) => (
              <input
                {...attrs}
                type="date"
                value={from}
                onInput={(e) => setFrom(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field name="to" label={t("report.to")} error={errorAt(problem, "to", prefs)}>
            {(attrs) => (
              <input
                {...attrs}
                type="date"
                value={to}
                onInput={(e) => setTo(e.currentTarget.value)}
              />
            )}
          </Field>
        </>
      )}
      <button type="submit" class="button secondary" disabled={busy}>
        {choice === "custom" ? t("report.apply") : t("report.refresh")}
      </button>
      <p class="muted period-range" role="status">
        {t("report.range", {
          from: formatDateTime(period.from, locale, timeZone),
          to: formatDateTime(period.to, locale, timeZone),
        })}
      </p>
    </form>
  );
}
