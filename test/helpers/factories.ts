import { randomBytes, randomInt } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import type {
  ContactRole,
  Language,
  Programme,
  StaffRole,
  StaffTier,
} from "../../src/db/schema.ts";
import { hashPassword } from "../../src/lib/passwords.ts";
import { insertApiToken, type TokenOwner } from "../../src/modules/auth/repository.ts";

export const TEST_PASSWORD = "correct-horse-battery-42";
let passwordHash: Promise<string> | undefined;
/** One argon2 hash per worker: hashing is deliberately slow. */
function sharedHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

const letters = "abcdefghijklmnopqrstuvwxyz";
export function uniqueNic(): string {
  const a = letters[randomInt(26)] ?? "a";
  const b = letters[randomInt(26)] ?? "b";
  return `${a}${b}${randomInt(100_000, 999_999)}-pal`;
}

export function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

export interface TestAccount {
  id: string;
  nic: string;
  region: string;
}

export async function createAccount(
  db: Database,
  options: {
    region?: string;
    programme?: Programme;
    kind?: "individual" | "company";
    language?: Language;
    name?: string;
  } = {},
): Promise<TestAccount> {
  const nic = uniqueNic();
  const programme = options.programme ?? "direct";
  const row = await db
    .insertInto("accounts")
    .values({
      nic_handle: nic,
      kind: options.kind ?? "company",
      name: options.name ?? `Test ${nic}`,
      region: options.region ?? "EU",
      language: options.language ?? "en",
      programme,
      certified_at: programme === "technical-partner" ? "2025-01-15" : null,
    })
    .returning(["id", "region"])
    .executeTakeFirstOrThrow();
  return { id: row.id, nic, region: row.region };
}

export interface TestUser {
  id: string;
  email: string;
  account: TestAccount;
  /** A write-scoped bearer token. */
  token: string;
  auth: { authorization: string };
}

/** A user of the account, with a write-scoped API token ready for app.inject. */
export async function createUser(
  db: Database,
  account: TestAccount,
  scope: "read" | "write" = "write",
): Promise<TestUser> {
  const email = `user-${uniqueSuffix()}@example.test`;
  const user = await db
    .insertInto("users")
    .values({
      account_id: account.id,
      email,
      name: `User ${email}`,
      password_hash: await sharedHash(),
      language: "en",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = await insertToken(db, { user_id: user.id, staff_id: null }, scope);
  return { id: user.id, email, account, token, auth: { authorization: `Bearer ${token}` } };
}

/** An account with one user: the common case. */
export async function createCustomer(
  db: Database,
  options: Parameters<typeof createAccount>[1] = {},
): Promise<TestUser> {
  return createUser(db, await createAccount(db, options));
}

export interface TestStaff {
  id: string;
  email: string;
  role: StaffRole;
  token: string;
  auth: { authorization: string };
}

export async function createStaff(
  db: Database,
  options: { role?: StaffRole; tier?: StaffTier; universes?: string[]; region?: string } = {},
): Promise<TestStaff> {
  const email = `staff-${uniqueSuffix()}@palier.test`;
  const role = options.role ?? "agent";
  const row = await db
    .insertInto("staff")
    .values({
      email,
      name: `Staff ${email}`,
      password_hash: await sharedHash(),
      role,
      tier: options.tier ?? "L1",
      languages: ["en"],
      universes: options.universes ?? ["market", "server", "public-cloud", "enterprise"],
      region: options.region ?? "EU",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const token = await insertToken(db, { user_id: null, staff_id: row.id }, "write");
  return { id: row.id, email, role, token, auth: { authorization: `Bearer ${token}` } };
}

async function insertToken(
  db: Database,
  owner: TokenOwner,
  scope: "read" | "write",
): Promise<string> {
  // Far in the future: tests move the TestClock by weeks and still need to sign in.
  const expiresAt = new Date(Date.now() + 10 * 365 * 86_400_000);
  return (await insertApiToken(db, owner, { name: "test", scope, expiresAt })).secret;
}

export interface TestService {
  id: string;
  name: string;
  product: string;
}

/** A service; contacts default to the admin account (a direct service). */
export async function createService(
  db: Database,
  contacts: { admin: TestAccount; tech?: TestAccount; billing?: TestAccount },
  options: { product?: string; region?: string; name?: string } = {},
): Promise<TestService> {
  const product = options.product ?? "vps";
  const name = options.name ?? `vps-${uniqueSuffix()}.vps.palier.test`;
  const row = await db
    .insertInto("services")
    .values({
      name,
      product,
      region: options.region ?? contacts.admin.region,
      datacenter: "gra1",
      admin_account_id: contacts.admin.id,
      tech_account_id: (contacts.tech ?? contacts.admin).id,
      billing_account_id: (contacts.billing ?? contacts.admin).id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, name, product };
}

export type { ContactRole };
