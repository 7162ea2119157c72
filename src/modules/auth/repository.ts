import { compiledQuery } from "../../db/compiled.ts";
import type { Database } from "../../db/database.ts";
import type { Language, StaffRole, StaffTier } from "../../db/schema.ts";
import type { Principal } from "../../http/principal.ts";
import { hashSecret, newSecret } from "../../lib/crypto.ts";

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

/** Columns of the owner (user and account, or staff) of a token or session, in one row. */
const ownerColumns = [
  "u.id as u_id",
  "u.email as u_email",
  "u.name as u_name",
  "u.language as u_language",
  "a.id as a_id",
  "a.nic_handle as a_nic",
  "a.region as a_region",
  "st.id as st_id",
  "st.email as st_email",
  "st.name as st_name",
  "st.role as st_role",
  "st.tier as st_tier",
  "st.universes as st_universes",
  "st.region as st_region",
] as const;

type OwnerRow = {
  u_id: string | null;
  u_email: string | null;
  u_name: string | null;
  u_language: Language | null;
  a_id: string | null;
  a_nic: string | null;
  a_region: string | null;
  st_id: string | null;
  st_email: string | null;
  st_name: string | null;
  st_role: StaffRole | null;
  st_tier: StaffTier | null;
  st_universes: string[] | null;
  st_region: string | null;
};

function principalFromRow(row: OwnerRow): Principal | null {
  if (row.u_id && row.a_id) {
    return {
      kind: "user",
      userId: row.u_id,
      email: row.u_email ?? "",
      name: row.u_name ?? "",
      language: row.u_language ?? "en",
      accountId: row.a_id,
      nicHandle: row.a_nic ?? "",
      region: row.a_region ?? "",
    };
  }
  if (row.st_id && row.st_role && row.st_tier) {
    return {
      kind: "staff",
      staffId: row.st_id,
      email: row.st_email ?? "",
      name: row.st_name ?? "",
      role: row.st_role,
      tier: row.st_tier,
      universes: row.st_universes ?? [],
      region: row.st_region ?? "",
    };
  }
  return null;
}

/**
 * A live API token and its owner in one round trip: this runs on every API call, so it avoids
 * the separate token, user and account look-ups. Inactive staff yield no principal.
 */
export async function findTokenPrincipal(db: Database, tokenHash: string, now: Date) {
  const [row] = await tokenOwner(db, tokenHash, now);
  if (!row) return undefined;
  return {
    token: { id: row.id, scope: row.scope, lastUsedAt: row.last_used_at },
    principal: principalFromRow(row as OwnerRow),
  };
}

// Every API call reads its token or session: compiled once (see compiledQuery).
const tokenOwner = compiledQuery(2, (db, tokenHash: string, now: Date) =>
  db
    .selectFrom("api_tokens as t")
    .leftJoin("users as u", "u.id", "t.user_id")
    .leftJoin("accounts as a", "a.id", "u.account_id")
    .leftJoin("staff as st", (join) =>
      join.onRef("st.id", "=", "t.staff_id").on("st.active", "=", true),
    )
    .select(["t.id", "t.scope", "t.last_used_at", ...ownerColumns])
    .where("t.token_hash", "=", tokenHash)
    .where("t.revoked_at", "is", null)
    .where("t.expires_at", ">", now),
);

const sessionOwner = compiledQuery(2, (db, tokenHash: string, now: Date) =>
  db
    .selectFrom("sessions as se")
    .leftJoin("users as u", "u.id", "se.user_id")
    .leftJoin("accounts as a", "a.id", "u.account_id")
    .leftJoin("staff as st", (join) =>
      join.onRef("st.id", "=", "se.staff_id").on("st.active", "=", true),
    )
    .select(["se.id", "se.csrf_token", ...ownerColumns])
    .where("se.token_hash", "=", tokenHash)
    .where("se.expires_at", ">", now),
);

/** A live session and its owner in one round trip. */
export async function findSessionPrincipal(db: Database, tokenHash: string, now: Date) {
  const [row] = await sessionOwner(db, tokenHash, now);
  if (!row) return undefined;
  return {
    session: { id: row.id, csrfToken: row.csrf_token },
    principal: principalFromRow(row as OwnerRow),
  };
}

export interface TokenOwner {
  user_id: string | null;
  staff_id: string | null;
}

/**
 * Stores a new API token for its owner and returns the row with the secret, which exists
 * nowhere else: only its SHA-256 and a short prefix are kept.
 */
export async function insertApiToken(
  db: Database,
  owner: TokenOwner,
  token: { name: string; scope: "read" | "write"; expiresAt: Date },
) {
  const secret = `pal_${newSecret(32)}`;
  const row = await db
    .insertInto("api_tokens")
    .values({
      ...owner,
      token_hash: hashSecret(secret),
      prefix: secret.slice(0, 10),
      name: token.name,
      scope: token.scope,
      expires_at: token.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, secret };
}

/** The language and time zone the signed-in person chose (users always have both). */
export function findPreferences(db: Database, principal: Principal) {
  if (principal.kind === "user") {
    return db
      .selectFrom("users")
      .select(["language", "time_zone", "preferences_saved_at"])
      .where("id", "=", principal.userId)
      .executeTakeFirstOrThrow();
  }
  return db
    .selectFrom("staff")
    .select(["language", "time_zone", "preferences_saved_at"])
    .where("id", "=", principal.staffId)
    .executeTakeFirstOrThrow();
}

/** Stores the given preferences and when they were saved. */
export async function savePreferences(
  db: Database,
  principal: Principal,
  patch: { language?: Language; time_zone?: string; preferences_saved_at: Date },
): Promise<void> {
  if (principal.kind === "user") {
    await db.updateTable("users").set(patch).where("id", "=", principal.userId).execute();
  } else {
    await db.updateTable("staff").set(patch).where("id", "=", principal.staffId).execute();
  }
}
