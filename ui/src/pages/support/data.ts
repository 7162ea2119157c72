import { api, type Schemas } from "../../api/client.ts";

export type Offer = Schemas["SupportOffer"];
export const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
export type Universe = (typeof UNIVERSES)[number];

export function fetchSubscriptions(nic: string) {
  return api.GET("/api/v1/accounts/{nic}/subscriptions", { params: { path: { nic } } });
}
export type Subscription = NonNullable<
  Awaited<ReturnType<typeof fetchSubscriptions>>["data"]
>["items"][number];

export function fetchOffers() {
  return api.GET("/api/v1/support/offers");
}

export function changeLevel(nic: string, universe: Universe, level: Offer["level"]) {
  return api.PUT("/api/v1/accounts/{nic}/subscriptions/{universe}", {
    params: { path: { nic, universe } },
    body: { level },
  });
}
export type Change = NonNullable<Awaited<ReturnType<typeof changeLevel>>["data"]>;

/** Offers a given account may choose: partner levels are for commercial partners only. */
export function offersFor(offers: Offer[], universe: Universe, programme: string): Offer[] {
  return offers
    .filter((offer) => offer.universe === universe && offer.active)
    .filter((offer) => offer.audience === "all" || programme === "commercial-partner")
    .sort((a, b) => a.levelRank - b.levelRank);
}

export function formatPrice(offer: Offer, locale: string, t: (key: "support.priceFree") => string) {
  const money = (cents: number) =>
    new Intl.NumberFormat(locale, { style: "currency", currency: offer.currency }).format(
      cents / 100,
    );
  if (offer.priceModel === "percent") {
    const percent = new Intl.NumberFormat(locale, { style: "percent" }).format(
      (offer.pricePercent ?? 0) / 100,
    );
    return { kind: "percent" as const, percent, minimum: money(offer.priceMinimumCents) };
  }
  if (offer.priceCents === 0) return { kind: "free" as const, text: t("support.priceFree") };
  return { kind: "flat" as const, amount: money(offer.priceCents) };
}
