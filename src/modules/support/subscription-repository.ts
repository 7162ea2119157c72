import { type Expression, type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { SubscriptionsTable, Universe, WeeklyHours } from "../../db/schema.ts";

/** SQL of subscriptions. A row is in force from starts_at (inclusive) to ends_at (exclusive). */

export type SubscriptionRow = Selectable<SubscriptionsTable>;

export interface AccountRef {
  id: string;
  nic_handle: string;
  region: string;
  programme: "direct" | "technical-partner" | "commercial-partner";
  /** YYYY-MM-DD, read as text so no time zone shifts the day. */
  certified_at: string | null;
  /** The business calendar of the account's region (null until calendars are assigned). */
  region_calendar: string | null;
}

/** The content of a business calendar, as `compileCalendar` needs it. */
export interface CalendarContent {
  time_zone: string;
  weekly_hours: WeeklyHours;
  holidays: string[];
}

/** An account as entitlement reads it: with its region's calendar code and content. */
export type AccountWithCalendar = AccountRef & { calendar_content: CalendarContent | null };

/**
 * One account as a JSON value, with the content of the calendar its business-hours support
 * follows (its region's calendar, else the calendar named like the region). Ticket creation
 * needs both, and embeds this in the query of the account's level (`termsQuery`), itself read
 * with the ticket's service, to save round trips; the calendar is read, never cached, so an
 * edit applies to the next ticket.
 */
export function accountWithCalendar(accountId: string | Expression<string>) {
  return sql<AccountWithCalendar | null>`(
    select jsonb_build_object(
      'id', a.id, 'nic_handle', a.nic_handle, 'region', a.region, 'programme', a.programme,
      'certified_at', a.certified_at::text, 'region_calendar', r.calendar,
      'calendar_content', (
        select jsonb_build_object('time_zone', c.time_zone, 'weekly_hours', c.weekly_hours,
          'holidays', c.holidays)
        from business_calendars c where c.code = coalesce(r.calendar, a.region)))
    from accounts a left join regions r on r.code = a.region
    where a.id = ${accountId})`;
}

export async function findAccountWithCalendar(
  db: Database,
  id: string,
): Promise<AccountWithCalendar | undefined> {
  const row = await db
    .selectNoFrom(accountWithCalendar(id).as("account"))
    .executeTakeFirstOrThrow();
  return row.account ?? undefined;
}

export function findAccount(
  db: Database,
  by: { id: string } | { nic: string },
  forUpdate = false,
): Promise<AccountRef | undefined> {
  return (
    db
      .selectFrom("accounts")
      .select(["id", "nic_handle", "region", "programme"])
      .select(sql<string | null>`certified_at::text`.as("certified_at"))
      // A scalar subquery rather than a join, so FOR UPDATE locks the account row only.
      .select(
        sql<string | null>`(select r.calendar from regions r where r.code = accounts.region)`.as(
          "region_calendar",
        ),
      )
      .$if("id" in by, (q) => q.where("id", "=", (by as { id: string }).id))
      .$if("nic" in by, (q) => q.where("nic_handle", "=", (by as { nic: string }).nic))
      .$if(forUpdate, (q) => q.forUpdate())
      .executeTakeFirst()
  );
}

export function subscriptionInForce(
  db: Database,
  accountId: string,
  universe: Universe,
  at: Date,
): Promise<SubscriptionRow | undefined> {
  return db
    .selectFrom("subscriptions")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("universe", "=", universe)
    .where("starts_at", "<=", at)
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", at)]))
    .orderBy("starts_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The change scheduled after `at` (a downgrade waiting for the month's end), if any. */
export function pendingSubscription(
  db: Database,
  accountId: string,
  universe: Universe,
  at: Date,
): Promise<SubscriptionRow | undefined> {
  return db
    .selectFrom("subscriptions")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("universe", "=", universe)
    .where("starts_at", ">", at)
    .orderBy("starts_at")
    .limit(1)
    .executeTakeFirst();
}

/** Rows that have started by `at`, newest first, after the (starts_at, id) cursor. */
export function subscriptionHistory(
  db: Database,
  accountId: string,
  universe: Universe,
  at: Date,
  page: { limit: number; after: { startsAt: Date; id: string } | null },
) {
  return db
    .selectFrom("subscriptions as s")
    .innerJoin("offers as o", "o.id", "s.offer_id")
    .select(["s.id", "s.offer_id", "s.starts_at", "s.ends_at", "o.level"])
    .where("s.account_id", "=", accountId)
    .where("s.universe", "=", universe)
    .where("s.starts_at", "<=", at)
    .$if(page.after !== null, (q) => {
      const after = page.after as { startsAt: Date; id: string };
      return q.where((eb) =>
        eb.or([
          eb("s.starts_at", "<", after.startsAt),
          eb.and([eb("s.starts_at", "=", after.startsAt), eb("s.id", "<", after.id)]),
        ]),
      );
    })
    .orderBy("s.starts_at", "desc")
    .orderBy("s.id", "desc")
    .limit(page.limit + 1)
    .execute();
}

export async function insertSubscription(
  db: Database,
  row: { accountId: string; universe: Universe; offerId: string; startsAt: Date; now: Date },
): Promise<string> {
  const inserted = await db
    .insertInto("subscriptions")
    .values({
      account_id: row.accountId,
      universe: row.universe,
      offer_id: row.offerId,
      starts_at: row.startsAt,
      ends_at: null,
      created_at: row.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function setSubscriptionEnd(db: Database, id: string, endsAt: Date | null) {
  await db.updateTable("subscriptions").set({ ends_at: endsAt }).where("id", "=", id).execute();
}

/** A scheduled change that never took effect is withdrawn; history holds only started rows. */
export async function deleteSubscription(db: Database, id: string) {
  await db.deleteFrom("subscriptions").where("id", "=", id).execute();
}
