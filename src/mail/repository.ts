import type { Insertable, Selectable } from "kysely";
import type { Database } from "../db/database.ts";
import type { Language, MailMessagesTable } from "../db/schema.ts";

export type MailRow = Selectable<MailMessagesTable>;

/** Inserts a mail unless one with the same dedupe key exists; returns the new id, or null. */
export async function insertMail(
  trx: Database,
  values: Insertable<MailMessagesTable>,
): Promise<string | null> {
  const row = await trx
    .insertInto("mail_messages")
    .values(values)
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findMail(db: Database, id: string): Promise<MailRow | undefined> {
  return db.selectFrom("mail_messages").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Records a delivery (or its keeping in the developer mailbox), with the bodies to keep. */
export async function markDelivered(
  db: Database,
  id: string,
  change: Pick<MailRow, "status" | "transport" | "sent_at" | "attempts"> &
    Partial<Pick<MailRow, "text_body" | "html_body" | "redacted_at">>,
): Promise<void> {
  await db
    .updateTable("mail_messages")
    .set({ ...change, last_error: null })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt; `failed` once the job has no retry left. */
export async function markAttemptFailed(
  db: Database,
  id: string,
  change: { attempts: number; error: string; failed: boolean },
): Promise<void> {
  await db
    .updateTable("mail_messages")
    .set({
      attempts: change.attempts,
      last_error: change.error,
      status: change.failed ? "failed" : "queued",
      transport: "smtp",
    })
    .where("id", "=", id)
    .execute();
}

/** A person a notification goes to, with what the mail needs to speak to them. */
export interface Recipient {
  kind: "user" | "staff";
  id: string;
  address: string;
  name: string;
  language: Language;
  timeZone: string;
  /** The account the user belongs to (users only). */
  accountNic: string | null;
}

const LANGUAGES: readonly Language[] = ["en", "fr", "ru"];

function userQuery(db: Database) {
  return db
    .selectFrom("users as u")
    .innerJoin("accounts as a", "a.id", "u.account_id")
    .select(["u.id", "u.email", "u.name", "u.language", "u.time_zone", "a.nic_handle"]);
}

type UserRecipientRow = Awaited<ReturnType<ReturnType<typeof userQuery>["execute"]>>[number];

function userRecipient(row: UserRecipientRow): Recipient {
  return {
    kind: "user",
    id: row.id,
    address: row.email,
    name: row.name,
    language: row.language,
    timeZone: row.time_zone,
    accountNic: row.nic_handle,
  };
}

/** Every user of an account, in a stable order. */
export async function accountUsers(db: Database, accountId: string): Promise<Recipient[]> {
  const rows = await userQuery(db)
    .where("u.account_id", "=", accountId)
    .orderBy("u.email")
    .execute();
  return rows.map(userRecipient);
}

/** One user, provided it still belongs to `accountId`. */
export async function accountUser(
  db: Database,
  accountId: string,
  userId: string,
): Promise<Recipient | undefined> {
  const row = await userQuery(db)
    .where("u.id", "=", userId)
    .where("u.account_id", "=", accountId)
    .executeTakeFirst();
  return row ? userRecipient(row) : undefined;
}

/** An active staff member, speaking the first of its languages Palier writes in. */
export async function activeStaff(db: Database, staffId: string): Promise<Recipient | undefined> {
  const row = await db
    .selectFrom("staff")
    .select(["id", "email", "name", "languages"])
    .where("id", "=", staffId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!row) return undefined;
  const language = row.languages.find((l): l is Language => LANGUAGES.includes(l as Language));
  return {
    kind: "staff",
    id: row.id,
    address: row.email,
    name: row.name,
    language: language ?? "en",
    timeZone: "UTC",
    accountNic: null,
  };
}

/** Who opened a ticket: its account and requesting user. */
export async function ticketRequester(db: Database, ticketId: string) {
  return db
    .selectFrom("tickets")
    .select(["account_id", "requester_user_id"])
    .where("id", "=", ticketId)
    .executeTakeFirst();
}

/** A ticket message with its kind, so only public ones are mailed. */
export async function ticketMessage(db: Database, messageId: string) {
  return db
    .selectFrom("ticket_messages")
    .select(["id", "ticket_id", "kind", "body"])
    .where("id", "=", messageId)
    .executeTakeFirst();
}

/**
 * Locks tickets waiting for the customer since before `before` and not yet reminded in this
 * waiting period; rows another process holds are skipped.
 */
export async function lockTicketsToRemind(
  trx: Database,
  before: Date,
  limit: number,
): Promise<{ id: string; waiting_since: Date | null }[]> {
  return trx
    .selectFrom("tickets")
    .select(["id", "waiting_since"])
    .where("status", "=", "waiting-for-customer")
    .where("reminded_at", "is", null)
    .where("waiting_since", "<=", before)
    .orderBy("waiting_since")
    .limit(limit)
    .forNoKeyUpdate()
    .skipLocked()
    .execute();
}

export async function markReminded(trx: Database, ticketId: string, at: Date): Promise<void> {
  await trx.updateTable("tickets").set({ reminded_at: at }).where("id", "=", ticketId).execute();
}
