import { useState } from "preact/hooks";
import { api, call, load, type Problem } from "../../api/client.ts";
import { Table } from "../../components/table.tsx";
import { LANGUAGE_NAMES, LANGUAGES, usePrefs } from "../../i18n/index.ts";
import { formatMinutes } from "../../lib/format.ts";
import { priceText } from "../support/price.tsx";
import { type Offer, type OfferPatch, SEVERITIES, UNIVERSES } from "./offer-data.ts";
import { OfferForm } from "./offer-form.tsx";
import { LoadedPage, SaveStatus, useKeptLoad } from "./shared.tsx";

/** Every offer per universe with its terms and targets; staff admins edit one at a time. */
export function OffersPage() {
  const prefs = usePrefs();
  const { t, label, lang } = prefs;
  const loaded = useKeptLoad(() => load(api.GET("/api/v1/support/offers")), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const save = async (offer: Offer, patch: OfferPatch) => {
    setBusy(true);
    const result = await call(
      api.PATCH("/api/v1/support/offers/{id}", { params: { path: { id: offer.id } }, body: patch }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      setStatus(t("admin.notSaved"));
      return;
    }
    setProblem(null);
    setEditing(null);
    setStatus(
      t("offers.saved", {
        level: result.data.levelName[lang],
        universe: label("universe", offer.universe),
      }),
    );
    loaded.reload();
  };

  const targets = (minutes: Offer["firstResponseMinutes"]) => (
    <ul class="plain nowrap">
      {SEVERITIES.map((s) => (
        <li key={s}>
          {label("severity", s)}: {formatMinutes(minutes[s], lang)}
        </li>
      ))}
    </ul>
  );

  return (
    <LoadedPage title={t("offers.title")} loaded={loaded}>
      {(data) => (
        <>
          <p>{t("offers.intro")}</p>
          <SaveStatus text={status} />
          {UNIVERSES.map((universe) => {
            const offers = data.items.filter((o) => o.universe === universe);
            if (offers.length === 0) return null;
            const open = offers.find((o) => o.id === editing);
            return (
              <section key={universe} class="card" aria-labelledby={`offers-${universe}`}>
                <h2 id={`offers-${universe}`}>{label("universe", universe)}</h2>
                <Table
                  label={t("offers.tableLabel", { universe: label("universe", universe) })}
                  head={[
                    t("offers.level"),
                    t("offers.price"),
                    t("offers.channels"),
                    t("offers.coverage"),
                    t("offers.languages"),
                    t("offers.entryTier"),
                    t("offers.firstResponse"),
                    t("offers.update"),
                    t("admin.actions"),
                  ]}
                >
                  {offers.map((offer) => (
                    <tr key={offer.id}>
                      <th scope="row">{offer.levelName[lang]}</th>
                      <td>{priceText(offer, prefs)}</td>
                      <td>{offer.channels.map((c) => label("channel", c)).join(", ")}</td>
                      <td>{label("coverage", offer.coverage)}</td>
                      <td>{offer.languages.map((l) => l.toUpperCase()).join(", ")}</td>
                      <td>{offer.entryTier}</td>
                      <td>{targets(offer.firstResponseMinutes)}</td>
                      <td>{targets(offer.updateMinutes)}</td>
                      <td>
                        <button
                          aria-label={t("offers.edit", { level: offer.levelName[lang] })}
                          type="button"
                          class="button secondary"
                          aria-expanded={editing === offer.id}
                          onClick={() => {
                            setProblem(null);
                            setStatus("");
                            setEditing(editing === offer.id ? null : offer.id);
                          }}
                        >
                          {t("admin.edit")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </Table>
                {open && (
                  <OfferForm
                    key={open.id}
                    offer={open}
                    problem={problem}
                    busy={busy}
                    languages={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
                    onSave={(patch) => save(open, patch)}
                    onCancel={() => setEditing(null)}
                  />
                )}
              </section>
            );
          })}
        </>
      )}
    </LoadedPage>
  );
}
