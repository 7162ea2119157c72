import { useState } from "preact/hooks";
import { call, type Problem } from "../../api/client.ts";
import { Page } from "../../components/page.tsx";
import { Loading, ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { useLiveEvents } from "../../lib/live.ts";
import { Link } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";
import {
  fetchMine,
  fetchQueueTickets,
  isLanguage,
  isTier,
  isUniverse,
  type TicketPage,
  type TicketSummary,
} from "./data.ts";
import { CodeFilter } from "./filters.tsx";
import { DeskTicketTable, ListKeysHelp } from "./ticket-list.tsx";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;
const STATUSES = ["open", "waiting-for-provider", "waiting-for-customer", "on-hold"] as const;

type Reader = (cursor?: string) => Promise<TicketPage>;

/**
 * A list of tickets read page after page ("Show more"), with filters over what is loaded:
 * severity, status and words in the number, subject, account or service.
 */
function PagedTickets({ label, read, inputs }: { label: string; read: Reader; inputs: string }) {
  const { t, label: code } = usePrefs();
  const first = useLoad(() => read(), [inputs]);
  const [more, setMore] = useState<{ items: TicketSummary[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [severity, setSeverity] = useState("");
  const [status, setStatus] = useState("");
  const [words, setWords] = useState("");
  // The list is not reordered under the reader's keys: a change is offered as a refresh.
  const [stale, setStale] = useState(false);
  useLiveEvents(() => setStale(true));
  if (first.state === "loading") return <Loading />;
  if (first.state === "error")
    return <ProblemAlert problem={first.problem} onRetry={first.reload} />;
  const items = [...first.data.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.data.nextCursor;
  const showMore = async () => {
    if (!cursor) return;
    setBusy(true);
    try {
      const page = await read(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
      setProblem(null);
    } catch (error) {
      setProblem(error as Problem);
    } finally {
      setBusy(false);
    }
  };
  const needle = words.trim().toLowerCase();
  const shown = items.filter(
    (ticket) =>
      (!severity || ticket.severity === severity) &&
      (!status || ticket.status === status) &&
      (!needle ||
        [ticket.number, ticket.subject, ticket.accountNic, ticket.serviceName ?? ""].some((v) =>
          v.toLowerCase().includes(needle),
        )),
  );
  return (
    <>
      <div class="desk-filters">
        <CodeFilter
          name="severity"
          label={t("col.severity")}
          value={severity}
          codes={SEVERITIES}
          text={(c) => code("severity", c)}
          onChange={setSeverity}
        />
        <CodeFilter
          name="status"
          label={t("col.status")}
          value={status}
          codes={STATUSES}
          text={(c) => code("status", c)}
          onChange={setStatus}
        />
        <div class="field">
          <label for="filter-words">{t("desk.filter.words")}</label>
          <input
            id="filter-words"
            type="search"
            value={words}
            onInput={(e) => setWords(e.currentTarget.value)}
          />
        </div>
      </div>
      <p class="hint" role="status">
        {t("desk.list.shown", { shown: shown.length, loaded: items.length })}
        {stale && ` ${t("desk.list.changed")}`}
      </p>
      {stale && (
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            setStale(false);
            setMore(null);
            first.reload();
          }}
        >
          {t("desk.list.refresh")}
        </button>
      )}
      <ListKeysHelp />
      <DeskTicketTable label={label} tickets={shown} />
      {problem && <ProblemAlert problem={problem} />}
      {cursor && (
        <button type="button" class="button secondary" onClick={showMore} disabled={busy}>
          {busy ? t("state.loading") : t("desk.list.more")}
        </button>
      )}
    </>
  );
}

async function read<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>) {
  const result = await call(request);
  if (!result.ok) throw result.problem;
  return result.data;
}

/** One queue's unassigned tickets, most urgent first. */
export function QueueScreen({
  universe,
  tier,
  language,
}: {
  universe: string;
  tier: string;
  language: string;
}) {
  const { t, label } = usePrefs();
  const title = t("desk.queue.title", {
    universe: label("universe", universe),
    tier,
    language: label("desk.lang", language),
  });
  if (!isUniverse(universe) || !isTier(tier) || !isLanguage(language)) {
    return (
      <Page title={t("notFound.title")}>
        <p>
          <Link href="/">{t("desk.back")}</Link>
        </p>
      </Page>
    );
  }
  const queue = { universe, tier, language };
  return (
    <Page title={title}>
      <p class="subtitle">
        <Link href="/">{t("desk.back")}</Link>
      </p>
      <section class="card" aria-labelledby="queue-title">
        <h2 id="queue-title">{t("desk.queue.waiting")}</h2>
        <PagedTickets
          label={title}
          inputs={`${universe}/${tier}/${language}`}
          read={(cursor) => read(fetchQueueTickets(queue, cursor))}
        />
      </section>
    </Page>
  );
}

/** The tickets I hold and have not solved, soonest due first. */
export function MineScreen() {
  const { t } = usePrefs();
  return (
    <Page title={t("desk.mine.title")}>
      <section class="card" aria-labelledby="mine-title">
        <h2 id="mine-title">{t("desk.mine.list")}</h2>
        <PagedTickets
          label={t("desk.mine.list")}
          inputs="mine"
          read={(cursor) => read(fetchMine(cursor))}
        />
      </section>
    </Page>
  );
}
