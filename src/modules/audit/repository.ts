import type { Database } from "../../db/database.ts";

/** All SQL of reading the audit log; writing is recorder.ts, inside each command's transaction. */

export interface AuditFilter {
  /** Restricts to entries about these accounts: a customer's own, or the one asked for. */
  accountIds?: string[];
  action?: string;
  subjectKind?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

export function accountIdOfNic(db: Database, nic: string) {
  return db
    .selectFrom("accounts")
    .select("id")
    .where("nic_handle", "=", nic)
    .executeTakeFirst()
    .then((row) => row?.id);
}

/** Newest first by id, one extra row to tell whether more follow. */
export function listAuditRows(db: Database, f: AuditFilter) {
  return db
    .selectFrom("audit_log")
    .leftJoin("accounts", "accounts.id", "audit_log.account_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.actor_kind",
      "audit_log.actor_id",
      "audit_log.actor_label",
      "audit_log.action",
      "audit_log.subject_kind",
      "audit_log.subject_id",
      "audit_log.ip",
      "audit_log.request_id",
      "audit_log.details",
      "accounts.nic_handle",
    ])
    .$if(f.accountIds !== undefined, (q) =>
      q.where("audit_log.account_id", "in", f.accountIds as string[]),
    )
    .$if(f.action !== undefined, (q) => q.where("audit_log.action", "=", f.action as string))
    .$if(f.subjectKind !== undefined, (q) =>
      q.where("audit_log.subject_kind", "=", f.subjectKind as string),
    )
    .$if(f.subjectId !== undefined, (q) =>
      q.where("audit_log.subject_id", "=", f.subjectId as string),
    )
    .$if(f.from !== undefined, (q) => q.where("audit_log.at", ">=", f.from as Date))
    .$if(f.to !== undefined, (q) => q.where("audit_log.at", "<", f.to as Date))
    .$if(f.before !== undefined, (q) => q.where("audit_log.id", "<", f.before as number))
    .orderBy("audit_log.id", "desc")
    .limit(f.limit + 1)
    .execute();
}
export type AuditRow = Awaited<ReturnType<typeof listAuditRows>>[number];
