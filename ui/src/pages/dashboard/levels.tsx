import { api, load } from "../../api/client.ts";
import { Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { formatDate, formatMinutes } from "../../lib/format.ts";
import { useLoad } from "../../lib/use-load.ts";

function fetchLevels(nic: string) {
  return api.GET("/api/v1/accounts/{nic}/subscriptions", { params: { path: { nic } } });
}
type Subscription = NonNullable<Awaited<ReturnType<typeof fetchLevels>>["data"]>["items"][number];

/** The account's level in each universe, what it gives, and any change already scheduled. */
export function SupportLevels({ nic }: { nic: string }) {
  const { t, label, lang, locale } = usePrefs();
  const loaded = useLoad(() => load(fetchLevels(nic)), [nic]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error")
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  return (
    <Table
      label={t("dashboard.levels")}
      head={[
        t("col.universe"),
        t("col.level"),
        t("col.coverage"),
        t("col.firstResponse"),
        t("col.channels"),
        t("col.subscription"),
      ]}
    >
      {loaded.data.items.map((item) => (
        <tr key={item.universe}>
          <th scope="row">{label("universe", item.universe)}</th>
          <td>
            <strong>{item.offer.levelName[lang]}</strong>
          </td>
          <td>{label("coverage", item.offer.coverage)}</td>
          <td class="nowrap">{formatMinutes(item.offer.firstResponseMinutes.critical, locale)}</td>
          <td>{item.offer.channels.map((channel) => label("channel", channel)).join(", ")}</td>
          <td>
            <SubscriptionState item={item} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

function SubscriptionState({ item }: { item: Subscription }) {
  const { t, label, locale, timeZone } = usePrefs();
  const date = (iso: string) => formatDate(iso, locale, timeZone);
  return (
    <>
      <span>
        {item.isDefault || !item.since
          ? t("levels.default")
          : t("levels.since", { date: date(item.since) })}
      </span>
      {item.pending && (
        <span class="badge warn">
          {t("levels.pending", {
            level: label("level", item.pending.level),
            date: date(item.pending.startsAt),
          })}
        </span>
      )}
    </>
  );
}
