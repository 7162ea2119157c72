import { Table } from "../../../components/table.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { BarChart } from "./chart.tsx";
import { fetchBacklog, fetchFastPath, fetchRatings, type Period, percentText } from "./data.ts";
import { ReportCard } from "./sections.tsx";

/** Unsolved tickets per queue (universe × tier × language), charted and listed. */
export function BacklogReport({ period }: { period: Period }) {
  const prefs = usePrefs();
  const { t, label, locale, timeZone } = prefs;
  const number = (value: number | null) => (value === null ? t("report.none") : String(value));
  return (
    <ReportCard
      name="backlog"
      title={t("report.backlog")}
      period={period}
      loader={fetchBacklog}
      isEmpty={(data) => data.items.length === 0}
    >
      {(data) => {
        const queue = (item: (typeof data.items)[number]) =>
          `${label("universe", item.universe)} · ${item.tier} · ${item.language.toUpperCase()}`;
        const open = data.items.reduce((sum, item) => sum + item.open, 0);
        const breached = data.items.reduce((sum, item) => sum + item.breached, 0);
        return (
          <>
            <BarChart
              id="chart-backlog"
              title={t("report.backlogChart")}
              summary={t("report.backlogSummary", {
                open,
                breached,
                queues: data.items.length,
                asOf: formatDateTime(data.asOf, locale, timeZone),
              })}
              rowHeader={t("report.queue")}
              series={[
                { key: "open", name: t("report.open"), style: "bar-a" },
                { key: "breached", name: t("report.breached"), style: "bar-d" },
              ]}
              rows={data.items.map((item) => ({
                label: queue(item),
                values: { open: item.open, breached: item.breached },
              }))}
              format={number}
            />
            <Table
              label={t("report.backlog")}
              head={[
                t("report.queue"),
                t("report.open"),
                t("report.unassigned"),
                t("report.paused"),
                t("report.breached"),
                t("report.oldestDue"),
              ]}
            >
              {data.items.map((item) => (
                <tr key={queue(item)}>
                  <th scope="row">{queue(item)}</th>
                  <td>{item.open}</td>
                  <td>{item.unassigned}</td>
                  <td>{item.paused}</td>
                  <td>{item.breached}</td>
                  <td>
                    {item.oldestDueAt
                      ? formatDateTime(item.oldestDueAt, locale, timeZone)
                      : t("report.none")}
                  </td>
                </tr>
              ))}
            </Table>
          </>
        );
      }}
    </ReportCard>
  );
}

/** How customers rated the answers, per team (tier) and per agent. */
export function RatingsReport({ period }: { period: Period }) {
  const prefs = usePrefs();
  const { t } = prefs;
  const head = (first: string) => [
    first,
    t("report.rated"),
    t("report.solvedShare"),
    t("report.notAnsweredShare"),
    t("report.reopenings"),
  ];
  return (
    <ReportCard
      name="ratings"
      title={t("report.ratings")}
      period={period}
      loader={fetchRatings}
      isEmpty={(data) => data.teams.length === 0 && data.agents.length === 0}
    >
      {(data) => (
        <>
          <Table label={t("report.ratingsTeams")} head={head(t("report.team"))}>
            {data.teams.map((team) => (
              <tr key={team.tier}>
                <th scope="row">{team.tier}</th>
                <td>{team.answersRated}</td>
                <td>{percentText(team.solvedPercent, prefs)}</td>
                <td>{percentText(team.notAnsweredPercent, prefs)}</td>
                <td>{team.reopenings}</td>
              </tr>
            ))}
          </Table>
          <Table label={t("report.ratingsAgents")} head={head(t("report.agent"))}>
            {data.agents.map((agent) => (
              <tr key={agent.staffId}>
                <th scope="row">
                  {agent.name} <span class="muted">({agent.tier})</span>
                </th>
                <td>{agent.answersRated}</td>
                <td>{percentText(agent.solvedPercent, prefs)}</td>
                <td>{percentText(agent.notAnsweredPercent, prefs)}</td>
                <td>{agent.reopenings}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </ReportCard>
  );
}

/** Fast-Path use per partner account against its yearly quota. */
export function FastPathReport({ period }: { period: Period }) {
  const { t } = usePrefs();
  return (
    <ReportCard
      name="fast-path"
      title={t("report.fastPath")}
      period={period}
      loader={fetchFastPath}
      isEmpty={(data) => data.items.length === 0}
    >
      {(data) => (
        <Table
          label={t("report.fastPath")}
          head={[
            t("report.partner"),
            t("report.inForce"),
            t("report.usedInPeriod"),
            t("report.usedInYear", { year: data.year }),
            t("report.quota"),
            t("report.remaining"),
          ]}
        >
          {data.items.map((item) => (
            <tr key={item.nicHandle}>
              <th scope="row">
                {item.name} <span class="mono">{item.nicHandle}</span>
              </th>
              <td>{item.active ? t("report.yes") : t("report.no")}</td>
              <td>{item.usedInPeriod}</td>
              <td>{item.usedInYear}</td>
              <td>{item.yearlyQuota ?? t("report.none")}</td>
              <td>{item.remaining}</td>
            </tr>
          ))}
        </Table>
      )}
    </ReportCard>
  );
}
