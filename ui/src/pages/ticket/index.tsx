import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { call, load } from "../../api/client.ts";
import { FactList } from "../../components/facts.tsx";
import { Page } from "../../components/page.tsx";
import { Loading, ProblemAlert } from "../../components/state.tsx";
import { DateTime, DueTime } from "../../components/time.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { useTicketEvents } from "../../lib/live.ts";
import { useLoad } from "../../lib/use-load.ts";
import { StatusActions } from "./actions.tsx";
import { fetchMessages, fetchTicket, type Message, type Ticket } from "./data.ts";
import { ReplyForm } from "./reply.tsx";
import { Thread } from "./thread.tsx";

function Facts({ ticket }: { ticket: Ticket }) {
  const { t, label } = usePrefs();
  const rows: [string, ComponentChildren][] = [
    [t("fact.status"), label("status", ticket.status)],
    [
      t("fact.due"),
      ticket.status === "solved" || ticket.status === "closed" ? (
        "—"
      ) : (
        <DueTime dueAt={ticket.dueAt} status={ticket.status} />
      ),
    ],
    [
      t("fact.severity"),
      <span class={`badge severity-${ticket.severity}`}>{label("severity", ticket.severity)}</span>,
    ],
    [t("fact.service"), ticket.serviceName ?? t("ticket.noService")],
    [t("fact.category"), label("category", ticket.category)],
    [t("fact.area"), ticket.responsibilityArea ? label("area", ticket.responsibilityArea) : "—"],
    [t("fact.level"), label("level", ticket.level)],
    [t("fact.opened"), <DateTime iso={ticket.createdAt} />],
  ];
  return <FactList rows={rows} />;
}

/** One ticket: its facts and due time, the conversation, and the reply form. */
export function TicketPage({ number }: { number: string }) {
  const { t } = usePrefs();
  const loaded = useLoad(async () => {
    const [ticket, messages] = await Promise.all([
      load(fetchTicket(number)),
      load(fetchMessages(number)),
    ]);
    return { ticket, messages };
  }, [number]);
  // After a reply or a status change the facts are read again; the thread keeps its place.
  const [fresh, setFresh] = useState<Ticket | null>(null);
  const [added, setAdded] = useState<Message[]>([]);
  const [version, setVersion] = useState(0);
  const refresh = async () => {
    const result = await call(fetchTicket(number));
    if (result.ok) setFresh(result.data);
  };
  // Support answers and status changes made elsewhere appear without reloading the page.
  // Events name the ticket as PAL-…, whichever form the address used.
  const canonical = loaded.state === "ready" ? loaded.data.ticket.number : number;
  useTicketEvents(canonical, () => {
    void refresh();
    setVersion((n) => n + 1);
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
  const ticket = fresh ?? loaded.data.ticket;
  return (
    <Page title={ticket.subject}>
      <p class="subtitle mono">{ticket.number}</p>
      <section class="card" aria-labelledby="details-title">
        <h2 id="details-title">{t("ticket.details")}</h2>
        <Facts ticket={ticket} />
        {ticket.outOfPerimeter && <p class="notice">{t("ticket.outOfPerimeter")}</p>}
        <StatusActions ticket={ticket} onChanged={refresh} />
      </section>
      <section class="card" aria-labelledby="thread-title">
        <h2 id="thread-title">{t("thread.title")}</h2>
        <Thread
          number={ticket.number}
          first={loaded.data.messages}
          added={added}
          version={version}
          rateable={ticket.status !== "closed"}
          onRated={() => {
            // "Did not answer" reopens the ticket and raises its severity; "solved" may solve it.
            void refresh();
          }}
        />
      </section>
      {ticket.status !== "closed" && (
        <section class="card" aria-labelledby="reply-title">
          <h2 id="reply-title">{t("reply.title")}</h2>
          <ReplyForm
            number={ticket.number}
            onSent={(message) => {
              setAdded((now) => [...now, message]);
              void refresh();
            }}
          />
        </section>
      )}
    </Page>
  );
}
