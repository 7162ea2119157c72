import type { ComponentChildren } from "preact";
import { usePrefs } from "../../i18n/index.ts";
import { formatDate, formatMinutes } from "../../lib/format.ts";
import type { Offer, Subscription } from "./data.ts";
import { Price } from "./price.tsx";

const SEVERITIES = ["critical", "high", "medium", "low"] as const;

/**
 * The levels of one universe side by side, the current one marked: one column per level, one
 * row per thing a level gives, and in the last row the way to choose it.
 */
export function Comparison({
  title,
  offers,
  subscription,
  onChoose,
}: {
  title: string;
  offers: Offer[];
  subscription: Subscription | undefined;
  onChoose(offer: Offer): void;
}) {
  const { t, label, lang, locale, timeZone } = usePrefs();
  const current = subscription?.level;
  const pending = subscription?.pending;
  const currentRank = subscription?.offer.levelRank ?? 0;
  const row = (name: string, cell: (offer: Offer) => ComponentChildren) => (
    <tr>
      <th scope="row">{name}</th>
      {offers.map((offer) => (
        <td key={offer.id} class={offer.level === current ? "current" : undefined}>
          {cell(offer)}
        </td>
      ))}
    </tr>
  );
  return (
    <div class="table-wrap">
      <table class="compare" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{t("support.attribute")}</th>
            {offers.map((offer) => (
              <th
                key={offer.id}
                scope="col"
                class={offer.level === current ? "current" : undefined}
              >
                {offer.levelName[lang]}
                {offer.level === current && <span class="badge ok">{t("support.current")}</span>}
                {pending?.level === offer.level && (
                  <span class="badge warn">
                    {t("support.scheduled", {
                      date: formatDate(pending.startsAt, locale, timeZone),
                    })}
                  </span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row(t("support.price"), (offer) => (
            <Price offer={offer} />
          ))}
          {row(t("col.channels"), (offer) =>
            offer.channels.map((channel) => label("channel", channel)).join(", "),
          )}
          {row(t("col.coverage"), (offer) => label("coverage", offer.coverage))}
          {SEVERITIES.map((severity) =>
            row(
              t("support.firstResponse", { severity: label("severity", severity).toLowerCase() }),
              (offer) => formatMinutes(offer.firstResponseMinutes[severity], locale),
            ),
          )}
          {row(t("support.choose"), (offer) => {
            const name = offer.levelName[lang];
            if (offer.level === current && !pending) return null;
            if (offer.level === current) {
              return (
                <button type="button" class="button secondary" onClick={() => onChoose(offer)}>
                  {t("support.keep", { level: name })}
                </button>
              );
            }
            if (pending?.level === offer.level) return null;
            const up = offer.levelRank > currentRank;
            return (
              <button
                type="button"
                class={up ? "button" : "button secondary"}
                onClick={() => onChoose(offer)}
              >
                {up
                  ? t("support.upgrade", { level: name })
                  : t("support.downgrade", { level: name })}
              </button>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
