import type { Database } from "../../src/db/database.ts";
import {
  createAccount,
  createStaff,
  createUser,
  type TestAccount,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";

/** The callers every policy table is written for. */
export type Role = "anonymous" | "member" | "other" | "agent" | "lead" | "admin";
export const ROLES: Role[] = ["anonymous", "member", "other", "agent", "lead", "admin"];

export interface Cast {
  account: TestAccount;
  member: TestUser;
  other: TestUser;
  agent: TestStaff;
  lead: TestStaff;
  admin: TestStaff;
  headers(role: Role): Record<string, string>;
}

/** An account with one user, a user of another account, and one staff member of each role. */
export async function createCast(db: Database): Promise<Cast> {
  const account = await createAccount(db);
  const member = await createUser(db, account);
  const other = await createUser(db, await createAccount(db));
  const agent = await createStaff(db, { role: "agent" });
  const lead = await createStaff(db, { role: "lead" });
  const admin = await createStaff(db, { role: "admin" });
  const cast = { account, member, other, agent, lead, admin };
  return {
    ...cast,
    headers: (role) => (role === "anonymous" ? {} : cast[role].auth),
  };
}
