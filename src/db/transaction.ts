import type { Insertable } from "kysely";
import type { Database } from "./database.ts";
import { announceOutbox } from "./outbox-signal.ts";
import type { AuditLogTable, OutboxTable } from "./schema.ts";

/**
 * Rows every command appends (audit entries, outbox notices) are collected while the command
 * runs and written in one statement just before commit: a ticket creation wrote four such
 * statements, each a round trip. Both tables are append-only and nothing reads them back
 * inside the command, so writing them last changes nothing but the cost.
 */
interface Trailer {
  audit: Insertable<AuditLogTable>[];
  outbox: Insertable<OutboxTable>[];
  /** A statement of the command wrote outbox rows itself (`noteOutboxWritten`). */
  wroteOutbox?: boolean;
}

const trailers = new WeakMap<Database, Trailer>();

/**
 * Runs `work` in one transaction whose audit and outbox rows are written together at its end;
 * once it commits, its outbox rows are announced to the dispatcher (`announceOutbox`).
 */
export async function inTransaction<T>(
  db: Database,
  work: (trx: Database) => Promise<T>,
): Promise<T> {
  let wroteOutbox = false;
  const result = await db.transaction().execute(async (trx) => {
    const trailer: Trailer = { audit: [], outbox: [] };
    trailers.set(trx, trailer);
    const value = await work(trx);
    trailers.delete(trx);
    await writeTrailer(trx, trailer);
    wroteOutbox = trailer.outbox.length > 0 || trailer.wroteOutbox === true;
    return value;
  });
  if (wroteOutbox) announceOutbox(db);
  return result;
}

/** Appends audit rows to the transaction's trailer, or writes them now outside `inTransaction`. */
export async function appendAudit(trx: Database, rows: Insertable<AuditLogTable>[]): Promise<void> {
  const trailer = trailers.get(trx);
  if (trailer) trailer.audit.push(...rows);
  else await writeTrailer(trx, { audit: rows, outbox: [] });
}

/**
 * Appends outbox rows to the transaction's trailer, or writes them now outside `inTransaction`
 * (no one announces those: the dispatcher's poll finds them).
 */
export async function appendOutbox(trx: Database, rows: Insertable<OutboxTable>[]): Promise<void> {
  const trailer = trailers.get(trx);
  if (trailer) trailer.outbox.push(...rows);
  else await writeTrailer(trx, { audit: [], outbox: rows });
}

/**
 * Says that a statement run through `trx` wrote outbox rows itself: inside `inTransaction` they
 * are announced after its commit, as the trailer's are. Returns false outside `inTransaction`,
 * where the statement committed on its own and the caller announces the rows.
 */
export function noteOutboxWritten(trx: Database): boolean {
  const trailer = trailers.get(trx);
  if (trailer) trailer.wroteOutbox = true;
  return trailer !== undefined;
}

async function writeTrailer(trx: Database, { audit, outbox }: Trailer): Promise<void> {
  if (audit.length > 0 && outbox.length > 0) {
    await trx
      .with("audit", (db) => db.insertInto("audit_log").values(audit))
      .insertInto("outbox")
      .values(outbox)
      .execute();
  } else if (audit.length > 0) {
    await trx.insertInto("audit_log").values(audit).execute();
  } else if (outbox.length > 0) {
    await trx.insertInto("outbox").values(outbox).execute();
  }
}
