import type { Insertable, Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { CannedAnswersTable } from "../../db/schema.ts";

/** All SQL of canned answers. */

const columns = [
  "id",
  "language",
  "universe",
  "title",
  "body",
  "seed_key",
  "created_at",
  "updated_at",
] as const;

export interface CannedAnswerRow {
  id: string;
  language: "en" | "fr" | "ru";
  universe: string | null;
  title: string;
  body: string;
  seed_key: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A language's answers in title order: those of the universe (when given) and the general ones. */
export function listCannedAnswers(
  db: Database,
  language: string,
  universe: string | undefined,
  limit: number,
): Promise<CannedAnswerRow[]> {
  return db
    .selectFrom("canned_answers")
    .select(columns)
    .where("language", "=", language as CannedAnswerRow["language"])
    .where("deleted_at", "is", null)
    .$if(universe !== undefined, (q) =>
      q.where((eb) => eb.or([eb("universe", "is", null), eb("universe", "=", universe as string)])),
    )
    .orderBy("title")
    .orderBy("id")
    .limit(limit)
    .execute();
}

export function findCannedAnswer(db: Database, id: string): Promise<CannedAnswerRow | undefined> {
  return db
    .selectFrom("canned_answers")
    .select(columns)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

export async function insertCannedAnswer(
  db: Database,
  row: Insertable<CannedAnswersTable>,
): Promise<CannedAnswerRow> {
  return db.insertInto("canned_answers").values(row).returning(columns).executeTakeFirstOrThrow();
}

export function updateCannedAnswer(
  db: Database,
  id: string,
  change: Updateable<CannedAnswersTable>,
): Promise<CannedAnswerRow | undefined> {
  return db
    .updateTable("canned_answers")
    .set({ ...change, updated_at: new Date() })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .returning(columns)
    .executeTakeFirst();
}

/** Deletes an answer; a shipped one stays as a tombstone so seeding does not bring it back. */
export async function deleteCannedAnswer(db: Database, row: CannedAnswerRow): Promise<void> {
  if (row.seed_key === null) {
    await db.deleteFrom("canned_answers").where("id", "=", row.id).execute();
    return;
  }
  await db
    .updateTable("canned_answers")
    .set({ deleted_at: new Date() })
    .where("id", "=", row.id)
    .execute();
}

/** Inserts the shipped answers that are missing; edited or deleted ones are left as they are. */
export async function insertShippedAnswers(
  db: Database,
  rows: Insertable<CannedAnswersTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("canned_answers")
    .values(rows)
    .onConflict((oc) => oc.column("seed_key").doNothing())
    .execute();
}
