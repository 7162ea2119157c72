import type { Database } from "../../db/database.ts";
import type { Actor } from "../../http/principal.ts";
import { enqueueAll } from "../../jobs/outbox.ts";
import { recordAudit } from "../audit/recorder.ts";
import { changeNotice } from "./presenter.ts";

/** What audit entries and notifications say about a task. */
export interface ChangeFacts {
  id: string;
  serviceName: string;
  role: string;
  state: string;
  fromAccountId: string;
  toAccountId: string;
  /** The service's admin contact, who owns the service and may read its history. */
  adminAccountId: string;
  fromNic: string;
  toNic: string;
  expiresAt: Date;
}

/**
 * One audit entry per concerned account (giving, receiving, service admin), so each reads the
 * step in its own audit log. Call inside the command's transaction.
 */
export async function auditChange(
  trx: Database,
  actor: Actor | null,
  facts: ChangeFacts,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const accounts = new Set([facts.fromAccountId, facts.toAccountId, facts.adminAccountId]);
  for (const accountId of accounts) {
    await recordAudit(trx, actor, {
      action,
      subjectKind: "contact_change",
      subjectId: facts.id,
      accountId,
      details: {
        service: facts.serviceName,
        role: facts.role,
        state: facts.state,
        from: facts.fromNic,
        to: facts.toNic,
        ...details,
      },
    });
  }
}

/** Tells both sides what happened to the task (done, refused, expired, aborted). */
export async function notifyBothSides(
  trx: Database,
  topic: string,
  facts: ChangeFacts,
): Promise<void> {
  const sides = [
    ["giving", facts.fromAccountId],
    ["receiving", facts.toAccountId],
  ] as const;
  await enqueueAll(
    trx,
    sides.map(([side, accountId]) => ({
      topic,
      recipientAccountId: accountId,
      payload: { ...changeNotice(facts), side },
    })),
  );
}

/** Audits and announces a task the clock closed; the caller has already set it expired. */
export async function announceExpiry(trx: Database, facts: ChangeFacts): Promise<void> {
  const expired = { ...facts, state: "expired" };
  await auditChange(trx, null, expired, "contact_change.expired");
  await notifyBothSides(trx, "contact_change.expired", expired);
}
