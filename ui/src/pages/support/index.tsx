import { useState } from "preact/hooks";
import { call, load, type Problem } from "../../api/client.ts";
import { Page } from "../../components/page.tsx";
import { Loading, ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { formatDate } from "../../lib/format.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useMe } from "../../session.ts";
import { Comparison } from "./compare.tsx";
import { ConfirmPanel } from "./confirm.tsx";
import {
  type Change,
  changeLevel,
  fetchOffers,
  fetchSubscriptions,
  type Offer,
  offersFor,
  UNIVERSES,
  type Universe,
} from "./data.ts";
import { priceText } from "./price.tsx";

/** Per universe, the levels on offer compared, the current one marked, and changing level. */
export function SupportLevelsPage() {
  const prefs = usePrefs();
  const { t, label, lang, locale, timeZone } = prefs;
  const me = useMe();
  const nic = me.kind === "user" ? me.account.nicHandle : "";
  const programme = me.kind === "user" ? me.account.programme : "";
  const loaded = useLoad(async () => {
    const [offers, subscriptions] = await Promise.all([
      load(fetchOffers()),
      load(fetchSubscriptions(nic)),
    ]);
    return { offers: offers.items, subscriptions: subscriptions.items };
  }, [nic]);
  const [choice, setChoice] = useState<{ universe: Universe; offer: Offer } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string>("");

  if (loaded.state !== "ready") {
    return (
      <Page title={t("support.title")}>
        {loaded.state === "loading" ? (
          <Loading />
        ) : (
          <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
        )}
      </Page>
    );
  }

  const outcome = (change: Change, universe: string) => {
    const level = change.pending?.level ?? change.level;
    const vars = { universe, level: label("level", level) };
    if (change.change === "upgraded") return t("support.upgraded", vars);
    if (change.change === "downgrade-cancelled") return t("support.downgradeCancelled", vars);
    if (change.change === "downgrade-scheduled" && change.pending) {
      return t("support.downgradeScheduled", {
        ...vars,
        date: formatDate(change.pending.startsAt, locale, timeZone),
      });
    }
    return t("support.unchanged", vars);
  };

  const confirm = async () => {
    if (!choice) return;
    setBusy(true);
    const result = await call(changeLevel(nic, choice.universe, choice.offer.level));
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setChoice(null);
    setDone(outcome(result.data, label("universe", choice.universe)));
    loaded.reload();
  };

  return (
    <Page title={t("support.title")}>
      <p>{t("support.intro")}</p>
      <p role="status" class="form-status">
        {done}
      </p>
      {UNIVERSES.map((universe) => {
        const subscription = loaded.data.subscriptions.find((s) => s.universe === universe);
        const title = label("universe", universe);
        const chosen = choice?.universe === universe ? choice.offer : null;
        const currentName = subscription?.offer.levelName[lang] ?? "";
        const vars = { level: chosen?.levelName[lang] ?? "", universe: title };
        const question = !chosen
          ? ""
          : chosen.level === subscription?.level
            ? t("support.confirmKeep", vars)
            : chosen.levelRank > (subscription?.offer.levelRank ?? 0)
              ? t("support.confirmUpgrade", { ...vars, price: priceText(chosen, prefs) })
              : t("support.confirmDowngrade", { ...vars, current: currentName });
        return (
          <section key={universe} class="card" aria-labelledby={`level-${universe}`}>
            <h2 id={`level-${universe}`}>{title}</h2>
            <Comparison
              title={title}
              offers={offersFor(loaded.data.offers, universe, programme)}
              subscription={subscription}
              onChoose={(offer) => {
                setProblem(null);
                setDone("");
                setChoice({ universe, offer });
              }}
            />
            {chosen && (
              <ConfirmPanel
                question={question}
                busy={busy}
                onConfirm={confirm}
                onCancel={() => setChoice(null)}
              >
                {problem && <ProblemAlert problem={problem} />}
              </ConfirmPanel>
            )}
          </section>
        );
      })}
    </Page>
  );
}
