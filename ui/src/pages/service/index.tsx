import type { ComponentChildren } from "preact";
import { load } from "../../api/client.ts";
import { FactList } from "../../components/facts.tsx";
import { Page } from "../../components/page.tsx";
import { Loading, ProblemAlert } from "../../components/state.tsx";
import { DateTime } from "../../components/time.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { Link } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";
import { ContactChanges } from "./contact-changes.tsx";
import { fetchContacts, fetchService, type Service } from "./data.ts";
import { ContactTable, Matrix, Resources, ServiceTickets } from "./sections.tsx";

function Facts({ service }: { service: Service }) {
  const { t, label } = usePrefs();
  const rows: [string, ComponentChildren][] = [
    [t("fact.product"), label("product", service.product)],
    [t("fact.universe"), label("universe", service.universe)],
    [t("fact.region"), label("region", service.region)],
    [t("fact.datacenter"), service.datacenter],
    [t("fact.status"), label("serviceStatus", service.status)],
    [t("fact.roles"), service.myRoles.map((role) => label("role", role)).join(", ")],
    [t("fact.created"), <DateTime iso={service.createdAt} />],
  ];
  return <FactList rows={rows} />;
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** One service: what it is, what identifies it, who holds its roles, its tickets, its matrix. */
export function ServicePage({ name }: { name: string }) {
  const { t } = usePrefs();
  const loaded = useLoad(async () => {
    const [service, contacts] = await Promise.all([
      load(fetchService(name)),
      load(fetchContacts(name)),
    ]);
    return { service, contacts };
  }, [name]);
  if (loaded.state !== "ready") {
    return (
      <Page title={name}>
        {loaded.state === "loading" ? (
          <Loading />
        ) : (
          <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
        )}
      </Page>
    );
  }
  const { service, contacts } = loaded.data;
  return (
    <Page
      title={service.name}
      actions={
        <Link href={`/tickets/new?service=${encodeURIComponent(service.name)}`} class="button">
          {t("service.newTicket")}
        </Link>
      }
    >
      <Section id="service-details" title={t("service.details")}>
        <Facts service={service} />
      </Section>
      <Section id="service-resources" title={t("service.resources")}>
        <Resources service={service} />
      </Section>
      <Section id="service-contacts" title={t("service.contacts")}>
        <ContactTable contacts={contacts} />
      </Section>
      <Section id="service-contact-changes" title={t("service.contactChanges")}>
        <ContactChanges service={service} />
      </Section>
      <Section id="service-tickets" title={t("service.tickets")}>
        <ServiceTickets name={service.name} />
      </Section>
      <Section id="service-matrix" title={t("service.matrix")}>
        <Matrix product={service.product} />
      </Section>
    </Page>
  );
}
