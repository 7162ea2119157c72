import type { Database } from "../../db/database.ts";
import type { Language, Programme, Universe } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, invalidField, notFound } from "../../http/problem.ts";
import { hashPassword } from "../../lib/passwords.ts";
import { recordAudit } from "../audit/recorder.ts";
import { checkName, checkPassword, claimEmail, normaliseEmail } from "./identity.ts";
import {
  assertCanCreateAccount,
  assertCanCreateUser,
  assertCanEditAccount,
  assertCanListAccounts,
  assertCanSeeAccount,
} from "./policy.ts";
import { type AccountView, presentAccount, presentUser } from "./presenter.ts";
import {
  type AccountRow,
  findAccountByNic,
  findUserById,
  insertAccount,
  insertUser,
  listAccountRows,
  listUserRows,
  nicExists,
  type PartnerTier,
  partnerProgrammesOf,
  replacePartnerProgrammes,
  updateAccountRow,
} from "./repository.ts";
import {
  canonicalTimeZone,
  checkKind,
  checkLanguage,
  checkNic,
  checkProgramme,
  checkRegion,
  generateNic,
} from "./rules.ts";
import type { AccountListQuery, AccountPatch } from "./schemas.ts";

export interface NewAccount {
  nicHandle?: string;
  kind: "individual" | "company";
  name: string;
  region: string;
  language: Language;
  programme?: Programme;
  /** YYYY-MM-DD; required for technical partners. */
  certifiedAt?: string;
  /** Commercial partners only: one programme per universe. */
  partnerProgrammes?: { universe: Universe; tier: PartnerTier }[];
}

export interface NewUser {
  nicHandle: string;
  email: string;
  name: string;
  password: string;
  language?: Language;
  timeZone?: string;
}

const principalOf = (actor: Actor | null): Principal | null => actor?.principal ?? null;

/** Creates a customer account (actor null: the system); generates the NIC handle if omitted. */
export async function createAccount(
  db: Database,
  actor: Actor | null,
  input: NewAccount,
): Promise<{ id: string; nicHandle: string }> {
  assertCanCreateAccount(principalOf(actor));
  if (input.nicHandle !== undefined) checkNic(input.nicHandle);
  checkKind(input.kind);
  const name = checkName(input.name);
  checkLanguage(input.language);
  const state = {
    programme: input.programme ?? "direct",
    certifiedAt: input.certifiedAt ?? null,
    partnerProgrammes: input.partnerProgrammes ?? [],
  };
  return inTransaction(db, async (trx) => {
    await checkRegion(trx, input.region);
    await checkProgramme(trx, state);
    let nicHandle = input.nicHandle;
    if (nicHandle === undefined) {
      nicHandle = await generateNic(trx, name);
    } else if (await nicExists(trx, nicHandle)) {
      throw new AppError("already_exists", "This NIC handle is taken", [
        { field: "nicHandle", in: "body", message: "already taken" },
      ]);
    }
    const id = await insertAccount(trx, {
      nic_handle: nicHandle,
      kind: input.kind,
      name,
      region: input.region,
      language: input.language,
      programme: state.programme,
      certified_at: state.certifiedAt,
    });
    await replacePartnerProgrammes(trx, id, state.partnerProgrammes);
    await recordAudit(trx, actor, {
      action: "account.created",
      subjectKind: "account",
      subjectId: nicHandle,
      accountId: id,
      details: { nicHandle, kind: input.kind, name, region: input.region, ...state },
    });
    return { id, nicHandle };
  });
}

/** Adds a user to an account (actor null: the system). The email is unique across users and staff. */
export async function createUser(
  db: Database,
  actor: Actor | null,
  input: NewUser,
): Promise<{ id: string }> {
  checkNic(input.nicHandle, "nicHandle");
  const email = normaliseEmail(input.email);
  const name = checkName(input.name);
  checkPassword(input.password);
  if (input.language !== undefined) checkLanguage(input.language);
  const timeZone = canonicalTimeZone(input.timeZone ?? "UTC");
  const account = await findAccountByNic(db, input.nicHandle);
  if (!account) throw notFound("Account");
  assertCanCreateUser(principalOf(actor), account.id);
  // Hashing is slow on purpose: do it before the transaction takes a connection.
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (trx) => {
    await claimEmail(trx, email);
    const id = await insertUser(trx, {
      account_id: account.id,
      email,
      name,
      password_hash: passwordHash,
      language: input.language ?? account.language,
      time_zone: timeZone,
    });
    await recordAudit(trx, actor, {
      action: "user.created",
      subjectKind: "user",
      subjectId: id,
      accountId: account.id,
      details: { email, name, nicHandle: account.nic_handle },
    });
    return { id };
  });
}

