import type { ComponentChildren } from "preact";
import { Empty, Loading, ProblemAlert } from "../../../components/state.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { formatNumber } from "../../../lib/format.ts";
import { useLoad } from "../../../lib/use-load.ts";
import { BarChart } from "./chart.tsx";
import {
  csvHref,
  durationText,
  fetchCompliance,
  fetchResponseTimes,
  groupLabel,
  type Period,
  percentText,
  type ReportName,
} from "./data.ts";

/** A report's card: its heading, its CSV export for the same period, and its own loading state. */
export function ReportCard<T>({
  name,
  title,
  period,
  loader,
  isEmpty,
  children,
}: {
  name: ReportName;
  title: string;
  period: Period;
  loader(period: Period): Promise<T>;
  isEmpty(data: T): boolean;
  children: (data: T) => ComponentChildren;
}) {
  const { t } = usePrefs();
  const loaded = useLoad(() => loader(period), [period.from, period.to]);
  return (
    <section class="card report" aria-labelledby={`report-${name}`}>
      <div class="report-head">
        <h2 id={`report-${name}`}>{title}</h2>
        <a class="button secondary" href={csvHref(name, period)} download>
          {t("report.csv", { report: title })}
        </a>
      </div>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && (
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      )}
      {loaded.state === "ready" &&
        (isEmpty(loaded.data) ? <Empty>{t("report.empty")}</Empty> : children(loaded.data))}
    </section>
  );
}

/** SLA compliance per universe × level × severity: the share of tickets without a breach. */
export function ComplianceReport({ period }: { period: Period }) {
  const prefs = usePrefs();
  const { t, label } = prefs;
  return (
    <ReportCard
      name="sla-compliance"
      title={t("report.compliance")}
      period={period}
      loader={fetchCompliance}
      isEmpty={(data) => data.items.length === 0}
    >
      {(data) => {
        const tickets = data.items.reduce((sum, item) => sum + item.tickets, 0);
        const breaches = data.items.reduce((sum, item) => sum + item.breaches, 0);
        const rows = data.items.map((item) => ({
          label: `${groupLabel(prefs, item.universe, item.level)} · ${label("severity", item.severity)}`,
          values: { compliance: item.compliancePercent },
        }));
        const lowest = [...data.items]
          .filter((item) => item.compliancePercent !== null)
          .sort((a, b) => (a.compliancePercent ?? 0) - (b.compliancePercent ?? 0))[0];
        const overall = tickets === 0 ? null : ((tickets - breaches) / tickets) * 100;
        const summary = [
          t("report.complianceSummary", {
            percent: percentText(overall, prefs),
            tickets: formatNumber(tickets, prefs.locale),
            breaches,
          }),
          lowest
            ? t("report.complianceLowest", {
                group: `${groupLabel(prefs, lowest.universe, lowest.level)} · ${label("severity", lowest.severity)}`,
                percent: percentText(lowest.compliancePercent, prefs),
              })
            : "",
        ].join(" ");
        return (
          <>
            <BarChart
              id="chart-compliance"
              title={t("report.complianceChart")}
              summary={summary}
              rowHeader={t("report.group")}
              series={[{ key: "compliance", name: t("report.withoutBreach"), style: "bar-a" }]}
              rows={rows}
              max={100}
              format={(value) => percentText(value, prefs)}
            />
            <details class="chart-data">
              <summary>{t("report.complianceCounts")}</summary>
              <div class="table-wrap">
                <table aria-label={t("report.complianceCounts")}>
                  <thead>
                    <tr>
                      <th scope="col">{t("report.group")}</th>
                      <th scope="col">{t("report.ticketsCol")}</th>
                      <th scope="col">{t("report.firstResponses")}</th>
                      <th scope="col">{t("report.withinTarget")}</th>
                      <th scope="col">{t("report.breaches")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item, i) => (
                      <tr key={rows[i]?.label}>
                        <th scope="row">{rows[i]?.label}</th>
                        <td>{item.tickets}</td>
                        <td>{item.firstResponses}</td>
                        <td>{item.firstResponsesWithinTarget}</td>
                        <td>{item.breaches}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        );
      }}
    </ReportCard>
  );
}

/** First-response and resolution percentiles per universe and level, one chart each. */
export function ResponseTimesReport({ period }: { period: Period }) {
  const prefs = usePrefs();
  const { t } = prefs;
  const series = [
    { key: "p50", name: t("report.p50"), style: "bar-a" },
    { key: "p90", name: t("report.p90"), style: "bar-b" },
    { key: "p95", name: t("report.p95"), style: "bar-c" },
  ];
  return (
    <ReportCard
      name="response-times"
      title={t("report.responseTimes")}
      period={period}
      loader={fetchResponseTimes}
      isEmpty={(data) => data.items.length === 0}
    >
      {(data) =>
        (["firstResponseMinutes", "resolutionMinutes"] as const).map((measure) => {
          const rows = data.items.map((item) => ({
            label: groupLabel(prefs, item.universe, item.level),
            values: {
              p50: item[measure].p50,
              p90: item[measure].p90,
              p95: item[measure].p95,
            },
          }));
          const measured = data.items.reduce((sum, item) => sum + item[measure].count, 0);
          const slowest = [...data.items].sort(
            (a, b) => (b[measure].p90 ?? -1) - (a[measure].p90 ?? -1),
          )[0];
          const title = t(
            measure === "firstResponseMinutes" ? "report.firstResponse" : "report.resolution",
          );
          const summary =
            measured === 0 || !slowest || slowest[measure].p90 === null
              ? t("report.nothingMeasured")
              : t("report.timesSummary", {
                  tickets: formatNumber(measured, prefs.locale),
                  group: groupLabel(prefs, slowest.universe, slowest.level),
                  value: durationText(slowest[measure].p90, prefs),
                });
          return (
            <BarChart
              key={measure}
              id={`chart-${measure}`}
              title={title}
              summary={summary}
              rowHeader={t("report.group")}
              series={series}
              rows={rows}
              format={(value) => durationText(value, prefs)}
            />
          );
        })
      }
    </ReportCard>
  );
}
