import { type Insertable, type SelectQueryBuilder, sql, type Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { ContactChangeState, ContactChangesTable, ContactRole, DB } from "../../db/schema.ts";

/** All SQL of contact changes, including the contact switch on the service they end with. */

export const OPEN_STATES: ContactChangeState[] = ["todo", "validating"];

const roleColumn = {
  admin: "admin_account_id",
  tech: "tech_account_id",
  billing: "billing_account_id",
} as const;

/** A task with what policy and presenters need: service, universe, NIC handles, requester. */
function changeView(db: Database) {
  return db
    .selectFrom("contact_changes as cc")
    .innerJoin("services as s", "s.id", "cc.service_id")
    .innerJoin("products as p", "p.code", "s.product")
    .innerJoin("accounts as fa", "fa.id", "cc.from_account_id")
    .innerJoin("accounts as ta", "ta.id", "cc.to_account_id")
    .leftJoin("users as ru", "ru.id", "cc.requested_by_user_id")
    .leftJoin("accounts as ra", "ra.id", "ru.account_id")
    .select([
      "cc.id",
      "cc.role",
      "cc.state",
      "cc.from_account_id",
      "cc.to_account_id",
      "cc.from_decision",
      "cc.from_decided_at",
      "cc.to_decision",
      "cc.to_decided_at",
      "cc.requested_by_user_id",
      "cc.requested_by_staff_id",
      "cc.created_at",
      "cc.expires_at",
      "cc.closed_at",
      "s.name as service_name",
      "s.admin_account_id",
      "s.tech_account_id",
      "s.billing_account_id",
      "p.universe",
      "fa.nic_handle as from_nic",
      "ta.nic_handle as to_nic",
      "ru.account_id as requester_account_id",
      "ra.nic_handle as requester_nic",
      // Full microsecond precision, so keyset cursors never skip rows created in one millisecond.
      sql<string>`to_char(cc.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        "sort_at",
      ),
    ]);
}

export function findChangeView(db: Database, id: string) {
  return changeView(db).where("cc.id", "=", id).executeTakeFirst();
}
export type ChangeView = NonNullable<Awaited<ReturnType<typeof findChangeView>>>;

export interface ChangeListParams {
  after: { at: string; id: string } | null;
  limit: number;
  state?: ContactChangeState | undefined;
}

type ChangeQuery<O> = SelectQueryBuilder<DB & { cc: ContactChangesTable }, "cc", O>;

function paged<O>(query: ChangeQuery<O>, params: ChangeListParams): ChangeQuery<O> {
  const { after } = params;
  return query
    .$if(params.state !== undefined, (q) =>
      q.where("cc.state", "=", params.state as ContactChangeState),
    )
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb(
          eb.refTuple("cc.created_at", "cc.id"),
          "<",
          eb.tuple(sql<Date>`${after?.at}::timestamptz`, sql<string>`${after?.id}::uuid`),
        ),
      ),
    )
    .orderBy("cc.created_at", "desc")
    .orderBy("cc.id", "desc")
    .limit(params.limit + 1);
}

/** Tasks where the account gives or receives, newest first; each side walks its own index. */
export async function listChangesOfAccount(
  db: Database,
  accountId: string,
  params: ChangeListParams,
) {
  const side = (column: "cc.from_account_id" | "cc.to_account_id") =>
    db
      .selectFrom(
        paged(
          db.selectFrom("contact_changes as cc").select("cc.id").where(column, "=", accountId),
          params,
        ).as(column === "cc.from_account_id" ? "giving" : "receiving"),
      )
      .select("id");
  const ids = side("cc.from_account_id").union(side("cc.to_account_id"));
  return paged(changeView(db).where("cc.id", "in", ids), params).execute();
}

export function listChangesOfService(db: Database, serviceId: string, params: ChangeListParams) {
  return paged(changeView(db).where("cc.service_id", "=", serviceId), params).execute();
}

/** Every task staff may see: all of them, or those of services in the given universes. */
export function listChangesForStaff(
  db: Database,
  universes: string[] | null,
  params: ChangeListParams,
) {
  return paged(
    changeView(db).$if(universes !== null, (q) =>
      q.where("p.universe", "in", universes as DB["products"]["universe"][]),
    ),
    params,
  ).execute();
}

export function findAccountByNic(db: Database, nic: string) {
  return db
    .selectFrom("accounts")
    .select(["id", "nic_handle", "region"])
    .where("nic_handle", "=", nic)
    .executeTakeFirst();
}

export function findAccountById(db: Database, id: string) {
  return db
    .selectFrom("accounts")
    .select(["id", "nic_handle", "region"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

/** Locks the service row so two requests on one service are checked one after the other. */
export function lockServiceContacts(db: Database, serviceId: string) {
  return db
    .selectFrom("services")
    .select(["id", "name", "admin_account_id", "tech_account_id", "billing_account_id"])
    .where("id", "=", serviceId)
    .forUpdate()
    .executeTakeFirst();
}

export function findOpenChange(db: Database, serviceId: string, role: ContactRole) {
  return db
    .selectFrom("contact_changes")
    .select("id")
    .where("service_id", "=", serviceId)
    .where("role", "=", role)
    .where("state", "in", OPEN_STATES)
    .executeTakeFirst();
}

export function insertChange(db: Database, row: Insertable<ContactChangesTable>) {
  return db.insertInto("contact_changes").values(row).returningAll().executeTakeFirstOrThrow();
}

/** The task row, locked until the transaction ends, so concurrent decisions run one by one. */
export function lockChange(db: Database, id: string) {
  return db
    .selectFrom("contact_changes")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}
export type ChangeRow = NonNullable<Awaited<ReturnType<typeof lockChange>>>;

export async function updateChange(
  db: Database,
  id: string,
  patch: Updateable<ContactChangesTable>,
): Promise<void> {
  await db.updateTable("contact_changes").set(patch).where("id", "=", id).execute();
}

/** Hands the role to the receiving account; false if the giving account no longer holds it. */
export async function switchServiceContact(
  db: Database,
  change: Pick<ChangeRow, "service_id" | "role" | "from_account_id" | "to_account_id">,
): Promise<boolean> {
  const column = roleColumn[change.role];
  const result = await db
    .updateTable("services")
    .set({ [column]: change.to_account_id })
    .where("id", "=", change.service_id)
    .where(column, "=", change.from_account_id)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Closes up to `batch` overdue open tasks as expired, skipping rows another process holds. */
export function expireOverdue(db: Database, now: Date, batch: number) {
  const overdue = db
    .selectFrom("contact_changes")
    .select("id")
    .where("state", "in", OPEN_STATES)
    .where("expires_at", "<=", now)
    .orderBy("expires_at")
    .limit(batch)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable("contact_changes")
    .set({ state: "expired", closed_at: now })
    .where("id", "in", overdue)
    .where("state", "in", OPEN_STATES)
    .returningAll()
    .execute();
}
