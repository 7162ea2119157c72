import type { Database } from "../../db/database.ts";
import type { StaffRole, StaffTier, Universe } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, invalidField, notFound } from "../../http/problem.ts";
import { hashPassword } from "../../lib/passwords.ts";
import { checkName, checkPassword, claimEmail, normaliseEmail } from "../accounts/identity.ts";
import { checkRegion } from "../accounts/rules.ts";
import { recordAudit } from "../audit/recorder.ts";
import { assertCanManageStaff, assertCanSeeStaff, assertNotSelfLockout } from "./policy.ts";
import { presentStaff, type StaffView } from "./presenter.ts";
import {
  findStaffById,
  insertStaff,
  listStaffRows,
  type StaffRow,
  unknownProducts,
  unknownUniverses,
  updateStaffRow,
} from "./repository.ts";
import type { StaffListQuery, StaffPatch } from "./schemas.ts";

export interface NewStaff {
  email: string;
  name: string;
  password: string;
  role: StaffRole;
  tier: StaffTier;
  languages: string[];
  universes?: Universe[];
  products?: string[];
  region: string;
  maxConcurrentTickets?: number;
}

const ROLES = new Set(["agent", "lead", "admin"]);
const TIERS = new Set(["L1", "L2", "L3", "TAM"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkRole(role: string): void {
  if (!ROLES.has(role)) throw invalidField("role", "must be agent, lead or admin");
}

function checkTier(tier: string): void {
  if (!TIERS.has(tier)) throw invalidField("tier", "must be L1, L2, L3 or TAM");
}

function checkLanguages(languages: string[]): string[] {
  const unique = [...new Set(languages)];
  if (unique.length === 0 || unique.some((code) => !/^[a-z]{2}$/.test(code))) {
    throw invalidField("languages", "must list at least one two-letter language code");
  }
  return unique;
}

function checkMaxTickets(value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 200) {
    throw invalidField("maxConcurrentTickets", "must be an integer from 1 to 200");
  }
}

async function checkSkills(db: Database, universes: string[], products: string[]): Promise<void> {
  const badUniverses = await unknownUniverses(db, universes);
  if (badUniverses.length > 0) {
    throw invalidField("universes", `unknown universe ${badUniverses.join(", ")}`);
  }
  const badProducts = await unknownProducts(db, products);
  if (badProducts.length > 0) {
    throw invalidField("products", `unknown product ${badProducts.join(", ")}`);
  }
}

/** Creates a staff member (actor null: the system). The email is unique across staff and users. */
export async function createStaff(
  db: Database,
  actor: Actor | null,
  input: NewStaff,
): Promise<{ id: string }> {
  assertCanManageStaff(actor?.principal ?? null);
  const email = normaliseEmail(input.email);
  const name = checkName(input.name);
  checkPassword(input.password);
  checkRole(input.role);
  checkTier(input.tier);
  const languages = checkLanguages(input.languages);
  const universes = [...new Set<string>(input.universes ?? [])];
  const products = [...new Set(input.products ?? [])];
  const maxTickets = input.maxConcurrentTickets ?? 10;
  checkMaxTickets(maxTickets);
  // Hashing is slow on purpose: do it before the transaction takes a connection.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    await checkRegion(trx, input.region);
    await checkSkills(trx, universes, products);
    await claimEmail(trx, email);
    const id = await insertStaff(trx, {
      email,
      name,
      password_hash: passwordHash,
      role: input.role,
      tier: input.tier,
      languages,
      universes,
      products,
      region: input.region,
      max_concurrent_tickets: maxTickets,
    });
    await recordAudit(trx, actor, {
      action: "staff.created",
      subjectKind: "staff",
      subjectId: id,
      details: { email, name, role: input.role, tier: input.tier, region: input.region },
    });
    return { id };
  });
}

/** Changes a staff member's role, tier, skills, region, load or activity (staff admins). */
export async function updateStaff(
  db: Database,
  actor: Actor | null,
  id: string,
  patch: StaffPatch,
): Promise<StaffView> {
  const p = actor?.principal ?? null;
  assertCanManageStaff(p);
  assertNotSelfLockout(p, id, patch);
  if (patch.role !== undefined) checkRole(patch.role);
  if (patch.tier !== undefined) checkTier(patch.tier);
  if (patch.maxConcurrentTickets !== undefined) checkMaxTickets(patch.maxConcurrentTickets);
  const languages = patch.languages === undefined ? undefined : checkLanguages(patch.languages);
  const universes =
    patch.universes === undefined ? undefined : [...new Set<string>(patch.universes)];
  const products = patch.products === undefined ? undefined : [...new Set(patch.products)];
  return inTransaction(db, async (trx) => {
    const row = await findStaffById(trx, id);
    if (!row) throw notFound("Staff member");
    if (patch.region !== undefined) await checkRegion(trx, patch.region);
    await checkSkills(trx, universes ?? [], products ?? []);
    const next: Partial<StaffRow> = {
      ...(patch.role === undefined ? {} : { role: patch.role }),
      ...(patch.tier === undefined ? {} : { tier: patch.tier }),
      ...(languages === undefined ? {} : { languages }),
      ...(universes === undefined ? {} : { universes }),
      ...(products === undefined ? {} : { products }),
      ...(patch.region === undefined ? {} : { region: patch.region }),
      ...(patch.maxConcurrentTickets === undefined
        ? {}
        : { max_concurrent_tickets: patch.maxConcurrentTickets }),
      ...(patch.active === undefined ? {} : { active: patch.active }),
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(next)) {
      const before = row[key as keyof StaffRow];
      if (JSON.stringify(before) !== JSON.stringify(value))
        changes[key] = { from: before, to: value };
    }
    if (Object.keys(changes).length === 0) return presentStaff(row);
    await updateStaffRow(trx, id, next);
    await recordAudit(trx, actor, {
      action: "staff.updated",
      subjectKind: "staff",
      subjectId: id,
      details: { changes },
    });
    const updated = await findStaffById(trx, id);
    if (!updated) throw notFound("Staff member");
    return presentStaff(updated);
  });
}

export async function getStaff(db: Database, p: Principal, id: string): Promise<StaffView> {
  assertCanSeeStaff(p);
  const row = await findStaffById(db, id);
  if (!row) throw notFound("Staff member");
  return presentStaff(row);
}

export async function listStaff(
  db: Database,
  p: Principal,
  query: StaffListQuery,
): Promise<PageOf<StaffView>> {
  assertCanSeeStaff(p);
  const limit = query.limit ?? 25;
  const key = decodeCursor(query.cursor, 2);
  let after: [string, string] | undefined;
  if (key) {
    const [name, id] = key;
    if (typeof name !== "string" || typeof id !== "string" || !UUID.test(id)) {
      throw new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
        { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
      ]);
    }
    after = [name, id];
  }
  const rows = await listStaffRows(db, {
    limit,
    ...(after === undefined ? {} : { after }),
    ...(query.role === undefined ? {} : { role: query.role }),
    ...(query.tier === undefined ? {} : { tier: query.tier }),
    ...(query.universe === undefined ? {} : { universe: query.universe }),
    ...(query.language === undefined ? {} : { language: query.language }),
  });
  return toPage(rows, limit, (row) => [row.name, row.id], presentStaff);
}
