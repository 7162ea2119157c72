import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { Language, Programme, Universe } from "../../db/schema.ts";

/** All SQL of accounts, their partner programmes and their users. */

export type PartnerTier = "registered" | "advanced" | "premier";

const accountColumns = [
  "accounts.id",
  "accounts.nic_handle",
  "accounts.kind",
  "accounts.name",
  "accounts.region",
  "accounts.language",
  "accounts.programme",
  // As text: the driver would turn a date into a local-time Date and shift the day.
  sql<string | null>`accounts.certified_at::text`.as("certified_at"),
  "accounts.created_at",
] as const;

export interface AccountRow {
  id: string;
  nic_handle: string;
  kind: "individual" | "company";
  name: string;
  region: string;
  language: Language;
  programme: Programme;
  certified_at: string | null;
  created_at: Date;
}

export interface PartnerProgrammeRow {
  account_id: string;
  universe: Universe;
  tier: PartnerTier;
  joined_at: string;
}

export function findAccountByNic(db: Database, nic: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom("accounts")
    .select(accountColumns)
    .where("nic_handle", "=", nic)
    .executeTakeFirst();
}

export async function nicExists(db: Database, nic: string): Promise<boolean> {
  const row = await db
    .selectFrom("accounts")
    .select("id")
    .where("nic_handle", "=", nic)
    .executeTakeFirst();
  return row !== undefined;
}

export async function regionExists(db: Database, code: string): Promise<boolean> {
  const row = await db
    .selectFrom("regions")
    .select("code")
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function knownUniverses(db: Database): Promise<Set<string>> {
  const rows = await db.selectFrom("universes").select("code").execute();
  return new Set(rows.map((row) => row.code));
}

export function partnerProgrammesOf(
  db: Database,
  accountIds: string[],
): Promise<PartnerProgrammeRow[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("partner_programmes")
    .select(["account_id", "universe", "tier", sql<string>`joined_at::text`.as("joined_at")])
    .where("account_id", "in", accountIds)
    .orderBy("account_id")
    .orderBy("universe")
    .execute();
}

export async function insertAccount(
  db: Database,
  row: {
    nic_handle: string;
    kind: "individual" | "company";
    name: string;
    region: string;
    language: Language;
    programme: Programme;
    certified_at: string | null;
  },
): Promise<string> {
  const inserted = await db
    .insertInto("accounts")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateAccountRow(
  db: Database,
  id: string,
  changes: Partial<{
    name: string;
    language: Language;
    programme: Programme;
    certified_at: string | null;
    region: string;
  }>,
): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable("accounts").set(changes).where("id", "=", id).execute();
}

/** Replaces the account's partner programmes, keeping the join date of those it already had. */
export async function replacePartnerProgrammes(
  db: Database,
  accountId: string,
  programmes: { universe: Universe; tier: PartnerTier }[],
): Promise<void> {
  const keep = programmes.map((p) => p.universe);
  await db
    .deleteFrom("partner_programmes")
    .where("account_id", "=", accountId)
    .$if(keep.length > 0, (q) => q.where("universe", "not in", keep))
    .execute();
  for (const programme of programmes) {
    await db
      .insertInto("partner_programmes")
      .values({ account_id: accountId, universe: programme.universe, tier: programme.tier })
      .onConflict((oc) =>
        oc.columns(["account_id", "universe"]).doUpdateSet({ tier: programme.tier }),
      )
      .execute();
  }
}

/** One page of accounts in NIC order, fetching one extra row to know whether more follow. */
export function listAccountRows(
  db: Database,
  filter: { programme?: Programme; region?: string; q?: string; after?: string; limit: number },
): Promise<AccountRow[]> {
  const pattern = filter.q === undefined ? undefined : `%${escapeLike(filter.q.toLowerCase())}%`;
  return db
    .selectFrom("accounts")
    .select(accountColumns)
    .$if(filter.programme !== undefined, (q) =>
      q.where("programme", "=", filter.programme as Programme),
    )
    .$if(filter.region !== undefined, (q) => q.where("region", "=", filter.region as string))
    .$if(pattern !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb("nic_handle", "like", pattern as string),
          eb(eb.fn("lower", ["name"]), "like", pattern as string),
        ]),
      ),
    )
    .$if(filter.after !== undefined, (q) => q.where("nic_handle", ">", filter.after as string))
    .orderBy("nic_handle")
    .limit(filter.limit + 1)
    .execute();
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const userColumns = [
  "id",
  "account_id",
  "email",
  "name",
  "language",
  "time_zone",
  "created_at",
] as const;

export function listUserRows(
  db: Database,
  accountId: string,
  page: { after?: string; limit: number },
) {
  return db
    .selectFrom("users")
    .select(userColumns)
    .select(sql<string>`lower(email)`.as("email_key"))
    .where("account_id", "=", accountId)
    .$if(page.after !== undefined, (q) =>
      q.where(sql<string>`lower(email)`, ">", page.after as string),
    )
    .orderBy(sql`lower(email)`)
    .limit(page.limit + 1)
    .execute();
}

export function findUserById(db: Database, id: string) {
  return db.selectFrom("users").select(userColumns).where("id", "=", id).executeTakeFirstOrThrow();
}

export async function insertUser(
  db: Database,
  row: {
    account_id: string;
    email: string;
    name: string;
    password_hash: string;
    language: Language;
    time_zone: string;
  },
): Promise<string> {
  const inserted = await db
    .insertInto("users")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}
