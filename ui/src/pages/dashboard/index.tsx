import { Page } from "../../components/page.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { Link } from "../../lib/router.tsx";
import { useMe } from "../../session.ts";
import { AccountSummary } from "../home.tsx";
import { SupportLevels } from "./levels.tsx";
import { ClientServices, FastPathUse } from "./partner.tsx";
import { ServicesByUniverse } from "./services.tsx";
import { OpenTickets } from "./tickets.tsx";

/**
 * A customer's or partner's home: open tickets first (what needs attention), then the support
 * levels that set their deadlines, then the services; partners also see their Fast-Path use
 * and the services they manage for clients. Each section loads on its own, so a slow
 * list never holds the others back.
 */
export function Dashboard() {
  const { t } = usePrefs();
  const me = useMe();
  if (me.kind !== "user") return null;
  return (
    <Page
      title={t("dashboard.title")}
      actions={
        <Link href="/tickets/new" class="button">
          {t("nav.newTicket")}
        </Link>
      }
    >
      <section class="card" aria-labelledby="tickets-title">
        <h2 id="tickets-title">{t("dashboard.tickets")}</h2>
        <OpenTickets />
      </section>
      <section class="card" aria-labelledby="levels-title">
        <h2 id="levels-title">{t("dashboard.levels")}</h2>
        <SupportLevels nic={me.account.nicHandle} />
        <p>
          <Link href="/support">{t("dashboard.levelsLink")}</Link>
        </p>
      </section>
      {me.account.programme === "technical-partner" && <FastPathUse nic={me.account.nicHandle} />}
      <section class="card" aria-labelledby="services-title">
        <h2 id="services-title">{t("dashboard.services")}</h2>
        <ServicesByUniverse />
      </section>
      {me.account.programme !== "direct" && (
        <section class="card" aria-labelledby="clients-title">
          <h2 id="clients-title">{t("partner.clients")}</h2>
          <ClientServices nic={me.account.nicHandle} />
        </section>
      )}
      <AccountSummary me={me} />
    </Page>
  );
}
