import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { call, load } from "../../../api/client.ts";
import { FactList } from "../../../components/facts.tsx";
import { Page } from "../../../components/page.tsx";
import { Loading, ProblemAlert } from "../../../components/state.tsx";
import { DateTime } from "../../../components/time.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { useTicketEvents } from "../../../lib/live.ts";
import { useLoad } from "../../../lib/use-load.ts";
import { fetchTicket, type Ticket } from "../data.ts";
import { useShortcuts } from "../keys.ts";
import { SlaCountdown, useNow } from "../sla.tsx";
import { Assignment, Escalate, StatusChange } from "./actions.tsx";
import { Composer, type Mode } from "./composer.tsx";
import { ContextPanel } from "./context.tsx";
import { DeskThread } from "./thread.tsx";

function Facts({ ticket }: { ticket: Ticket }) {
  const { t, label } = usePrefs();
  const now = useNow();
  const finished = ticket.status === "solved" || ticket.status === "closed";
  const rows: [string, ComponentChildren][] = [
    [t("fact.status"), label("status", ticket.status)],
    [
      t("desk.col.sla"),
      finished ? (
        "—"
      ) : (
        <SlaCountdown
          dueAt={ticket.dueAt}
          warnAt={ticket.staff?.slaWarnAt ?? null}
          now={now}
          exact
        />
      ),
    ],
    [
      t("fact.severity"),
      <span class={`badge severity-${ticket.severity}`}>{label("severity", ticket.severity)}</span>,
    ],
    [
      t("desk.fact.queue"),
      `${label("universe", ticket.universe)} · ${ticket.staff?.tier ?? "—"} · ${label("desk.lang", ticket.language)}`,
    ],
    [t("fact.category"), label("category", ticket.category)],
    [t("fact.area"), ticket.responsibilityArea ? label("area", ticket.responsibilityArea) : "—"],
    [
      t("desk.fact.impact"),
      `${label("desk.scale", ticket.impact)} / ${label("desk.scale", ticket.urgency)}`,
    ],
    [t("desk.fact.requester"), `${ticket.requester.name ?? ""} (${ticket.requester.nicHandle})`],
    [t("fact.opened"), <DateTime iso={ticket.createdAt} />],
  ];
  return (
    <>
      <FactList rows={rows} />
      {ticket.fastPath && <p class="notice">{t("desk.fact.fastPath")}</p>}
      {ticket.outOfPerimeter && <p class="notice">{t("desk.fact.outOfPerimeter")}</p>}
    </>
  );
}

function WorkspaceKeysHelp() {
  const { t } = usePrefs();
  return (
    <p class="key-help">
      {t("desk.keys.title")} <kbd>r</kbd> {t("desk.keys.reply")} · <kbd>n</kbd>{" "}
      {t("desk.keys.note")} · <kbd>e</kbd> {t("desk.keys.escalate")}
    </p>
  );
}

/**
 * The staff workspace on one ticket: facts and SLA, who holds it, the thread with notes, the
 * composer (reply, note, canned and out-of-perimeter answers), escalation, and the context.
 */
export function Workspace({ number }: { number: string }) {
  const { t } = usePrefs();
  const loaded = useLoad(async () => load(fetchTicket(number)), [number]);
  const [fresh, setFresh] = useState<Ticket | null>(null);
  const [version, setVersion] = useState(0);
  const [mode, setMode] = useState<Mode>("reply");
  const [focusToken, setFocusToken] = useState(0);
  const refresh = async () => {
    const result = await call(fetchTicket(number));
    if (result.ok) setFresh(result.data);
  };
  const changed = () => {
    void refresh();
    setVersion((n) => n + 1);
  };
  // Messages and changes by others (the customer, a colleague) appear without reloading.
  const canonical = loaded.state === "ready" ? loaded.data.number : number;
  useTicketEvents(canonical, changed);
  const compose = (next: Mode) => {
    setMode(next);
    setFocusToken((n) => n + 1);
  };
  useShortcuts({
    r: () => compose("reply"),
    n: () => compose("note"),
    e: () => {
      const summary = document.getElementById("field-summary");
      if (!summary) return false;
      summary.scrollIntoView({ block: "center" });
      summary.focus();
    },
  });

  if (loaded.state !== "ready") {
    return (
      <Page title={t("ticket.title", { number })}>
        {loaded.state === "loading" ? (
          <Loading />
        ) : (
          <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
        )}
      </Page>
    );
  }
  const ticket = fresh ?? loaded.data;
  const updated = (next: Ticket) => {
    setFresh(next);
    setVersion((n) => n + 1);
  };
  return (
    <Page title={ticket.subject}>
      <p class="subtitle mono">{ticket.number}</p>
      <WorkspaceKeysHelp />
      <div class="workspace">
        <div>
          <section class="card" aria-labelledby="details-title">
            <h2 id="details-title">{t("ticket.details")}</h2>
            <Facts ticket={ticket} />
            <div class="desk-actions">
              <Assignment ticket={ticket} onChanged={updated} />
              <StatusChange ticket={ticket} onChanged={updated} />
            </div>
          </section>
          <section class="card" aria-labelledby="thread-title">
            <h2 id="thread-title">{t("thread.title")}</h2>
            <DeskThread number={ticket.number} version={version} />
          </section>
          {ticket.status !== "closed" && (
            <section class="card" aria-labelledby="compose-title">
              <h2 id="compose-title">{t("desk.compose.title")}</h2>
              <Composer
                ticket={ticket}
                mode={mode}
                setMode={setMode}
                focusToken={focusToken}
                onSent={changed}
              />
            </section>
          )}
          {ticket.status !== "closed" && (
            <section class="card" aria-labelledby="escalate-title">
              <h2 id="escalate-title">{t("desk.escalate.title")}</h2>
              <Escalate ticket={ticket} onChanged={updated} />
            </section>
          )}
        </div>
        <ContextPanel ticket={ticket} />
      </div>
    </Page>
  );
}
