import type { Me } from "../api/client.ts";
import { FactList } from "../components/facts.tsx";
import { usePrefs } from "../i18n/index.ts";

/** Who is signed in, as a definition list: the first thing a support call asks for. */
export function AccountSummary({ me }: { me: Me }) {
  const { t, label } = usePrefs();
  const rows: [string, string][] =
    me.kind === "user"
      ? [
          [t("account.name"), me.account.name],
          [t("account.nic"), me.account.nicHandle],
          [t("account.region"), label("region", me.account.region)],
          [t("account.programme"), label("programme", me.account.programme)],
        ]
      : [
          [t("account.name"), me.name],
          [t("account.role"), label("staffRole", me.role)],
          [t("account.tier"), me.tier],
          [t("account.universes"), me.universes.map((u) => label("universe", u)).join(", ")],
        ];
  return (
    <section aria-labelledby="account-title" class="card">
      <h2 id="account-title">{t("account.title")}</h2>
      <FactList rows={rows} />
    </section>
  );
}