async function loadVisible(db: Database, p: Principal | null, nic: string): Promise<AccountRow> {
  const row = await findAccountByNic(db, nic);
  if (!row) throw notFound("Account");
  assertCanSeeAccount(p, row.id);
  return row;
}

async function view(db: Database, row: AccountRow): Promise<AccountView> {
  return presentAccount(row, await partnerProgrammesOf(db, [row.id]));
}

export async function getAccount(db: Database, p: Principal, nic: string): Promise<AccountView> {
  return view(db, await loadVisible(db, p, nic));
}

export async function listAccounts(
  db: Database,
  p: Principal,
  query: AccountListQuery,
): Promise<PageOf<AccountView>> {
  assertCanListAccounts(p);
  const limit = query.limit ?? 25;
  const after = decodeCursor(query.cursor, 1)?.[0];
  if (after !== undefined && typeof after !== "string") throw badCursor();
  const rows = await listAccountRows(db, {
    limit,
    ...(after === undefined ? {} : { after }),
    ...(query.programme === undefined ? {} : { programme: query.programme }),
    ...(query.region === undefined ? {} : { region: query.region }),
    ...(query.q === undefined ? {} : { q: query.q }),
  });
  const programmes = await partnerProgrammesOf(
    db,
    rows.map((row) => row.id),
  );
  return toPage(
    rows,
    limit,
    (row) => [row.nic_handle],
    (row) => presentAccount(row, programmes),
  );
}

/** Applies a partial change; the resulting programme state must be consistent as a whole. */
export async function updateAccount(
  db: Database,
  actor: Actor | null,
  nic: string,
  patch: AccountPatch,
): Promise<AccountView> {
  const fields = Object.keys(patch).filter((key) => patch[key as keyof AccountPatch] !== undefined);
  if (fields.length === 0) throw invalidField("(root)", "change at least one field");
  return inTransaction(db, async (trx) => {
    const row = await loadVisible(trx, principalOf(actor), nic);
    assertCanEditAccount(principalOf(actor), row.id, fields);
    const current = await partnerProgrammesOf(trx, [row.id]);
    const programme = patch.programme ?? row.programme;
    const state = {
      programme,
      certifiedAt:
        patch.certifiedAt !== undefined
          ? patch.certifiedAt
          : programme === "technical-partner"
            ? row.certified_at
            : null,
      partnerProgrammes:
        patch.partnerProgrammes ??
        (programme === "commercial-partner"
          ? current.map((p) => ({ universe: p.universe, tier: p.tier }))
          : []),
    };
    const name = patch.name === undefined ? row.name : checkName(patch.name);
    if (patch.language !== undefined) checkLanguage(patch.language);
    if (patch.region !== undefined) await checkRegion(trx, patch.region);
    await checkProgramme(trx, state);
    const next = {
      name,
      language: patch.language ?? row.language,
      region: patch.region ?? row.region,
      programme: state.programme,
      certified_at: state.certifiedAt,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(next)) {
      const before = row[key as keyof typeof next];
      if (before !== value) changes[key] = { from: before, to: value };
    }
    const before = current
      .map((p) => `${p.universe}:${p.tier}`)
      .sort()
      .join(",");
    const after = state.partnerProgrammes
      .map((p) => `${p.universe}:${p.tier}`)
      .sort()
      .join(",");
    if (before !== after) {
      changes.partner_programmes = {
        from: current.map((p) => ({ universe: p.universe, tier: p.tier })),
        to: state.partnerProgrammes,
      };
      await replacePartnerProgrammes(trx, row.id, state.partnerProgrammes);
    }
    if (Object.keys(changes).length > 0) {
      await updateAccountRow(trx, row.id, next);
      await recordAudit(trx, actor, {
        action: "account.updated",
        subjectKind: "account",
        subjectId: row.nic_handle,
        accountId: row.id,
        details: { changes },
      });
    }
    const updated = await findAccountByNic(trx, nic);
    if (!updated) throw notFound("Account");
    return view(trx, updated);
  });
}

export async function listUsers(
  db: Database,
  p: Principal,
  nic: string,
  page: { limit?: number; cursor?: string },
) {
  const account = await loadVisible(db, p, nic);
  const limit = page.limit ?? 25;
  const after = decodeCursor(page.cursor, 1)?.[0];
  if (after !== undefined && typeof after !== "string") throw badCursor();
  const rows = await listUserRows(db, account.id, {
    limit,
    ...(after === undefined ? {} : { after }),
  });
  return toPage(rows, limit, (row) => [row.email_key], presentUser);
}

export async function getUser(db: Database, id: string) {
  return presentUser(await findUserById(db, id));
}

function badCursor(): AppError {
  return new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
    { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
  ]);
}
