import { type Expression, sql } from "kysely";
import { compiledQuery } from "../../db/compiled.ts";
import type { Database } from "../../db/database.ts";
import type { Universe } from "../../db/schema.ts";
import { type OfferRow, offersIn } from "./repository.ts";
import {
  type AccountWithCalendar,
  accountWithCalendar,
  type SubscriptionRow,
} from "./subscription-repository.ts";

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

/** A value, or a column of an enclosing query (see `termsQuery`). */
type Operand<T> = T | Expression<T>;

/** The query of `levelInForce`: the subscribed offer first, else the lowest default. */
function levelQuery(
  db: Database,
  accountId: Operand<string>,
  universe: Operand<Universe>,
  at: Operand<Date>,
) {
  return db
    .selectFrom("offers as o")
    .innerJoin("support_levels as l", "l.code", "o.level")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("subscriptions")
          .selectAll()
          .where("account_id", "=", accountId)
          .where("universe", "=", universe)
          .where("starts_at", "<=", at)
          .where((w) => w.or([w("ends_at", "is", null), w("ends_at", ">", at)]))
          .orderBy("starts_at", "desc")
          .limit(1)
          .as("sub"),
      (join) => join.onTrue(),
    )
    .selectAll("o")
    .select([
      "l.rank",
      "l.name as level_name",
      "sub.id as sub_id",
      "sub.offer_id as sub_offer_id",
      "sub.starts_at as sub_starts_at",
      "sub.ends_at as sub_ends_at",
      "sub.created_at as sub_created_at",
    ])
    .where("o.universe", "=", universe)
    .where((w) =>
      w.or([
        w("o.id", "=", w.ref("sub.offer_id")),
        w.and([w("sub.id", "is", null), w("o.audience", "=", "all"), w("o.active", "=", true)]),
      ]),
    )
    .orderBy(sql`sub.id is null`)
    .orderBy("l.rank")
    .limit(1);
}

type LevelRow = NonNullable<Awaited<ReturnType<ReturnType<typeof levelQuery>["executeTakeFirst"]>>>;

/**
 * The query of `termsInForce`: an account's level in a universe with the account and its
 * calendar. The account and universe may be columns of an enclosing query, so ticket creation
 * reads a service and its admin's terms in one round trip.
 */
export function termsQuery(
  db: Database,
  accountId: Operand<string>,
  universe: Operand<Universe>,
  at: Operand<Date>,
) {
  return levelQuery(db, accountId, universe, at).select(
    accountWithCalendar(accountId).as("account"),
  );
}

/** A row of `termsQuery`. */
export type TermsRow = LevelRow & { account: AccountWithCalendar | null };

/** An account's level in force with the account itself, as entitlement reads them. */
export type TermsInForce = LevelInForce & { account: AccountWithCalendar };

// Ticket creation asks these once or twice per ticket: compiled once (see compiledQuery).
const levelRows = compiledQuery(3, (db, accountId: string, universe: Universe, at: Date) =>
  levelQuery(db, accountId, universe, at),
);
const termsRows = compiledQuery(3, (db, accountId: string, universe: Universe, at: Date) =>
  termsQuery(db, accountId, universe, at),
);

function levelOf(row: LevelRow, accountId: string, universe: Universe): LevelInForce {
  const { sub_id, sub_offer_id, sub_starts_at, sub_ends_at, sub_created_at, ...offer } = row;
  // new Date(): the row may come as JSON (see termsQuery), where instants are strings.
  const subscription =
    sub_id && sub_offer_id && sub_starts_at && sub_created_at
      ? {
          id: sub_id,
          account_id: accountId,
          universe,
          offer_id: sub_offer_id,
          starts_at: new Date(sub_starts_at),
          ends_at: sub_ends_at ? new Date(sub_ends_at) : null,
          created_at: new Date(sub_created_at),
        }
      : null;
  return { offer: offer as OfferRow, subscription };
}

/** The terms in a row of `termsQuery`, or undefined when the account does not exist. */
export function termsOf(
  row: TermsRow,
  accountId: string,
  universe: Universe,
): TermsInForce | undefined {
  const { account, ...level } = row;
  return account ? { ...levelOf(level, accountId, universe), account } : undefined;
}

/**
 * The offer an account holds in a universe at an instant: its subscription's, else the default
 * (the lowest rank sold to everyone). One query, since ticket creation asks it once or twice.
 */
export async function levelInForce(
  db: Database,
  accountId: string,
  universe: Universe,
  at: Date,
): Promise<LevelInForce> {
  const [row] = await levelRows(db, accountId, universe, at);
  if (!row) return { offer: await defaultOffer(db, universe), subscription: null };
  return levelOf(row, accountId, universe);
}

/**
 * `levelInForce` with the account itself and its calendar (see `accountWithCalendar`), in the
 * same round trip: what ticket creation needs of the subscriber. Undefined without the account.
 */
export async function termsInForce(
  db: Database,
  accountId: string,
  universe: Universe,
  at: Date,
): Promise<TermsInForce | undefined> {
  const [row] = await termsRows(db, accountId, universe, at);
  if (!row) {
    const level = { offer: await defaultOffer(db, universe), subscription: null };
    const alone = await db
      .selectNoFrom(accountWithCalendar(accountId).as("account"))
      .executeTakeFirstOrThrow();
    return alone.account ? { ...level, account: alone.account } : undefined;
  }
  return termsOf(row, accountId, universe);
}
