import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import { AppError, invalidField } from "../../http/problem.ts";

/** Rules shared by customer users and staff: one email signs in one person, across both tables. */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 1024;
// Namespace of the advisory locks taken on emails, so they never meet another module's locks.
const EMAIL_LOCK_SPACE = 7_301;

export function normaliseEmail(raw: string): string {
  const email = raw.trim();
  if (email.length > 254 || !EMAIL.test(email)) {
    throw invalidField("email", "must be an email address");
  }
  return email;
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN) {
    throw invalidField("password", `must be at least ${PASSWORD_MIN} characters`);
  }
  if (password.length > PASSWORD_MAX) {
    throw invalidField("password", `must be at most ${PASSWORD_MAX} characters`);
  }
}

export function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 200) {
    throw invalidField("name", "must be 1 to 200 characters");
  }
  return name;
}

/**
 * Takes the email for the current transaction and fails if a user or a staff member already
 * has it. The two tables each have their own unique index; the transaction-scoped advisory lock
 * closes the gap between them, so two concurrent creations cannot both pass the check.
 */
export async function claimEmail(trx: Database, email: string): Promise<void> {
  const key = email.toLowerCase();
  await sql`select pg_advisory_xact_lock(${EMAIL_LOCK_SPACE}::int, hashtext(${key}))`.execute(trx);
  const taken = await sql<{ found: number }>`
    select 1 as found from users where lower(email) = ${key}
    union all
    select 1 as found from staff where lower(email) = ${key}
    limit 1
  `.execute(trx);
  if (taken.rows.length > 0) {
    throw new AppError("already_exists", "This email is already in use", [
      { field: "email", in: "body", message: "already in use" },
    ]);
  }
}
