import type { Selectable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { FastPathSubscriptionsTable } from "../../db/schema.ts";

/** SQL of Fast-Path subscriptions and of the tickets that count as their uses. */

export type FastPathRow = Selectable<FastPathSubscriptionsTable>;

/** The subscription active at `at`; locked when asked, so quota checks serialise on it. */
export function activeFastPath(
  db: Database,
  accountId: string,
  at: Date,
  forUpdate = false,
): Promise<FastPathRow | undefined> {
  return db
    .selectFrom("fast_path_subscriptions")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("starts_at", "<=", at)
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", at)]))
    .orderBy("starts_at", "desc")
    .limit(1)
    .$if(forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();
}

export async function insertFastPath(
  db: Database,
  row: { accountId: string; priceCents: number; currency: string; yearlyQuota: number; now: Date },
): Promise<void> {
  await db
    .insertInto("fast_path_subscriptions")
    .values({
      account_id: row.accountId,
      price_cents: row.priceCents,
      currency: row.currency,
      yearly_quota: row.yearlyQuota,
      starts_at: row.now,
      ends_at: null,
      created_at: row.now,
    })
    .execute();
}

export async function endFastPath(db: Database, id: string, at: Date): Promise<void> {
  await db
    .updateTable("fast_path_subscriptions")
    .set({ ends_at: at })
    .where("id", "=", id)
    .execute();
}

/** Fast-Path tickets the account opened in [from, to). */
export async function countFastPathUses(
  db: Database,
  accountId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const row = await db
    .selectFrom("tickets")
    .select((eb) => eb.fn.countAll<number>().as("uses"))
    .where("account_id", "=", accountId)
    .where("fast_path", "=", true)
    .where("created_at", ">=", from)
    .where("created_at", "<", to)
    .executeTakeFirstOrThrow();
  return Number(row.uses);
}
