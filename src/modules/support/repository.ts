import type { Selectable, Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { OffersTable, Translations, Universe } from "../../db/schema.ts";

/** SQL of levels and offers. Offers always come with their level's rank and names. */

export type OfferRow = Selectable<OffersTable> & { rank: number; level_name: Translations };

function offers(db: Database) {
  return db
    .selectFrom("offers as o")
    .innerJoin("support_levels as l", "l.code", "o.level")
    .innerJoin("universes as u", "u.code", "o.universe")
    .selectAll("o")
    .select(["l.rank", "l.name as level_name"]);
}

export function listLevels(db: Database) {
  return db.selectFrom("support_levels").selectAll().orderBy("rank").execute();
}

/** Universe of each active offer per level, in universe order, for the levels list. */
export function offeredUniverses(db: Database) {
  return db
    .selectFrom("offers as o")
    .innerJoin("universes as u", "u.code", "o.universe")
    .select(["o.level", "o.universe"])
    .where("o.active", "=", true)
    .orderBy("u.position")
    .execute();
}

export function listOffers(db: Database, filter: { universe?: Universe | undefined }) {
  return offers(db)
    .$if(filter.universe !== undefined, (q) =>
      q.where("o.universe", "=", filter.universe as Universe),
    )
    .orderBy("u.position")
    .orderBy("l.rank")
    .execute() as Promise<OfferRow[]>;
}

export function findOffer(db: Database, id: string, forUpdate = false) {
  return offers(db)
    .where("o.id", "=", id)
    .$if(forUpdate, (q) => q.forUpdate("o"))
    .executeTakeFirst() as Promise<OfferRow | undefined>;
}

/** Active offers of a universe, lowest rank first; `all` leaves out the partner offer. */
export function offersIn(db: Database, universe: Universe, audience: "all" | "any") {
  return offers(db)
    .where("o.universe", "=", universe)
    .where("o.active", "=", true)
    .$if(audience === "all", (q) => q.where("o.audience", "=", "all"))
    .orderBy("l.rank")
    .execute() as Promise<OfferRow[]>;
}

export async function updateOffer(db: Database, id: string, patch: Updateable<OffersTable>) {
  await db.updateTable("offers").set(patch).where("id", "=", id).execute();
}

export async function hasPartnerProgramme(
  db: Database,
  accountId: string,
  universe: Universe,
): Promise<boolean> {
  const row = await db
    .selectFrom("partner_programmes as p")
    .innerJoin("accounts as a", "a.id", "p.account_id")
    .select("p.account_id")
    .where("p.account_id", "=", accountId)
    .where("p.universe", "=", universe)
    .where("a.programme", "=", "commercial-partner")
    .executeTakeFirst();
  return row !== undefined;
}
