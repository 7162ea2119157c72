import type { Database } from "../../src/db/database.ts";
import type { LevelCode, Severity, Universe } from "../../src/db/schema.ts";
import type { UserPrincipal } from "../../src/http/principal.ts";
import { type Entitlement, resolveEntitlement } from "../../src/modules/support/entitlement.ts";
import {
  createAccount,
  createService,
  createUser,
  type TestAccount,
  type TestService,
  type TestUser,
  uniqueSuffix,
} from "./factories.ts";

export const UNIVERSE_LIST: Universe[] = ["market", "server", "public-cloud", "enterprise"];

/** One product of each universe, for services in that universe. */
export const PRODUCT_OF: Record<Universe, string> = {
  market: "web-hosting",
  server: "vps",
  "public-cloud": "instance",
  enterprise: "hosted-private-cloud",
};

export async function offerOf(db: Database, universe: Universe, level: LevelCode) {
  return db
    .selectFrom("offers")
    .selectAll()
    .where("universe", "=", universe)
    .where("level", "=", level)
    .executeTakeFirstOrThrow();
}

/** Puts an account on a level from `startsAt` (default: a year ago), ending what was in force. */
export async function subscribe(
  db: Database,
  accountId: string,
  universe: Universe,
  level: LevelCode,
  startsAt: Date = new Date(Date.now() - 365 * 86_400_000),
): Promise<string> {
  const offer = await offerOf(db, universe, level);
  await db
    .updateTable("subscriptions")
    .set({ ends_at: startsAt })
    .where("account_id", "=", accountId)
    .where("universe", "=", universe)
    .where("ends_at", "is", null)
    .where("starts_at", "<", startsAt)
    .execute();
  const row = await db
    .insertInto("subscriptions")
    .values({
      account_id: accountId,
      universe,
      offer_id: offer.id,
      starts_at: startsAt,
      ends_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A commercial partner with a programme in each given universe. */
export async function createCommercialPartner(
  db: Database,
  universes: Universe[],
  options: { region?: string } = {},
): Promise<TestUser> {
  const account = await createAccount(db, { programme: "commercial-partner", ...options });
  if (universes.length > 0) {
    await db
      .insertInto("partner_programmes")
      .values(
        universes.map((universe) => ({
          account_id: account.id,
          universe,
          tier: "advanced" as const,
        })),
      )
      .execute();
  }
  return createUser(db, account);
}

/** A certified technical partner (the shared factory certifies them) with one user. */
export async function createTechnicalPartner(db: Database): Promise<TestUser> {
  return createUser(db, await createAccount(db, { programme: "technical-partner" }));
}

export async function giveFastPath(
  db: Database,
  accountId: string,
  options: { yearlyQuota?: number; startsAt?: Date } = {},
): Promise<string> {
  const row = await db
    .insertInto("fast_path_subscriptions")
    .values({
      account_id: accountId,
      price_cents: 5_000,
      yearly_quota: options.yearlyQuota ?? 6,
      starts_at: options.startsAt ?? new Date(Date.now() - 86_400_000),
      ends_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A bare ticket row, enough to count as a (Fast-Path) use; the tickets module builds real ones. */
export async function insertTicket(
  db: Database,
  options: { accountId: string; universe: Universe; fastPath?: boolean; createdAt?: Date },
): Promise<string> {
  const row = await db
    .insertInto("tickets")
    .values({
      account_id: options.accountId,
      requester_user_id: null,
      service_id: null,
      product: null,
      universe: options.universe,
      category: "incident",
      impact: "high",
      urgency: "high",
      severity: "critical",
      subject: `Ticket ${uniqueSuffix()}`,
      language: "en",
      fast_path: options.fastPath ?? false,
      entitlement: JSON.stringify({}),
      calendar: null,
      queue_priority: 0,
      tier: "L1",
      created_at: options.createdAt ?? new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The principal the HTTP layer would build for this user. */
export async function principalOf(db: Database, user: TestUser): Promise<UserPrincipal> {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("accounts as a", "a.id", "u.account_id")
    .select([
      "u.id",
      "u.email",
      "u.name",
      "u.language",
      "a.id as account_id",
      "a.nic_handle",
      "a.region",
    ])
    .where("u.id", "=", user.id)
    .executeTakeFirstOrThrow();
  return {
    kind: "user",
    userId: row.id,
    email: row.email,
    name: row.name,
    language: row.language,
    accountId: row.account_id,
    nicHandle: row.nic_handle,
    region: row.region,
  };
}

/** A service in the universe, with the given contacts, shaped as resolveEntitlement takes it. */
export async function serviceIn(
  db: Database,
  universe: Universe,
  contacts: { admin: TestAccount; tech?: TestAccount; billing?: TestAccount },
) {
  const service: TestService = await createService(db, contacts, { product: PRODUCT_OF[universe] });
  return {
    id: service.id,
    name: service.name,
    universe,
    adminAccountId: contacts.admin.id,
    techAccountId: (contacts.tech ?? contacts.admin).id,
  };
}

/** resolveEntitlement in a transaction of its own, as ticket creation would call it. */
export function entitle(
  db: Database,
  input: {
    requester: UserPrincipal;
    service: Awaited<ReturnType<typeof serviceIn>> | null;
    universe: Universe;
    severity: Severity;
    fastPath?: boolean;
    now?: Date;
  },
): Promise<Entitlement> {
  return db.transaction().execute((trx) =>
    resolveEntitlement(trx, {
      ...input,
      fastPath: input.fastPath ?? false,
      now: input.now ?? new Date(),
    }),
  );
}

/** The business calendar the subscriber's region uses (its code until calendars are seeded). */
export async function calendarOfRegion(db: Database, region: string): Promise<string> {
  const row = await db
    .selectFrom("regions")
    .select("calendar")
    .where("code", "=", region)
    .executeTakeFirstOrThrow();
  return row.calendar ?? region;
}
