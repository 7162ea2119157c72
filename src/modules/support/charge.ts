import type { Universe } from "../../db/schema.ts";
import type { AppContext } from "../../http/context.ts";
import type { Principal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import type { ChargeQuery } from "./account-schemas.ts";
import { levelInForce } from "./levels.ts";
import { loadAccount } from "./subscriptions.ts";
import { monthStart } from "./time.ts";

/** The month's price of an offer; no payment happens here, the figure goes to billing. */

export interface PriceModel {
  price_model: "flat" | "percent";
  price_cents: number;
  price_percent: string | null;
  price_minimum_cents: number;
}

/**
 * Flat offers cost their monthly price. Percent offers cost the share of the month's spend,
 * rounded half up to the cent, and never less than the minimum. BigInt keeps large spends exact.
 */
export function monthlyChargeCents(offer: PriceModel, spendCents: number): number {
  if (offer.price_model === "flat") return offer.price_cents;
  const hundredths = BigInt(Math.round(Number(offer.price_percent ?? 0) * 100));
  const share = (BigInt(spendCents) * hundredths + 5_000n) / 10_000n;
  return Math.max(Number(share), offer.price_minimum_cents);
}

/**
 * The charge of one month for an account's level in a universe: the offer in force at 00:00 UTC
 * on the 1st, for the whole month, at the offer's current price. No proration: an upgrade
 * during the month is billed from the next month on, and a downgrade waits for the month's end.
 */
export async function monthlyCharge(
  ctx: AppContext,
  principal: Principal | null,
  nic: string,
  universe: Universe,
  query: ChargeQuery,
) {
  const account = await loadAccount(ctx.db, principal, nic, "charge.read");
  const { offer } = await levelInForce(ctx.db, account.id, universe, monthStart(query.month));
  if (offer.price_model === "percent" && query.spendCents === undefined) {
    const message = `is required: the ${offer.level} level in ${universe} costs a share of the month's spend`;
    throw new AppError("validation_failed", `spendCents ${message}`, [
      { field: "spendCents", in: "query", message },
    ]);
  }
  return {
    nicHandle: account.nic_handle,
    universe,
    month: query.month,
    level: offer.level,
    offerId: offer.id,
    priceModel: offer.price_model,
    pricePercent: offer.price_percent === null ? null : Number(offer.price_percent),
    priceMinimumCents: offer.price_minimum_cents,
    spendCents: query.spendCents ?? null,
    amountCents: monthlyChargeCents(offer, query.spendCents ?? 0),
    currency: offer.currency,
  };
}
