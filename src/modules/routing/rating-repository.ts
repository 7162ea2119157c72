import { type Expression, type Insertable, sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { AnswerRatingsTable } from "../../db/schema.ts";

/** SQL of answer ratings. */

/** One message of the ticket, with what deciding whether it may be rated needs. */
export function findTicketMessage(db: Database, ticketId: string, messageId: string) {
  return db
    .selectFrom("ticket_messages")
    .select(["id", "kind", "author_staff_id", "created_at"])
    .where("id", "=", messageId)
    .where("ticket_id", "=", ticketId)
    .executeTakeFirst();
}

/** The ticket's latest public agent answer, if any. */
export async function latestAnswerId(db: Database, ticketId: string): Promise<string | null> {
  const row = await db
    .selectFrom("ticket_messages")
    .select("id")
    .where("ticket_id", "=", ticketId)
    .where("kind", "=", "agent")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Records a rating; undefined when the message was already rated (one rating per answer). */
export function insertRating(db: Database, row: Insertable<AnswerRatingsTable>) {
  return db
    .insertInto("answer_ratings")
    .values(row)
    .onConflict((oc) => oc.column("message_id").doNothing())
    .returning(["message_id", "rating", "comment", "created_at"])
    .executeTakeFirst();
}

/** Staff whose answers on the ticket were rated "not-answered", as a subquery of ids. */
export function notAnsweredAuthors(ticketId: Expression<string>) {
  return sql<string>`select m.author_staff_id from answer_ratings r
    join ticket_messages m on m.id = r.message_id
    where r.ticket_id = ${ticketId} and r.rating = 'not-answered'
      and m.author_staff_id is not null`;
}

/** The ids `notAnsweredAuthors` names, read on their own. */
export async function findNotAnsweredAuthors(db: Database, ticketId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    select distinct author.id from (${notAnsweredAuthors(sql`${ticketId}::uuid`)}) as author (id)
  `.execute(db);
  return result.rows.map((row) => row.id);
}
