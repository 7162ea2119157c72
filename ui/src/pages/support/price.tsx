import { usePrefs } from "../../i18n/index.ts";
import { formatPrice, type Offer } from "./data.ts";

/** An offer's price in words: included, so much a month, or a share of the month's spend. */
export function priceText(offer: Offer, prefs: ReturnType<typeof usePrefs>): string {
  const { t, locale } = prefs;
  const price = formatPrice(offer, locale, t);
  if (price.kind === "free") return price.text;
  if (price.kind === "flat") return t("support.priceFlat", { amount: price.amount });
  return t("support.pricePercent", { percent: price.percent, minimum: price.minimum });
}

export function Price({ offer }: { offer: Offer }) {
  return <>{priceText(offer, usePrefs())}</>;
}
