import type { Selectable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { ApiTokensTable } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { notFound } from "../../http/problem.ts";
import type { Clock } from "../../lib/clock.ts";
import { recordAudit } from "../audit/recorder.ts";
import { insertApiToken } from "./repository.ts";

const DAY_MS = 86_400_000;

function owner(principal: Principal) {
  return principal.kind === "user"
    ? { user_id: principal.userId, staff_id: null }
    : { user_id: null, staff_id: principal.staffId };
}

/** Issues a personal API token; only its hash is stored, the secret is returned once. */
export async function createApiToken(
  db: Database,
  clock: Clock,
  actor: Actor,
  input: { name: string; scope: "read" | "write"; expiresInDays?: number | undefined },
) {
  const expiresAt = new Date(clock.now().getTime() + (input.expiresInDays ?? 90) * DAY_MS);
  return inTransaction(db, async (trx) => {
    const { row, secret } = await insertApiToken(trx, owner(actor.principal), {
      name: input.name,
      scope: input.scope,
      expiresAt,
    });
    await recordAudit(trx, actor, {
      action: "api_token.created",
      subjectKind: "api_token",
      subjectId: row.id,
      accountId: actor.principal.kind === "user" ? actor.principal.accountId : null,
      details: { name: input.name, scope: input.scope },
    });
    return { row, secret };
  });
}

export function listApiTokens(db: Database, principal: Principal) {
  const ids = owner(principal);
  return db
    .selectFrom("api_tokens")
    .selectAll()
    .$if(ids.user_id !== null, (q) => q.where("user_id", "=", ids.user_id as string))
    .$if(ids.staff_id !== null, (q) => q.where("staff_id", "=", ids.staff_id as string))
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
}

/** Revokes one of the caller's own tokens; someone else's token id is simply not found. */
export async function revokeApiToken(db: Database, clock: Clock, actor: Actor, id: string) {
  const ids = owner(actor.principal);
  await inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable("api_tokens")
      .set({ revoked_at: clock.now() })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .$if(ids.user_id !== null, (q) => q.where("user_id", "=", ids.user_id as string))
      .$if(ids.staff_id !== null, (q) => q.where("staff_id", "=", ids.staff_id as string))
      .returning("id")
      .executeTakeFirst();
    if (!row) throw notFound("API token");
    await recordAudit(trx, actor, {
      action: "api_token.revoked",
      subjectKind: "api_token",
      subjectId: id,
      accountId: actor.principal.kind === "user" ? actor.principal.accountId : null,
    });
  });
}

type TokenRow = Selectable<ApiTokensTable>;

export function presentToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
