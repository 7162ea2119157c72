import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { WebhookSubscriptionsTable } from "../../db/schema.ts";

/** All SQL of webhook subscriptions (the delivery log's is in delivery-repository.ts). */

export type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;
export type SubscriptionView = SubscriptionRow & { nic_handle: string | null };

function viewQuery(db: Database) {
  return db
    .selectFrom("webhook_subscriptions as w")
    .leftJoin("accounts as a", "a.id", "w.account_id")
    .selectAll("w")
    .select("a.nic_handle");
}

export function insertSubscription(db: Database, row: Insertable<WebhookSubscriptionsTable>) {
  return db
    .insertInto("webhook_subscriptions")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** A subscription that is not deleted, with its account's NIC handle. */
export function findSubscription(db: Database, id: string): Promise<SubscriptionView | undefined> {
  return viewQuery(db).where("w.id", "=", id).where("w.deleted_at", "is", null).executeTakeFirst();
}

/** Locks the row (deleted or not) for a command or a delivery's bookkeeping. */
export function lockSubscription(db: Database, id: string): Promise<SubscriptionRow | undefined> {
  return db
    .selectFrom("webhook_subscriptions")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateSubscription(
  db: Database,
  id: string,
  patch: Updateable<WebhookSubscriptionsTable>,
): Promise<void> {
  await db.updateTable("webhook_subscriptions").set(patch).where("id", "=", id).execute();
}

/** Whose subscriptions a list shows: one account's, the global ones, or (staff) every one. */
export type Owner = { accountId: string } | { global: true } | { all: true };

export interface ListParams {
  owner: Owner;
  after: { at: string; id: string } | null;
  limit: number;
}

/** A page of subscriptions, newest first, limit+1 rows. */
export function listSubscriptions(db: Database, params: ListParams) {
  const { owner, after } = params;
  return viewQuery(db)
    .select(
      sql<string>`to_char(w.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        "sort_at",
      ),
    )
    .where("w.deleted_at", "is", null)
    .$if("accountId" in owner, (q) =>
      q.where("w.account_id", "=", (owner as { accountId: string }).accountId),
    )
    .$if("global" in owner, (q) => q.where("w.account_id", "is", null))
    .$if(after !== null, (q) => {
      const { at, id } = after as { at: string; id: string };
      return q.where(sql<boolean>`(w.created_at, w.id) < (${at}::timestamptz, ${id}::uuid)`);
    })
    .orderBy("w.created_at", "desc")
    .orderBy("w.id", "desc")
    .limit(params.limit + 1)
    .execute();
}

/** Subscriptions an owner holds (not deleted), to cap them. */
export async function countSubscriptions(db: Database, accountId: string | null): Promise<number> {
  const row = await db
    .selectFrom("webhook_subscriptions")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("deleted_at", "is", null)
    .where("account_id", accountId === null ? "is" : "=", accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findAccountIdByNic(db: Database, nicHandle: string) {
  return db
    .selectFrom("accounts")
    .select("id")
    .where("nic_handle", "=", nicHandle)
    .executeTakeFirst();
}

/**
 * The active subscriptions that may receive a batch: those of the given accounts and every
 * global one, choosing at least one of the types. One statement per dispatched batch.
 */
export function matchingSubscriptions(db: Database, accountIds: string[], types: string[]) {
  if (types.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("webhook_subscriptions")
    .select(["id", "account_id", "event_types"])
    .where("active", "=", true)
    .where("deleted_at", "is", null)
    .where(sql<boolean>`event_types && ${sql.val(types)}::text[]`)
    .where((eb) =>
      accountIds.length > 0
        ? eb.or([eb("account_id", "is", null), eb("account_id", "in", accountIds)])
        : eb("account_id", "is", null),
    )
    .execute();
}

/** Public messages (customer or agent) by id: the kind filter keeps internal notes out in SQL. */
export function publicMessages(db: Database, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("ticket_messages")
    .select(["id", "kind", "body", "created_at"])
    .where("id", "in", ids)
    .where("kind", "in", ["customer", "agent"])
    .execute();
}

/** Active staff admins: whom a global subscription's disabling is told when its creator left. */
export async function activeStaffAdmins(db: Database): Promise<string[]> {
  const rows = await db
    .selectFrom("staff")
    .select("id")
    .where("role", "=", "admin")
    .where("active", "=", true)
    .execute();
  return rows.map((row) => row.id);
}
