import { usePrefs } from "../i18n/index.ts";
import { Link } from "../lib/router.tsx";
import { Table } from "./table.tsx";
import { DueTime } from "./time.tsx";

export interface TicketRow {
  number: string;
  subject: string;
  serviceName: string | null;
  status: string;
  severity: string;
  dueAt: string | null;
}

/** Tickets with the due time of their next answer, the column customers look at first. */
export function TicketTable({ label, tickets }: { label: string; tickets: TicketRow[] }) {
  const { t, label: code } = usePrefs();
  return (
    <Table
      label={label}
      head={[
        t("col.ticket"),
        t("col.subject"),
        t("col.service"),
        t("col.status"),
        t("col.severity"),
        t("col.due"),
      ]}
    >
      {tickets.map((ticket) => (
        <tr key={ticket.number}>
          <td class="mono nowrap">
            <Link href={`/tickets/${encodeURIComponent(ticket.number)}`}>{ticket.number}</Link>
          </td>
          <td>{ticket.subject}</td>
          <td class="mono">
            {ticket.serviceName ?? <span class="muted">{t("ticket.noService")}</span>}
          </td>
          <td>{code("status", ticket.status)}</td>
          <td>
            <span class={`badge severity-${ticket.severity}`}>
              {code("severity", ticket.severity)}
            </span>
          </td>
          <td>
            <DueTime dueAt={ticket.dueAt} status={ticket.status} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
