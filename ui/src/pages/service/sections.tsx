import { load } from "../../api/client.ts";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { TicketTable } from "../../components/ticket-table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { useLoad } from "../../lib/use-load.ts";
import { fetchMatrix } from "../new-ticket/data.ts";
import { type Contacts, fetchServiceTickets, type Service } from "./data.ts";

const ROLES = ["admin", "tech", "billing"] as const;

export function Resources({ service }: { service: Service }) {
  const { t, label } = usePrefs();
  if (service.resources.length === 0) return <Empty>{t("service.noResources")}</Empty>;
  return (
    <Table label={t("service.resources")} head={[t("resource.kind"), t("resource.value")]}>
      {service.resources.map((resource) => (
        <tr key={`${resource.kind}:${resource.value}`}>
          <td>{label("resource", resource.kind)}</td>
          <td class="mono">{resource.value}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Who holds each role on the service: the owner, the technical and the billing contact. */
export function ContactTable({ contacts }: { contacts: Contacts }) {
  const { t, label } = usePrefs();
  return (
    <>
      <Table
        label={t("service.contacts")}
        head={[t("contact.role"), t("contact.account"), t("account.nic"), t("account.programme")]}
      >
        {ROLES.map((role) => (
          <tr key={role}>
            <th scope="row">{label("role", role)}</th>
            <td>{contacts[role].name}</td>
            <td class="mono">{contacts[role].nicHandle}</td>
            <td>{label("programme", contacts[role].programme)}</td>
          </tr>
        ))}
      </Table>
      {contacts.direct && <p class="hint">{t("service.direct")}</p>}
    </>
  );
}

export function ServiceTickets({ name }: { name: string }) {
  const { t } = usePrefs();
  const loaded = useLoad(() => load(fetchServiceTickets(name)), [name]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error") {
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  }
  if (loaded.data.items.length === 0) return <Empty>{t("service.noTickets")}</Empty>;
  return <TicketTable label={t("service.tickets")} tickets={loaded.data.items} />;
}

/** The product's published matrix, in the Manager's language: what is ours, what is yours. */
export function Matrix({ product }: { product: string }) {
  const { t, label, lang } = usePrefs();
  const loaded = useLoad(() => load(fetchMatrix(product, lang)), [product, lang]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error") {
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  }
  return (
    <Table
      label={t("service.matrix")}
      head={[t("matrix.area"), t("matrix.owner"), t("matrix.explanation")]}
    >
      {loaded.data.items.map((row) => (
        <tr key={row.area}>
          <th scope="row">{label("area", row.area)}</th>
          <td class="nowrap">
            <span class={`badge owner-${row.owner}`}>{t(`owner.${row.owner}`)}</span>
          </td>
          <td>{row.text}</td>
        </tr>
      ))}
    </Table>
  );
}
