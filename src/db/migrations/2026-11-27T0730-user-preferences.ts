import { type Kysely, sql } from "kysely";

// The Manager keeps the language and time zone a person picks in its header on the server, so
// they follow them from one browser to the next. Users already had both columns (the language
// also picks their emails); `preferences_saved_at` says whether they chose them in the Manager,
// so a default 'UTC' is never taken for a choice. Staff get the same two preferences.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    alter table users add column preferences_saved_at timestamptz;
    alter table staff add column language text check (language in ('en', 'fr', 'ru'));
    alter table staff add column time_zone text;
    alter table staff add column preferences_saved_at timestamptz;
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    alter table staff drop column preferences_saved_at;
    alter table staff drop column time_zone;
    alter table staff drop column language;
    alter table users drop column preferences_saved_at;
  `)
    .execute(db);
}
