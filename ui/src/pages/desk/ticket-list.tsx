import { useRef, useState } from "preact/hooks";
import { Empty } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { Link } from "../../lib/router.tsx";
import type { TicketSummary } from "./data.ts";
import { useShortcuts } from "./keys.ts";
import { SlaCountdown, useNow } from "./sla.tsx";

/** The keys of a ticket list, on screen where the list is. */
export function ListKeysHelp() {
  const { t } = usePrefs();
  return (
    <p class="key-help" id="list-keys">
      {t("desk.keys.title")} <kbd>j</kbd>/<kbd>↓</kbd> {t("desk.keys.next")} · <kbd>k</kbd>/
      <kbd>↑</kbd> {t("desk.keys.previous")} · <kbd>Enter</kbd> {t("desk.keys.open")}
    </p>
  );
}

/**
 * Tickets with their SLA countdown. j/k (or the arrows, from inside the table) move a visible
 * selection by focusing the row's ticket link, so Enter opens it like any link.
 */
export function DeskTicketTable({ label, tickets }: { label: string; tickets: TicketSummary[] }) {
  const { t, label: code } = usePrefs();
  const now = useNow();
  const [selected, setSelected] = useState(-1);
  const table = useRef<HTMLTableElement>(null);
  const move = (step: number) => {
    if (tickets.length === 0) return;
    const next = selected < 0 ? (step > 0 ? 0 : tickets.length - 1) : selected + step;
    const index = Math.max(0, Math.min(tickets.length - 1, next));
    setSelected(index);
    table.current?.querySelectorAll<HTMLAnchorElement>("a.ticket-link")[index]?.focus();
  };
  const inTable = () => table.current?.contains(document.activeElement) ?? false;
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    ArrowDown: () => (inTable() ? move(1) : false),
    ArrowUp: () => (inTable() ? move(-1) : false),
  });
  if (tickets.length === 0) return <Empty>{t("desk.list.empty")}</Empty>;
  const head = [
    t("col.ticket"),
    t("col.subject"),
    t("desk.col.account"),
    t("col.service"),
    t("col.severity"),
    t("desk.col.level"),
    t("col.status"),
    t("desk.col.sla"),
  ];
  return (
    <div class="table-wrap">
      <table ref={table} class="desk-table" aria-label={label} aria-describedby="list-keys">
        <thead>
          <tr>
            {head.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket, index) => (
            <tr key={ticket.number} class={index === selected ? "selected" : undefined}>
              <td class="mono nowrap">
                <Link
                  class="ticket-link"
                  href={`/tickets/${encodeURIComponent(ticket.number)}`}
                  onFocus={() => setSelected(index)}
                >
                  {ticket.number}
                </Link>
                {ticket.fastPath && <span class="badge warn">{t("desk.fastPath")}</span>}
              </td>
              <td>{ticket.subject}</td>
              <td class="mono">{ticket.accountNic}</td>
              <td class="mono">
                {ticket.serviceName ?? <span class="muted">{t("ticket.noService")}</span>}
              </td>
              <td>
                <span class={`badge severity-${ticket.severity}`}>
                  {code("severity", ticket.severity)}
                </span>
              </td>
              <td>{code("level", ticket.level)}</td>
              <td>{code("status", ticket.status)}</td>
              <td>
                <SlaCountdown
                  dueAt={ticket.dueAt}
                  warnAt={ticket.staff?.slaWarnAt ?? null}
                  now={now}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
