import type { ComponentChildren } from "preact";
import { load } from "../../../api/client.ts";
import { FactList } from "../../../components/facts.tsx";
import { Empty, Loading, ProblemAlert } from "../../../components/state.tsx";
import { DateTime } from "../../../components/time.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { formatMinutes } from "../../../lib/format.ts";
import { Link } from "../../../lib/router.tsx";
import { useLoad } from "../../../lib/use-load.ts";
import { fetchAccount, fetchAccountTickets, fetchService, type Ticket } from "../data.ts";

/** A card that loads on its own, so a slow call never holds the others back. */
function Card({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The requester's account, and its roles on the ticket's service. */
function AccountCard({ ticket }: { ticket: Ticket }) {
  const { t, label } = usePrefs();
  const loaded = useLoad(async () => {
    const [account, service] = await Promise.all([
      load(fetchAccount(ticket.accountNic)),
      ticket.serviceName ? load(fetchService(ticket.serviceName)) : Promise.resolve(null),
    ]);
    return { account, service };
  }, [ticket.accountNic, ticket.serviceName]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error")
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  const { account, service } = loaded.data;
  const roles = service
    ? (["admin", "tech", "billing"] as const).filter(
        (r) => service.contacts[r] === account.nicHandle,
      )
    : [];
  return (
    <>
      <FactList
        rows={[
          [t("account.name"), account.name],
          [t("account.nic"), <span class="mono">{account.nicHandle}</span>],
          [t("account.programme"), label("programme", account.programme)],
          [t("account.region"), label("region", account.region)],
          [t("desk.ctx.language"), label("desk.lang", account.language)],
          [
            t("desk.ctx.roles"),
            service
              ? roles.length > 0
                ? roles.map((r) => label("role", r)).join(", ")
                : t("desk.ctx.noRole")
              : t("ticket.noService"),
          ],
        ]}
      />
      {service && (
        <>
          <h3>{t("desk.ctx.service")}</h3>
          <FactList
            rows={[
              [t("fact.service"), <span class="mono">{service.name}</span>],
              [t("desk.ctx.product"), label("product", service.product)],
              [t("desk.ctx.universe"), label("universe", service.universe)],
              [t("account.region"), `${label("region", service.region)} · ${service.datacenter}`],
              [t("col.status"), label("serviceStatus", service.status)],
              [
                t("desk.ctx.contacts"),
                (["admin", "tech", "billing"] as const)
                  .map((r) => `${label("role", r)}: ${service.contacts[r]}`)
                  .join(" · "),
              ],
            ]}
          />
        </>
      )}
    </>
  );
}

/** The support level that applies and why, in words built from the entitlement's facts. */
function LevelCard({ ticket }: { ticket: Ticket }) {
  const { t, label, locale } = usePrefs();
  const e = ticket.entitlement;
  const vars = {
    level: label("level", e.level),
    subscriber: e.subscriberNic ?? ticket.accountNic,
    universe: label("universe", e.universe),
    service: ticket.serviceName ?? "",
  };
  const reasons: Record<string, string> = {
    "requester-subscription": t("desk.reason.requester", vars),
    "service-admin-subscription": t("desk.reason.admin", vars),
    "partner-level": t("desk.reason.partner", vars),
    "fast-path": t("desk.reason.fastPath", vars),
  };
  return (
    <>
      <FactList
        rows={[
          [t("fact.level"), label("level", e.level)],
          [t("desk.ctx.coverage"), label("coverage", e.coverage)],
          [t("desk.ctx.firstResponse"), formatMinutes(e.firstResponseMinutes, locale)],
          [t("desk.ctx.update"), formatMinutes(e.updateMinutes, locale)],
          [t("desk.ctx.entryTier"), e.entryTier],
        ]}
      />
      <p class="reason">
        <strong>{t("desk.ctx.why")}</strong> {reasons[e.reasonCode] ?? e.reason}
      </p>
    </>
  );
}

/** The requester's other recent tickets, newest first. */
function OtherTickets({ ticket }: { ticket: Ticket }) {
  const { t, label } = usePrefs();
  const loaded = useLoad(
    async () =>
      (await load(fetchAccountTickets(ticket.accountNic))).items.filter(
        (other) => other.number !== ticket.number,
      ),
    [ticket.accountNic, ticket.number],
  );
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error")
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  if (loaded.data.length === 0) return <Empty>{t("desk.ctx.noOthers")}</Empty>;
  return (
    <ul class="other-tickets">
      {loaded.data.slice(0, 5).map((other) => (
        <li key={other.number}>
          <Link href={`/tickets/${encodeURIComponent(other.number)}`} class="mono">
            {other.number}
          </Link>{" "}
          {other.subject}
          <br />
          <span class="muted">
            {label("status", other.status)} · <DateTime iso={other.createdAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What an agent needs beside the conversation: who asks, on what, with which level and why. */
export function ContextPanel({ ticket }: { ticket: Ticket }) {
  const { t } = usePrefs();
  return (
    <aside class="workspace-side" aria-label={t("desk.ctx.label")}>
      <Card id="ctx-account" title={t("desk.ctx.account")}>
        <AccountCard ticket={ticket} />
      </Card>
      <Card id="ctx-level" title={t("desk.ctx.level")}>
        <LevelCard ticket={ticket} />
      </Card>
      <Card id="ctx-others" title={t("desk.ctx.others")}>
        <OtherTickets ticket={ticket} />
      </Card>
    </aside>
  );
}
