import { useState } from "preact/hooks";
import { api, call, load, type Problem } from "../../api/client.ts";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { formatNumber } from "../../lib/format.ts";
import { Link } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";

const PAGE = 100;

function fetchServices(cursor?: string) {
  const query = cursor ? { limit: PAGE, cursor } : { limit: PAGE };
  return api.GET("/api/v1/services", { params: { query } });
}
type Service = NonNullable<Awaited<ReturnType<typeof fetchServices>>["data"]>["items"][number];

export function fetchFastPath(nic: string) {
  return api.GET("/api/v1/accounts/{nic}/fast-path", { params: { path: { nic } } });
}

/** Services whose admin is another account, by that client account, in the order first met. */
function byClient(services: Service[], nic: string): [string, Service[]][] {
  const groups = new Map<string, Service[]>();
  for (const service of services) {
    if (service.contacts.admin === nic) continue;
    const list = groups.get(service.contacts.admin) ?? [];
    list.push(service);
    groups.set(service.contacts.admin, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The services a partner looks after for its clients: those whose admin contact is another
 * account, grouped by that account, with the partner's own roles on each. A hundred services
 * are read at a time; "show more" reads the next hundred and regroups.
 */
export function ClientServices({ nic }: { nic: string }) {
  const { t, label } = usePrefs();
  const loaded = useLoad(() => load(fetchServices()), []);
  const [extra, setExtra] = useState<{ items: Service[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error")
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  const items = [...loaded.data.items, ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : loaded.data.nextCursor;
  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    const result = await call(fetchServices(cursor));
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setExtra({
      items: [...(extra?.items ?? []), ...result.data.items],
      cursor: result.data.nextCursor,
    });
  };
  const groups = byClient(items, nic);
  return (
    <>
      {groups.length === 0 && <Empty>{t("partner.clientsEmpty")}</Empty>}
      {groups.map(([client, services]) => {
        const title = t("partner.client", { nic: client });
        return (
          <div class="group" key={client}>
            <h3>{title}</h3>
            <Table
              label={title}
              variant="services"
              head={[
                t("col.service"),
                t("col.product"),
                t("col.universe"),
                t("col.status"),
                t("col.roles"),
              ]}
            >
              {services.map((service) => (
                <tr key={service.name}>
                  <td class="mono">
                    <Link href={`/services/${encodeURIComponent(service.name)}`}>
                      {service.name}
                    </Link>
                  </td>
                  <td>{label("product", service.product)}</td>
                  <td>{label("universe", service.universe)}</td>
                  <td>
                    <span class={`badge status-${service.status}`}>
                      {label("serviceStatus", service.status)}
                    </span>
                  </td>
                  <td>
                    <ul class="tags">
                      {service.myRoles.map((role) => (
                        <li key={role}>{label("role", role)}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </Table>
          </div>
        );
      })}
      {problem && <ProblemAlert problem={problem} />}
      {cursor && (
        <button type="button" class="button secondary" onClick={more} disabled={busy}>
          {t("partner.more")}
        </button>
      )}
    </>
  );
}

/** This year's Fast-Path tickets against the yearly quota; nothing without a subscription. */
export function FastPathUse({ nic }: { nic: string }) {
  const { t, locale } = usePrefs();
  const loaded = useLoad(() => load(fetchFastPath(nic)), [nic]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error")
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  const { active, subscription, usedThisYear, remaining, year } = loaded.data;
  if (!active || !subscription) return null;
  const n = (value: number) => formatNumber(value, locale);
  const usage = t("fastPath.usage", {
    used: n(usedThisYear),
    quota: n(subscription.yearlyQuota),
    year,
  });
  return (
    <section class="card" aria-labelledby="fast-path-title">
      <h2 id="fast-path-title">{t("fastPath.title")}</h2>
      <p id="fast-path-usage">{usage}</p>
      <meter
        class="quota"
        min={0}
        max={subscription.yearlyQuota}
        value={usedThisYear}
        aria-labelledby="fast-path-usage"
      />
      <p>{t("fastPath.remaining", { remaining: n(remaining) })}</p>
    </section>
  );
}
