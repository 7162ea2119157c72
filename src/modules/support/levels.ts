import type { Database } from "../../db/database.ts";
import type { Universe } from "../../db/schema.ts";
import { findOffer, type OfferRow, offersIn } from "./repository.ts";
import { type SubscriptionRow, subscriptionInForce } from "./subscription-repository.ts";

export interface LevelInForce {
  offer: OfferRow;
  /** The subscription row, or null when the account holds the universe's default level. */
  subscription: SubscriptionRow | null;
}

/** The universe's default: its lowest level sold to everyone. */
export async function defaultOffer(db: Database, universe: Universe): Promise<OfferRow> {
  const [lowest] = await offersIn(db, universe, "all");
  if (!lowest) throw new Error(`no support offer is seeded for universe ${universe}`);
  return lowest;
}

/** The offer an account holds in a universe at an instant: its subscription, else the default. */
export async function levelInForce(
  db: Database,
  accountId: string,
  universe: Universe,
  at: Date,
): Promise<LevelInForce> {
  const subscription = await subscriptionInForce(db, accountId, universe, at);
  if (subscription) {
    const offer = await findOffer(db, subscription.offer_id);
    if (offer) return { offer, subscription };
  }
  return { offer: await defaultOffer(db, universe), subscription: null };
}
