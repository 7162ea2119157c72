import { type Kysely, sql } from "kysely";

// Canned answers: texts agents insert into a reply and edit before sending, per language and
// optionally per universe. `seed_key` marks the shipped ones so seeding stays idempotent and
// never brings back what a staff admin has edited or deleted (a deleted shipped answer is kept
// as a tombstone, `deleted_at`, so the next seeding still sees its key).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table canned_answers (
      id uuid primary key default gen_random_uuid(),
      language text not null check (language in ('en', 'fr', 'ru')),
      universe text references universes (code),
      title text not null check (length(title) between 1 and 120),
      body text not null check (length(body) between 1 and 20000),
      seed_key text unique,
      deleted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index canned_answers_language_idx on canned_answers (language, title, id)
      where deleted_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists canned_answers`.execute(db);
}
