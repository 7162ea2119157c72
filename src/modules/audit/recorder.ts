import type { Insertable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { AuditLogTable } from "../../db/schema.ts";
import { appendAudit } from "../../db/transaction.ts";
import { type Actor, actorLabel } from "../../http/principal.ts";

export interface AuditEntry {
  action: string;
  subjectKind: string;
  subjectId: string;
  /** The customer account this entry concerns, so its users can read it. */
  accountId?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one audit entry; call it with the command's transaction so both commit together. */
export async function recordAudit(
  trx: Database,
  actor: Actor | null,
  entry: AuditEntry,
): Promise<void> {
  await recordAudits(trx, actor, [entry]);
}

/** Writes several entries of one actor in one statement (one per account a change concerns). */
export async function recordAudits(
  trx: Database,
  actor: Actor | null,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await appendAudit(trx, auditRows(actor, entries));
}

/** The rows `recordAudits` writes, for statements that insert them themselves. */
export function auditRows(actor: Actor | null, entries: AuditEntry[]): Insertable<AuditLogTable>[] {
  const p = actor?.principal;
  return entries.map((entry) => ({
    actor_kind: p ? p.kind : "system",
    actor_id: p ? (p.kind === "user" ? p.userId : p.staffId) : null,
    actor_label: p ? actorLabel(p) : "system",
    account_id: entry.accountId ?? null,
    action: entry.action,
    subject_kind: entry.subjectKind,
    subject_id: entry.subjectId,
    ip: actor?.ip ?? null,
    request_id: actor?.requestId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  }));
}
