import type { Database } from "../../db/database.ts";
import type { Principal } from "../../http/principal.ts";

/** All SQL of sign-in, sessions and API tokens. */
export function findUserByEmail(db: Database, email: string) {
  return db
    .selectFrom("users")
    .innerJoin("accounts", "accounts.id", "users.account_id")
    .select([
      "users.id",
      "users.email",
      "users.name",
      "users.password_hash",
      "users.language",
      "users.time_zone",
      "accounts.id as account_id",
      "accounts.nic_handle",
      "accounts.region",
    ])
    .where((eb) => eb(eb.fn("lower", ["users.email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
}

export function findStaffByEmail(db: Database, email: string) {
  return db
    .selectFrom("staff")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .where("active", "=", true)
    .executeTakeFirst();
}

export async function insertSession(
  db: Database,
  row: {
    token_hash: string;
    csrf_token: string;
    user_id: string | null;
    staff_id: string | null;
    ip: string | null;
    user_agent: string | null;
    expires_at: Date;
  },
): Promise<string> {
  const inserted = await db
    .insertInto("sessions")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export function findSession(db: Database, tokenHash: string, now: Date) {
  return db
    .selectFrom("sessions")
    .select(["id", "user_id", "staff_id", "csrf_token"])
    .where("token_hash", "=", tokenHash)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export function findApiToken(db: Database, tokenHash: string, now: Date) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "user_id", "staff_id", "scope"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function touchApiToken(db: Database, id: string, now: Date): Promise<void> {
  // Only written once a minute per token, so a busy script does not turn reads into writes.
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: now })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("last_used_at", "is", null),
        eb("last_used_at", "<", new Date(now.getTime() - 60_000)),
      ]),
    )
    .execute();
}

/** Loads the principal behind a user or staff id. */
export async function loadPrincipal(
  db: Database,
  ids: { user_id: string | null; staff_id: string | null },
): Promise<Principal | null> {
  if (ids.user_id) {
    const row = await db
      .selectFrom("users")
      .innerJoin("accounts", "accounts.id", "users.account_id")
      .select([
        "users.id",
        "users.email",
        "users.name",
        "users.language",
        "accounts.id as account_id",
        "accounts.nic_handle",
        "accounts.region",
      ])
      .where("users.id", "=", ids.user_id)
      .executeTakeFirst();
    if (!row) return null;
    return {
      kind: "user",
      userId: row.id,
      email: row.email,
      name: row.name,
      language: row.language,
      accountId: row.account_id,
      nicHandle: row.nic_handle,
      region: row.region,
    };
  }
  if (ids.staff_id) {
    const row = await db
      .selectFrom("staff")
      .selectAll()
      .where("id", "=", ids.staff_id)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!row) return null;
    return {
      kind: "staff",
      staffId: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      tier: row.tier,
      universes: row.universes,
      region: row.region,
    };
  }
  return null;
}
