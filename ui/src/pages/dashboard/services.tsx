import { useState } from "preact/hooks";
import { api, call, load, type Problem } from "../../api/client.ts";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { Link } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";

const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
type Universe = (typeof UNIVERSES)[number];
const PAGE = 100;

async function fetchPage(universe: Universe, cursor?: string) {
  const query = cursor ? { universe, limit: PAGE, cursor } : { universe, limit: PAGE };
  return api.GET("/api/v1/services", { params: { query } });
}
type ServicePage = NonNullable<Awaited<ReturnType<typeof fetchPage>>["data"]>;
type Service = ServicePage["items"][number];

/**
 * One request per universe, in parallel: each group shows its first hundred services at once,
 * and a partner with thousands pages through one universe without loading the others.
 */
export function ServicesByUniverse() {
  const { t } = usePrefs();
  const loaded = useLoad(
    () => Promise.all(UNIVERSES.map(async (u) => [u, await load(fetchPage(u))] as const)),
    [],
  );
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error")
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  const groups = loaded.data.filter(([, page]) => page.items.length > 0);
  if (groups.length === 0) return <Empty>{t("dashboard.servicesEmpty")}</Empty>;
  return (
    <>
      {groups.map(([universe, page]) => (
        <UniverseGroup key={universe} universe={universe} first={page} />
      ))}
    </>
  );
}

function UniverseGroup({ universe, first }: { universe: Universe; first: ServicePage }) {
  const { t, label } = usePrefs();
  const [items, setItems] = useState<Service[]>(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    const result = await call(fetchPage(universe, cursor));
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setItems((now) => [...now, ...result.data.items]);
    setCursor(result.data.nextCursor);
  };
  const title = label("universe", universe);
  return (
    <div class="group">
      <h3>{title}</h3>
      <Table
        label={title}
        variant="services"
        head={[
          t("col.service"),
          t("col.product"),
          t("col.region"),
          t("col.status"),
          t("col.roles"),
        ]}
      >
        {items.map((service) => (
          <tr key={service.name}>
            <td class="mono">
              <Link href={`/services/${encodeURIComponent(service.name)}`}>{service.name}</Link>
            </td>
            <td>{label("product", service.product)}</td>
            <td>{label("region", service.region)}</td>
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
      {problem && <ProblemAlert problem={problem} />}
      {cursor && (
        <button type="button" class="button secondary" onClick={more} disabled={busy}>
          {t("dashboard.servicesMore", { universe: title })}
        </button>
      )}
    </div>
  );
}
