import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import { hashPassword } from "../lib/passwords.ts";
import { recordAudit } from "../modules/audit/recorder.ts";
import { buildDemoPlan, type DemoPlan } from "./demo-plan.ts";
import { maxTicketsOf } from "./demo-staff.ts";
import { seedDemoSupport } from "./demo-support.ts";

/** The one password of every demo user and staff member. */
export const DEMO_PASSWORD = "palier-demo-2026";

export interface DemoSignIn {
  who: string;
  email: string;
  about: string;
}

/** Listed by `palier serve` and in the README; the demo test checks both stay true. */
export const DEMO_SIGN_INS: DemoSignIn[] = [
  {
    who: "Direct customer",
    email: "camille.durand@atelier-lumiere.example",
    about: "Atelier Lumière (EU, fr): its own admin, tech and billing contact",
  },
  {
    who: "Technical partner",
    email: "olivia.walker@kestrel-ops.example",
    about: "Kestrel Ops (EU, certified): tech contact of its clients' servers",
  },
  {
    who: "Commercial partner",
    email: "ethan.hayes@meridian-reseller.example",
    about: "Meridian Reseller Group (EU): billing contact of its clients' services",
  },
  { who: "Agent", email: "lea.martin@palier.cloud", about: "staff agent, tier L1, EU, fr/en" },
  { who: "Lead", email: "ivan.petrov@palier.cloud", about: "staff lead, tier L2, EU, ru/en" },
  {
    who: "Staff admin",
    email: "nadia.benali@palier.cloud",
    about: "staff admin, tier L3, edits the catalogue",
  },
];

const MARKER_EMAIL = "nadia.benali@palier.cloud";
// Two processes starting at once on one PostgreSQL must not both seed.
const LOCK_KEY = 7_351_204_916;
const CHUNK = 500;

export type DemoSeedOutcome =
  | {
      status: "seeded";
      accounts: number;
      users: number;
      staff: number;
      services: number;
      tickets: number;
    }
  | { status: "present" }
  | { status: "refused"; accounts: number };

/** Whether this database holds the demo (its staff admin exists). */
export async function demoPresent(db: Database): Promise<boolean> {
  const row = await db
    .selectFrom("staff")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", MARKER_EMAIL))
    .executeTakeFirst();
  return row !== undefined;
}

async function accountCount(db: Database): Promise<number> {
  const row = await db
    .selectFrom("accounts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Seeds the demo provider "Palier Cloud" into a database without customers, in one
 * transaction. A database that already holds the demo is left alone ("present"); one holding
 * other accounts is refused, so demo users never mix with real customers.
 */
export async function seedDemo(
  db: Database,
  options: { now?: Date } = {},
): Promise<DemoSeedOutcome> {
  if (await demoPresent(db)) return { status: "present" };
  const existing = await accountCount(db);
  if (existing > 0) return { status: "refused", accounts: existing };
  const now = options.now ?? new Date();
  const plan = buildDemoPlan(now);
  // argon2 is deliberately slow: one hash, shared by every demo user, computed outside the lock.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    if (await demoPresent(trx)) return { status: "present" } as const;
    const accounts = await accountCount(trx);
    if (accounts > 0) return { status: "refused", accounts } as const;
    await insertPlan(trx, plan, passwordHash);
    const support = await seedDemoSupport(trx, plan, now);
    const counts = {
      accounts: plan.accounts.length,
      users: plan.users.length,
      staff: plan.staff.length,
      services: plan.services.length,
      tickets: support.tickets,
    };
    await recordAudit(trx, null, {
      action: "demo.seeded",
      subjectKind: "database",
      subjectId: "demo",
      details: counts,
    });
    return { status: "seeded", ...counts } as const;
  });
}

async function insertPlan(trx: Database, plan: DemoPlan, passwordHash: string): Promise<void> {
  const inserted = await trx
    .insertInto("accounts")
    .values(
      plan.accounts.map((a) => ({
        nic_handle: a.nic,
        kind: a.kind,
        name: a.name,
        region: a.region,
        language: a.language,
        programme: a.programme ?? "direct",
        certified_at: a.certifiedAt ?? null,
        created_at: a.createdAt,
      })),
    )
    .returning(["id", "nic_handle"])
    .execute();
  const idByNic = new Map(inserted.map((row) => [row.nic_handle, row.id]));
  const idBySlug = new Map(plan.accounts.map((a) => [a.slug, idByNic.get(a.nic) as string]));
  const accountId = (slug: string): string => {
    const id = idBySlug.get(slug);
    if (!id) throw new Error(`demo plan refers to unknown account ${slug}`);
    return id;
  };

  const programmes = plan.accounts.flatMap((a) =>
    (a.partnerProgrammes ?? []).map((p) => ({
      account_id: accountId(a.slug),
      universe: p.universe,
      tier: p.tier,
      joined_at: a.createdAt.toISOString().slice(0, 10),
    })),
  );
  if (programmes.length > 0)
    await trx.insertInto("partner_programmes").values(programmes).execute();

  const created = new Map(plan.accounts.map((a) => [a.slug, a.createdAt]));
  await trx
    .insertInto("users")
    .values(
      plan.users.map((u) => ({
        account_id: accountId(u.account),
        email: u.email,
        name: u.name,
        password_hash: passwordHash,
        language: u.language,
        time_zone: u.timeZone,
        created_at: created.get(u.account),
      })),
    )
    .execute();

  await trx
    .insertInto("staff")
    .values(
      plan.staff.map((s) => ({
        email: s.email,
        name: s.name,
        password_hash: passwordHash,
        role: s.role,
        tier: s.tier,
        languages: s.languages,
        universes: s.universes,
        products: s.products ?? [],
        region: s.region,
        max_concurrent_tickets: maxTicketsOf(s.tier),
      })),
    )
    .execute();

  for (let start = 0; start < plan.services.length; start += CHUNK) {
    const chunk = plan.services.slice(start, start + CHUNK);
    const rows = await trx
      .insertInto("services")
      .values(
        chunk.map((s) => ({
          name: s.name,
          product: s.product,
          region: s.region,
          datacenter: s.datacenter,
          status: s.status,
          admin_account_id: accountId(s.admin),
          tech_account_id: accountId(s.tech),
          billing_account_id: accountId(s.billing),
          created_at: s.createdAt,
        })),
      )
      .returning(["id", "name"])
      .execute();
    const serviceId = new Map(rows.map((row) => [row.name, row.id]));
    const resources = chunk.flatMap((s) =>
      s.resources.map((r) => ({
        service_id: serviceId.get(s.name) as string,
        kind: r.kind,
        value: r.value,
        network: r.network,
      })),
    );
    for (let at = 0; at < resources.length; at += CHUNK) {
      await trx
        .insertInto("service_resources")
        .values(resources.slice(at, at + CHUNK))
        .execute();
    }
  }
}
