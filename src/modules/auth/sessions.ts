import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Principal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import type { Clock } from "../../lib/clock.ts";
import { hashSecret, newSecret } from "../../lib/crypto.ts";
import { decoyHash, verifyPassword } from "../../lib/passwords.ts";
import { recordAudit } from "../audit/recorder.ts";
import {
  deleteSession,
  findPreferences,
  findStaffByEmail,
  findUserByEmail,
  insertSession,
  loadPrincipal,
} from "./repository.ts";

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/**
 * Checks email and password against customer users, then staff. Unknown emails still cost one
 * argon2 verification, so response time does not reveal which emails exist.
 */
export async function signIn(
  deps: { db: Database; config: Config; clock: Clock },
  credentials: { email: string; password: string },
  meta: RequestMeta,
) {
  const { db, clock, config } = deps;
  const user = await findUserByEmail(db, credentials.email);
  const staff = user ? undefined : await findStaffByEmail(db, credentials.email);
  const hash = user?.password_hash ?? staff?.password_hash ?? (await decoyHash());
  const valid = await verifyPassword(hash, credentials.password);
  if (!valid || (!user && !staff)) {
    await inTransaction(db, (trx) =>
      recordAudit(trx, null, {
        action: "session.sign_in_failed",
        subjectKind: "email",
        subjectId: credentials.email.toLowerCase(),
        accountId: user?.account_id ?? null,
        details: { ip: meta.ip },
      }),
    );
    throw new AppError("invalid_credentials", "Wrong email or password");
  }
  const secret = newSecret(32);
  const csrfToken = newSecret(24);
  const expiresAt = new Date(clock.now().getTime() + config.sessionTtlHours * 3_600_000);
  const ids = { user_id: user?.id ?? null, staff_id: staff?.id ?? null };
  const principal = await inTransaction(db, async (trx) => {
    const sessionId = await insertSession(trx, {
      token_hash: hashSecret(secret),
      csrf_token: csrfToken,
      ...ids,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 512) ?? null,
      expires_at: expiresAt,
    });
    const loaded = await loadPrincipal(trx, ids);
    if (!loaded) throw new AppError("invalid_credentials", "Wrong email or password");
    await recordAudit(
      trx,
      { principal: loaded, ip: meta.ip, requestId: meta.requestId },
      {
        action: "session.signed_in",
        subjectKind: "session",
        subjectId: sessionId,
        accountId: loaded.kind === "user" ? loaded.accountId : null,
      },
    );
    return loaded;
  });
  return { secret, csrfToken, expiresAt, principal };
}

export async function signOut(db: Database, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}

/** The caller as /me shows it. */
export async function describeMe(db: Database, principal: Principal) {
  // Read, not taken from the principal: a PATCH /me in this request may have just changed them.
  const prefs = await findPreferences(db, principal);
  const saved = prefs.preferences_saved_at !== null;
  if (principal.kind === "staff") {
    return {
      kind: "staff" as const,
      id: principal.staffId,
      email: principal.email,
      name: principal.name,
      role: principal.role,
      tier: principal.tier,
      universes: principal.universes,
      region: principal.region,
      language: prefs.language,
      timeZone: prefs.time_zone,
      preferencesSaved: saved,
    };
  }
  const account = await db
    .selectFrom("accounts")
    .select(["nic_handle", "name", "kind", "region", "programme"])
    .where("id", "=", principal.accountId)
    .executeTakeFirstOrThrow();
  return {
    kind: "user" as const,
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    language: prefs.language ?? principal.language,
    timeZone: prefs.time_zone ?? "UTC",
    preferencesSaved: saved,
    account: {
      nicHandle: account.nic_handle,
      name: account.name,
      kind: account.kind,
      region: account.region,
      programme: account.programme,
    },
  };
}
