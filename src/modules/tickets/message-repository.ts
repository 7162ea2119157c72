import { type Insertable, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { MessageKind, TicketAttachmentsTable, TicketMessagesTable } from "../../db/schema.ts";
import { createdMicros, type Keyset } from "./repository.ts";

/** All SQL of ticket messages and their attachments. */

export function insertMessage(db: Database, row: Insertable<TicketMessagesTable>) {
  return db
    .insertInto("ticket_messages")
    .values(row)
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
}

/**
 * A page of a ticket's messages, oldest first. `kinds` is applied in SQL so that a customer's
 * query never reads an internal note, not even to drop it afterwards.
 */
function messagesQuery(db: Database) {
  // The rating join never multiplies rows: an answer has at most one (message_id is its key).
  return db
    .selectFrom("ticket_messages as m")
    .leftJoin("users as u", "u.id", "m.author_user_id")
    .leftJoin("accounts as a", "a.id", "u.account_id")
    .leftJoin("staff as st", "st.id", "m.author_staff_id")
    .leftJoin("answer_ratings as r", "r.message_id", "m.id")
    .select([
      "m.id",
      "m.kind",
      "m.body",
      "m.created_at",
      "m.author_user_id",
      "m.author_staff_id",
      "u.name as user_name",
      "a.nic_handle as user_nic",
      "st.name as staff_name",
      "r.rating as rating",
      "r.comment as rating_comment",
      "r.created_at as rated_at",
    ])
    .select(createdMicros("m").as("created_us"));
}

export function findMessage(db: Database, id: string) {
  return messagesQuery(db).where("m.id", "=", id).executeTakeFirst();
}

export function listMessages(
  db: Database,
  ticketId: string,
  kinds: readonly MessageKind[],
  after: Keyset | null,
  limit: number,
) {
  return messagesQuery(db)
    .where("m.ticket_id", "=", ticketId)
    .where("m.kind", "in", kinds)
    .$if(after !== null, (q) => {
      const { createdAt, id } = after as Keyset;
      return q
        .where(sql<boolean>`m.created_at >= ${createdAt}::timestamptz`)
        .where(sql<boolean>`(m.created_at > ${createdAt}::timestamptz or m.id > ${id})`);
    })
    .orderBy("m.created_at")
    .orderBy("m.id")
    .limit(limit + 1)
    .execute();
}
export type MessageRow = Awaited<ReturnType<typeof listMessages>>[number];

export function attachmentsOfMessages(db: Database, messageIds: string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("ticket_attachments")
    .select(["id", "message_id", "filename", "content_type", "size_bytes", "sha256", "created_at"])
    .where("message_id", "in", messageIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof attachmentsOfMessages>>[number];

export function insertAttachment(db: Database, row: Insertable<TicketAttachmentsTable>) {
  return db
    .insertInto("ticket_attachments")
    .values(row)
    .returning(["id", "filename", "content_type", "size_bytes", "sha256", "created_at"])
    .executeTakeFirstOrThrow();
}

/** Uploads still waiting for a message, held by this user or staff member. */
export function findPendingUploads(
  db: Database,
  ids: string[],
  owner: { userId: string } | { staffId: string },
) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("ticket_attachments")
    .select(["id", "size_bytes"])
    .where("id", "in", ids)
    .where("message_id", "is", null)
    .$if("userId" in owner, (q) =>
      q.where("uploaded_by_user_id", "=", (owner as { userId: string }).userId),
    )
    .$if("staffId" in owner, (q) =>
      q.where("uploaded_by_staff_id", "=", (owner as { staffId: string }).staffId),
    )
    .forUpdate()
    .execute();
}

/** Hands pending uploads to a message; returns how many were still pending. */
export async function attachToMessage(
  db: Database,
  ids: string[],
  messageId: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .updateTable("ticket_attachments")
    .set({ message_id: messageId })
    .where("id", "in", ids)
    .where("message_id", "is", null)
    .returning("id")
    .execute();
  return rows.length;
}

/**
 * One attachment of a ticket, with the kind of the message carrying it; `kinds` in SQL, as for
 * messages, so a customer cannot fetch the file of an internal note.
 */
export function findTicketAttachment(
  db: Database,
  ticketId: string,
  attachmentId: string,
  kinds: readonly MessageKind[],
) {
  return db
    .selectFrom("ticket_attachments as f")
    .innerJoin("ticket_messages as m", "m.id", "f.message_id")
    .select(["f.id", "f.filename", "f.content_type", "f.size_bytes", "f.sha256", "f.storage_key"])
    .where("f.id", "=", attachmentId)
    .where("m.ticket_id", "=", ticketId)
    .where("m.kind", "in", kinds)
    .executeTakeFirst();
}

/** Deletes uploads never attached before `before`; returns their files to remove. */
export function deleteStalePending(db: Database, before: Date, limit: number) {
  return db
    .deleteFrom("ticket_attachments")
    .where(
      "id",
      "in",
      db
        .selectFrom("ticket_attachments")
        .select("id")
        .where("message_id", "is", null)
        .where("created_at", "<", before)
        .limit(limit),
    )
    .returning(["storage_key"])
    .execute();
}
