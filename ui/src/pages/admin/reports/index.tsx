import { useState } from "preact/hooks";
import { Page } from "../../../components/page.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import "../../../styles/admin.css";
import { lastDays } from "./data.ts";
import { PeriodChooser } from "./period.tsx";
import { ComplianceReport, ResponseTimesReport } from "./sections.tsx";
import { BacklogReport, FastPathReport, RatingsReport } from "./tables.tsx";

/** The Manager's reports for leads and admins, over a chosen period, each with its CSV export. */
export function ReportsPage() {
  const { t } = usePrefs();
  const [period, setPeriod] = useState(() => lastDays(30));
  return (
    <Page title={t("report.title")}>
      <PeriodChooser period={period} onChange={setPeriod} />
      <ComplianceReport period={period} />
      <ResponseTimesReport period={period} />
      <BacklogReport period={period} />
      <RatingsReport period={period} />
      <FastPathReport period={period} />
    </Page>
  );
}
