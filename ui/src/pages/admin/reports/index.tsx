import { useState } from "preact/hooks";
import { Page } from "../../../components/page.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { formatDateTime } from "../../../lib/format.ts";
import "../../../styles/admin.css";
import { lastDays } from "./data.ts";
import { ComplianceReport, ResponseTimesReport } from "./sections.tsx";
import { BacklogReport, FastPathReport, RatingsReport } from "./tables.tsx";

const PERIODS = [7, 30, 90, 365] as const;

/** The Manager's reports for leads and admins, over a chosen period, each with its CSV export. */
export function ReportsPage() {
  const { t, locale, timeZone } = usePrefs();
  const [days, setDays] = useState<number>(30);
  const [period, setPeriod] = useState(() => lastDays(30));
  return (
    <Page title={t("report.title")}>
      <form
        class="period"
        onSubmit={(event) => {
          event.preventDefault();
          setPeriod(lastDays(days));
        }}
      >
        <label for="report-period">{t("report.period")}</label>
        <select
          id="report-period"
          value={String(days)}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            setDays(value);
            setPeriod(lastDays(value));
          }}
        >
          {PERIODS.map((n) => (
            <option key={n} value={String(n)}>
              {t("report.lastDays", { n })}
            </option>
          ))}
        </select>
        <button type="submit" class="button secondary">
          {t("report.refresh")}
        </button>
        <p class="muted period-range">
          {t("report.range", {
            from: formatDateTime(period.from, locale, timeZone),
            to: formatDateTime(period.to, locale, timeZone),
          })}
        </p>
      </form>
      <ComplianceReport period={period} />
      <ResponseTimesReport period={period} />
      <BacklogReport period={period} />
      <RatingsReport period={period} />
      <FastPathReport period={period} />
    </Page>
  );
}
