import { useEffect, useRef } from "preact/hooks";
import { call, load } from "../../api/client.ts";
import { Page } from "../../components/page.tsx";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { formatNumber, formatRelative } from "../../lib/format.ts";
import { useLiveEvents } from "../../lib/live.ts";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";
import { useMe } from "../../session.ts";
import { AccountSummary } from "../home.tsx";
import { fetchMine, fetchQueues, LANGUAGES, type QueueSummary, TIERS, UNIVERSES } from "./data.ts";
import { CodeFilter } from "./filters.tsx";
import { type Risk, RiskBadge, useNow } from "./sla.tsx";

/** A queue's worst risk: any breached ticket outweighs tickets merely at risk. */
function queueRisk(queue: QueueSummary): Risk | null {
  if (queue.breached > 0) return "breached";
  if (queue.atRisk > 0) return "risk";
  return queue.unassigned > 0 ? "ok" : null;
}

/** The path of a queue's screen. */
export function queuePath(q: { universe: string; tier: string; language: string }): string {
  return `/queues/${q.universe}/${q.tier}/${q.language}`;
}

/** "3 tickets assigned to me", with the language's plural form for the count. */
function heldText(count: number, { label, locale }: ReturnType<typeof usePrefs>): string {
  const form = `count_${new Intl.PluralRules(locale).select(count)}`;
  const text = label("desk.held", form);
  const chosen = text === form ? label("desk.held", "count_other") : text;
  return chosen.replace("{count}", formatNumber(count, locale));
}

function HeldTickets() {
  const prefs = usePrefs();
  const { t } = prefs;
  // One page of a hundred is the count; past that, "100+" says enough on a home screen.
  const held = useLoad(async () => {
    const result = await call(fetchMine(undefined, 100));
    if (!result.ok) throw result.problem;
    return result.data;
  }, []);
  return (
    <section class="card" aria-labelledby="held-title">
      <h2 id="held-title">{t("desk.held.title")}</h2>
      {held.state === "loading" && <Loading />}
      {held.state === "error" && <ProblemAlert problem={held.problem} onRetry={held.reload} />}
      {held.state === "ready" && (
        <p>
          <Link class="held-link" href="/queues/mine">
            {held.data.nextCursor
              ? t("desk.held.many", { count: held.data.items.length })
              : heldText(held.data.items.length, prefs)}
          </Link>
        </p>
      )}
    </section>
  );
}

/** Staff home: every queue I may see with its counts and soonest due, and the tickets I hold. */
export function QueuesHome() {
  const { t, label, locale } = usePrefs();
  const me = useMe();
  const now = useNow();
  const { query } = useLocation();
  const filter = {
    universe: query.get("universe") ?? "",
    tier: query.get("tier") ?? "",
    language: query.get("language") ?? "",
    waiting: query.get("waiting") ?? "",
  };
  const setFilter = (name: keyof typeof filter, value: string) => {
    const next = new URLSearchParams({ ...filter, [name]: value });
    for (const [key, v] of [...next.entries()]) if (!v) next.delete(key);
    const search = next.toString();
    navigate(search ? `/?${search}` : "/", { replace: true });
  };
  const queues = useLoad(async () => (await load(fetchQueues())).items, []);
  // Counts follow ticket events; a burst of events is read again once, three seconds later.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveEvents(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      queues.reload();
    }, 3_000);
  });
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  // While a live refresh reads again, the previous counts stay on screen (no flashing table).
  const kept = useRef<QueueSummary[] | null>(null);
  if (queues.state === "ready") kept.current = queues.data;
  const data = queues.state === "error" ? null : kept.current;
  const shown =
    data !== null
      ? data.filter(
          (q) =>
            (!filter.universe || q.universe === filter.universe) &&
            (!filter.tier || q.tier === filter.tier) &&
            (!filter.language || q.language === filter.language) &&
            (!filter.waiting || q.unassigned > 0),
        )
      : [];
  const head: [string, string?][] = [
    [t("desk.col.queue")],
    [t("desk.col.waiting"), "desk-stat"],
    [t("desk.col.atRisk"), "desk-stat"],
    [t("desk.col.breached"), "desk-stat"],
    [t("desk.col.soonest")],
  ];
  return (
    <Page title={t("desk.queues.title")}>
      <HeldTickets />
      <section class="card" aria-labelledby="queues-title">
        <h2 id="queues-title">{t("desk.queues.list")}</h2>
        <div class="desk-filters">
          <CodeFilter
            name="universe"
            label={t("desk.filter.universe")}
            value={filter.universe}
            codes={UNIVERSES}
            text={(code) => label("universe", code)}
            onChange={(v) => setFilter("universe", v)}
          />
          <CodeFilter
            name="tier"
            label={t("desk.filter.tier")}
            value={filter.tier}
            codes={TIERS}
            text={(code) => code}
            onChange={(v) => setFilter("tier", v)}
          />
          <CodeFilter
            name="language"
            label={t("desk.filter.language")}
            value={filter.language}
            codes={LANGUAGES}
            text={(code) => label("desk.lang", code)}
            onChange={(v) => setFilter("language", v)}
          />
          <label class="check">
            <input
              type="checkbox"
              checked={filter.waiting !== ""}
              onChange={(e) => setFilter("waiting", e.currentTarget.checked ? "1" : "")}
            />
            {t("desk.filter.waiting")}
          </label>
        </div>
        {queues.state === "loading" && data === null && <Loading />}
        {queues.state === "error" && (
          <ProblemAlert problem={queues.problem} onRetry={queues.reload} />
        )}
        {data !== null && shown.length === 0 && <Empty>{t("desk.queues.empty")}</Empty>}
        {shown.length > 0 && (
          <div class="table-wrap">
            <table class="desk-table" aria-label={t("desk.queues.list")}>
              <thead>
                <tr>
                  {head.map(([name, kind]) => (
                    <th key={name} scope="col" class={kind}>
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((q) => {
                  const risk = queueRisk(q);
                  return (
                    <tr key={queuePath(q)}>
                      <td>
                        <Link href={queuePath(q)}>
                          {label("universe", q.universe)} · {q.tier} ·{" "}
                          {label("desk.lang", q.language)}
                        </Link>
                      </td>
                      <td class="desk-stat">{formatNumber(q.unassigned, locale)}</td>
                      <td class="desk-stat">{formatNumber(q.atRisk, locale)}</td>
                      <td class="desk-stat">{formatNumber(q.breached, locale)}</td>
                      <td>
                        {risk && <RiskBadge risk={risk} />}{" "}
                        {q.soonestDueAt ? (
                          <time dateTime={q.soonestDueAt}>
                            {formatRelative(q.soonestDueAt, locale, now)}
                          </time>
                        ) : (
                          <span class="muted">{t("desk.queues.none")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AccountSummary me={me} />
    </Page>
  );
}
