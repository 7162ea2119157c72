import { api, load } from "../../api/client.ts";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { type TicketRow, TicketTable } from "../../components/ticket-table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { useLoad } from "../../lib/use-load.ts";

// Every status but solved and closed; the list endpoint filters one status at a time.
const OPEN = ["open", "waiting-for-provider", "waiting-for-customer", "on-hold"] as const;

/** Soonest due first; tickets whose clock is paused come after every running one. */
function byDue(a: TicketRow, b: TicketRow): number {
  if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt);
  if (a.dueAt) return -1;
  if (b.dueAt) return 1;
  return a.number.localeCompare(b.number);
}

async function openTickets(): Promise<TicketRow[]> {
  const pages = await Promise.all(
    OPEN.map((status) =>
      load(api.GET("/api/v1/tickets", { params: { query: { status, limit: 100 } } })),
    ),
  );
  return pages.flatMap((page) => page.items).sort(byDue);
}

export function OpenTickets() {
  const { t } = usePrefs();
  const loaded = useLoad(openTickets, []);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error")
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  if (loaded.data.length === 0) return <Empty>{t("dashboard.ticketsEmpty")}</Empty>;
  return <TicketTable label={t("dashboard.tickets")} tickets={loaded.data} />;
}
