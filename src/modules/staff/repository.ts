import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { StaffRole, StaffTier } from "../../db/schema.ts";

/** All SQL of staff members. Password hashes never leave this file. */

const columns = [
  "id",
  "email",
  "name",
  "role",
  "tier",
  "languages",
  "universes",
  "products",
  "region",
  "max_concurrent_tickets",
  "active",
  "created_at",
] as const;

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  tier: StaffTier;
  languages: string[];
  universes: string[];
  products: string[];
  region: string;
  max_concurrent_tickets: number;
  active: boolean;
  created_at: Date;
}

export function findStaffById(db: Database, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom("staff").select(columns).where("id", "=", id).executeTakeFirst();
}

export async function unknownProducts(db: Database, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom("products").select("code").where("code", "in", codes).execute();
  const known = new Set(rows.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}

export async function unknownUniverses(db: Database, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom("universes").select("code").execute();
  const known = new Set<string>(rows.map((row) => row.code));
  return codes.filter((code) => !known.has(code));
}

export async function insertStaff(
  db: Database,
  row: {
    email: string;
    name: string;
    password_hash: string;
    role: StaffRole;
    tier: StaffTier;
    languages: string[];
    universes: string[];
    products: string[];
    region: string;
    max_concurrent_tickets: number;
  },
): Promise<string> {
  const inserted = await db
    .insertInto("staff")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateStaffRow(
  db: Database,
  id: string,
  changes: Partial<{
    role: StaffRole;
    tier: StaffTier;
    languages: string[];
    universes: string[];
    products: string[];
    region: string;
    max_concurrent_tickets: number;
    active: boolean;
  }>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable("staff").set(changes).where("id", "=", id).execute();
}

/** One page in (name, id) order, with one extra row to tell whether more follow. */
export function listStaffRows(
  db: Database,
  filter: {
    role?: StaffRole;
    tier?: StaffTier;
    universe?: string;
    language?: string;
    after?: [string, string];
    limit: number;
  },
): Promise<StaffRow[]> {
  return db
    .selectFrom("staff")
    .select(columns)
    .$if(filter.role !== undefined, (q) => q.where("role", "=", filter.role as StaffRole))
    .$if(filter.tier !== undefined, (q) => q.where("tier", "=", filter.tier as StaffTier))
    .$if(filter.universe !== undefined, (q) =>
      q.where(sql<boolean>`${filter.universe} = any(universes)`),
    )
    .$if(filter.language !== undefined, (q) =>
      q.where(sql<boolean>`${filter.language} = any(languages)`),
    )
    .$if(filter.after !== undefined, (q) => {
      const [name, id] = filter.after as [string, string];
      return q.where(sql<boolean>`(name, id) > (${name}, ${id}::uuid)`);
    })
    .orderBy("name")
    .orderBy("id")
    .limit(filter.limit + 1)
    .execute();
}
