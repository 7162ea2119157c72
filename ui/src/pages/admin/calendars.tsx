import { useState } from "preact/hooks";
import { api, call, load, type Problem } from "../../api/client.ts";
import { Table } from "../../components/table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import {
  type Calendar,
  CalendarForm,
  type CalendarInput,
  hoursText,
  WEEKDAYS,
} from "./calendar-form.tsx";
import { allPages, LoadedPage, SaveStatus, useKeptLoad } from "./shared.tsx";

type Weekday = (typeof WEEKDAYS)[number];

/** Consecutive days with the same hours, so a table row reads "Monday – Friday: 09:00-18:00". */
function weekRuns(calendar: Calendar): { first: Weekday; last: Weekday; hours: string }[] {
  const runs: { first: Weekday; last: Weekday; hours: string }[] = [];
  let previous: Weekday | null = null;
  for (const day of WEEKDAYS) {
    const hours = hoursText(calendar.weeklyHours[day]);
    const run = runs[runs.length - 1];
    if (hours && run && run.hours === hours && run.last === previous) run.last = day;
    else if (hours) runs.push({ first: day, last: day, hours });
    previous = day;
  }
  return runs;
}

/** Business calendars: their zone, weekly hours and holidays; staff admins edit or add one. */
export function CalendarsPage() {
  const prefs = usePrefs();
  const { t } = prefs;
  const loaded = useKeptLoad(
    async () => ({
      items: await allPages((cursor) =>
        load(
          api.GET("/api/v1/support/calendars", {
            params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
    }),
    [],
  );
  // The calendar being edited by code, "" for a new one, null when the form is closed.
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const save = async (input: CalendarInput) => {
    setBusy(true);
    const result = await call(
      api.PUT("/api/v1/support/calendars/{code}", {
        params: { path: { code: input.code } },
        body: {
          name: input.name,
          timeZone: input.timeZone,
          weeklyHours: input.weeklyHours,
          holidays: input.holidays,
        },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      // A bad code is a path parameter: show it under the code field.
      const problem = result.problem;
      const errors = problem.errors?.map((e) => (e.in === "params" ? { ...e, field: "code" } : e));
      setProblem(errors ? { ...problem, errors } : problem);
      setStatus(t("admin.notSaved"));
      return;
    }
    setProblem(null);
    setEditing(null);
    setStatus(t("calendars.saved", { name: result.data.name }));
    loaded.reload();
  };

  const open = (code: string) => {
    setProblem(null);
    setStatus("");
    setEditing(code);
  };

  return (
    <LoadedPage title={t("calendars.title")} loaded={loaded}>
      {(data) => {
        const current = data.items.find((c) => c.code === editing) ?? null;
        return (
          <>
            <p>{t("calendars.intro")}</p>
            <SaveStatus text={status} />
            <Table
              label={t("calendars.title")}
              head={[
                t("calendars.code"),
                t("calendars.name"),
                t("calendars.timeZone"),
                t("calendars.hours"),
                t("calendars.holidays"),
                t("calendars.regions"),
                t("admin.actions"),
              ]}
            >
              {data.items.map((calendar: Calendar) => (
                <tr key={calendar.code}>
                  <th scope="row" class="mono">
                    {calendar.code}
                  </th>
                  <td>{calendar.name}</td>
                  <td>{calendar.timeZone}</td>
                  <td>
                    <ul class="plain">
                      {weekRuns(calendar).map((run) => (
                        <li key={run.first}>
                          {run.first === run.last
                            ? t(`weekday.${run.first}`)
                            : `${t(`weekday.${run.first}`)} – ${t(`weekday.${run.last}`)}`}
                          : {run.hours}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{calendar.holidays.join(", ") || t("calendars.noHolidays")}</td>
                  <td>{calendar.regions.join(", ")}</td>
                  <td>
                    <button
                      aria-label={t("calendars.edit", { name: calendar.name })}
                      type="button"
                      class="button secondary"
                      onClick={() => open(calendar.code)}
                    >
                      {t("admin.edit")}
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
            <p>
              <button type="button" class="button secondary" onClick={() => open("")}>
                {t("calendars.add")}
              </button>
            </p>
            {editing !== null && (
              <CalendarForm
                key={editing}
                calendar={current}
                problem={problem}
                busy={busy}
                onSave={save}
                onCancel={() => setEditing(null)}
              />
            )}
          </>
        );
      }}
    </LoadedPage>
  );
}
