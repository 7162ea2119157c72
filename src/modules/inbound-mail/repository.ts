import type { Insertable, Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { InboundMessagesTable, InboundStatus } from "../../db/schema.ts";

/** All SQL of inbound mail. */

export function insertInboundMessage(db: Database, row: Insertable<InboundMessagesTable>) {
  return db.insertInto("inbound_messages").values(row).returning(["id"]).executeTakeFirstOrThrow();
}

/** A bytea as a Buffer: node-postgres gives one, PGlite a plain Uint8Array. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Where a message stands, without reading its bytes. */
export async function inboundStatus(db: Database, id: string) {
  const row = await db
    .selectFrom("inbound_messages")
    .select("status")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.status ?? null;
}

/** The whole row, raw bytes included. */
export async function findInboundMessage(db: Database, id: string) {
  const row = await db
    .selectFrom("inbound_messages")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { ...row, raw: asBuffer(row.raw) };
}
export type InboundRow = NonNullable<Awaited<ReturnType<typeof findInboundMessage>>>;

export async function updateInboundMessage(
  db: Database,
  id: string,
  patch: Updateable<InboundMessagesTable>,
): Promise<void> {
  await db.updateTable("inbound_messages").set(patch).where("id", "=", id).execute();
}

/** Puts a message back to `received` for another run, only from `failed`; false otherwise. */
export async function resetFailed(db: Database, id: string): Promise<boolean> {
  const result = await db
    .updateTable("inbound_messages")
    .set({
      status: "received",
      outcome: null,
      outcome_details: "{}",
      error: null,
      attempts: 0,
      processed_at: null,
    })
    .where("id", "=", id)
    .where("status", "=", "failed")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface InboundKeyset {
  receivedAt: string;
  id: string;
}

/** A page of messages newest first, without their raw bytes, with the ticket's number. */
export function listInboundMessages(
  db: Database,
  params: { status: InboundStatus | undefined; after: InboundKeyset | null; limit: number },
) {
  return db
    .selectFrom("inbound_messages as m")
    .leftJoin("tickets as t", "t.id", "m.ticket_id")
    .select([
      "m.id",
      "m.received_at",
      "m.envelope_from",
      "m.envelope_to",
      "m.from_address",
      "m.subject",
      "m.message_id",
      "m.size_bytes",
      "m.status",
      "m.outcome",
      "m.ticket_id",
      "m.error",
      "m.processed_at",
      "t.number as ticket_number",
    ])
    .$if(params.status !== undefined, (q) =>
      q.where("m.status", "=", params.status as InboundStatus),
    )
    .$if(params.after !== null, (q) => {
      const { receivedAt, id } = params.after as InboundKeyset;
      const at = new Date(receivedAt);
      return q.where((eb) =>
        eb.or([
          eb("m.received_at", "<", at),
          eb.and([eb("m.received_at", "=", at), eb("m.id", "<", id)]),
        ]),
      );
    })
    .orderBy("m.received_at", "desc")
    .orderBy("m.id", "desc")
    .limit(params.limit + 1)
    .execute();
}
export type InboundListRow = Awaited<ReturnType<typeof listInboundMessages>>[number];

/** The ticket number of a ticket id, for presenting outcomes. */
export async function ticketNumberOf(db: Database, ticketId: string): Promise<number | null> {
  const row = await db
    .selectFrom("tickets")
    .select("number")
    .where("id", "=", ticketId)
    .executeTakeFirst();
  return row?.number ?? null;
}

/** The user whose address this is (case-insensitively). */
export function findUserByAddress(db: Database, address: string) {
  return db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", address.toLowerCase()))
    .executeTakeFirst();
}

/** An active staff member with this address, if any. */
export function findStaffByAddress(db: Database, address: string) {
  return db
    .selectFrom("staff")
    .select(["id", "email", "name", "languages"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", address.toLowerCase()))
    .where("active", "=", true)
    .executeTakeFirst();
}

/**
 * Services on which the account holds a role, with the roles' accounts: the candidates for the
 * service a mailed ticket is about. Terminated services are left out.
 */
export function servicesOfAccount(db: Database, accountId: string) {
  return db
    .selectFrom("services as s")
    .innerJoin("products as p", "p.code", "s.product")
    .select([
      "s.id",
      "s.name",
      "s.product",
      "p.universe",
      "s.admin_account_id",
      "s.tech_account_id",
      "s.billing_account_id",
    ])
    .where((eb) =>
      eb.or([
        eb("s.admin_account_id", "=", accountId),
        eb("s.tech_account_id", "=", accountId),
        eb("s.billing_account_id", "=", accountId),
      ]),
    )
    .where("s.status", "!=", "terminated")
    .orderBy("s.name")
    .execute();
}
export type AccountServiceRow = Awaited<ReturnType<typeof servicesOfAccount>>[number];

/**
 * Claims today's automatic answer to `address`: true when none went out yet today (the row is
 * written in the caller's transaction), false when one already did.
 */
export async function claimAutoAnswer(
  trx: Database,
  row: { address: string; day: string; inboundMessageId: string; reason: string; now: Date },
): Promise<boolean> {
  const inserted = await trx
    .insertInto("inbound_auto_answers")
    .values({
      address: row.address.toLowerCase(),
      day: row.day,
      inbound_message_id: row.inboundMessageId,
      reason: row.reason,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(["address", "day"]).doNothing())
    .returning("address")
    .executeTakeFirst();
  return inserted !== undefined;
}
