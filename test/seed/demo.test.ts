import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/context.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { seedCatalog } from "../../src/modules/catalog/seed.ts";
import {
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  type DemoSeedOutcome,
  seedDemo,
} from "../../src/seed/demo.ts";
import { buildDemoPlan } from "../../src/seed/demo-plan.ts";
import { createDatabase, dropDatabase } from "../helpers/postgres.ts";

// The demo needs an empty database: never the worker's shared one, which other files fill.
let handle: DatabaseHandle;
let app: App;
let outcome: DemoSeedOutcome;
let dropUrl: string | null = null;

beforeAll(async () => {
  const onPostgres = inject("testDatabaseUrl") !== null;
  const baseUrl = process.env.DATABASE_URL;
  if (onPostgres && baseUrl) {
    dropUrl = await createDatabase(baseUrl);
    handle = await openDatabase({ databaseUrl: dropUrl, poolSize: 2 });
  } else {
    handle = await openDatabase({ dataDir: "memory://" });
  }
  await migrateToLatest(handle.db);
  await seedCatalog(handle.db);
  outcome = await seedDemo(handle.db);
  const config = { ...loadConfig({}), logLevel: "silent" };
  app = await buildApp(
    { db: handle.db, config, clock: systemClock },
    { logger: false, rateLimitPerMinute: 1_000_000 },
  );
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
  if (dropUrl && process.env.DATABASE_URL) await dropDatabase(process.env.DATABASE_URL, dropUrl);
});

async function count(query: string): Promise<number> {
  const result = await sql<{ n: number }>`${sql.raw(query)}`.execute(handle.db);
  return Number(result.rows[0]?.n ?? 0);
}

async function column(query: string): Promise<string[]> {
  const result = await sql<{ v: string }>`${sql.raw(query)}`.execute(handle.db);
  return result.rows.map((row) => row.v).sort();
}

describe("demo data", () => {
  it("seeds an empty database and reports what it wrote", async () => {
    expect(outcome.status).toBe("seeded");
    if (outcome.status !== "seeded") return;
    expect(outcome.accounts).toBe(await count("select count(*) as n from accounts"));
    expect(outcome.services).toBe(await count("select count(*) as n from services"));
  });

  it("has at least 40 accounts in every region, companies and individuals", async () => {
    expect(await count("select count(*) as n from accounts")).toBeGreaterThanOrEqual(40);
    expect(await column("select distinct region as v from accounts")).toEqual(["CA", "EU", "US"]);
    expect(await column("select distinct kind as v from accounts")).toEqual([
      "company",
      "individual",
    ]);
    expect(
      await count(
        "select count(*) as n from accounts a where not exists (select 1 from users u where u.account_id = a.id)",
      ),
    ).toBe(0);
  });

  it("has certified technical partners acting as tech contact of their clients' services", async () => {
    const partners = await count(`
      select count(*) as n from accounts a
      where a.programme = 'technical-partner' and a.certified_at is not null
        and exists (select 1 from services s
                    where s.tech_account_id = a.id and s.admin_account_id <> a.id)`);
    expect(partners).toBeGreaterThanOrEqual(3);
  });

  it("has two commercial partners, each with programmes per universe", async () => {
    expect(
      await count("select count(*) as n from accounts where programme = 'commercial-partner'"),
    ).toBe(2);
    const withProgrammes = await count(`
      select count(distinct a.id) as n from accounts a
      join partner_programmes p on p.account_id = a.id
      where a.programme = 'commercial-partner'`);
    expect(withProgrammes).toBe(2);
  });

  it("has at least 300 services covering every product in every region", async () => {
    expect(await count("select count(*) as n from services")).toBeGreaterThanOrEqual(300);
    const products = await column("select code as v from products");
    expect(products).toHaveLength(14);
    const uncovered = await count(`
      select count(*) as n from products p cross join regions r
      where not exists (select 1 from services s where s.product = p.code and s.region = r.code)`);
    expect(uncovered).toBe(0);
    const active = await count("select count(*) as n from services where status = 'active'");
    expect(active / (await count("select count(*) as n from services"))).toBeGreaterThan(0.7);
  });

  it("uses only reserved addresses and domains, never real ones", async () => {
    const stray = await count(`
      select count(*) as n from service_resources
      where (kind in ('ipv4', 'ip-range') and family(network) = 4
             and not (network <<= '198.18.0.0/15' or network <<= '192.0.2.0/24'
                      or network <<= '198.51.100.0/24' or network <<= '203.0.113.0/24'))
         or (family(network) = 6 and not network <<= '2001:db8::/32')
         or (kind = 'domain' and value not like '%.example')`);
    expect(stray).toBe(0);
    expect(await count("select count(*) as n from service_resources")).toBeGreaterThan(300);
  });

  it("has at least 15 staff across tiers, roles, languages and regions", async () => {
    expect(await count("select count(*) as n from staff")).toBeGreaterThanOrEqual(15);
    expect(await column("select distinct tier as v from staff")).toEqual(["L1", "L2", "L3", "TAM"]);
    expect(await column("select distinct role as v from staff")).toEqual([
      "admin",
      "agent",
      "lead",
    ]);
    expect(await column("select distinct region as v from staff")).toEqual(["CA", "EU", "US"]);
    expect(await column("select distinct unnest(languages) as v from staff")).toEqual(
      expect.arrayContaining(["en", "fr", "ru"]),
    );
  });

  it("is the same plan on every run, apart from dates", () => {
    const now = new Date();
    const first = buildDemoPlan(now);
    const second = buildDemoPlan(now);
    expect(second).toEqual(first);
    expect(new Set(first.services.map((s) => s.name)).size).toBe(first.services.length);
  });

  it("signs in every listed demo user through the API", async () => {
    for (const signIn of DEMO_SIGN_INS) {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/sessions",
        payload: { email: signIn.email, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, signIn.email).toBe(201);
      expect(res.json().me.email).toBe(signIn.email);
    }
  });

  it("lets the technical partner list its clients' services", async () => {
    const partner = DEMO_SIGN_INS.find((s) => s.who === "Technical partner");
    const signIn = await app.inject({
      method: "POST",
      url: "/api/v1/auth/sessions",
      payload: { email: partner?.email, password: DEMO_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === "palier_session");
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/services?limit=100",
      cookies: { palier_session: cookie?.value ?? "" },
    });
    expect(res.statusCode).toBe(200);
    const nic = signIn.json().me.account.nicHandle;
    const managed = res
      .json()
      .items.filter(
        (s: { contacts: { admin: string; tech: string } }) =>
          s.contacts.tech === nic && s.contacts.admin !== nic,
      );
    expect(managed.length).toBeGreaterThan(0);
  });

  it("is listed in the README exactly as seeded", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(DEMO_PASSWORD);
    for (const signIn of DEMO_SIGN_INS) expect(readme).toContain(signIn.email);
    const plan = buildDemoPlan(new Date());
    expect(readme).toContain(`${plan.accounts.length} accounts`);
    expect(readme).toContain(`${plan.services.length} services`);
    expect(readme).toContain(`${plan.staff.length} staff`);
  });

  it("leaves a database that holds the demo alone, and refuses one with other customers", async () => {
    expect((await seedDemo(handle.db)).status).toBe("present");
    const before = await count("select count(*) as n from services");
    // Without its staff admin marker, this is a database of customers that are not the demo.
    await sql`update staff set email = 'former-admin@palier.cloud' where email = 'nadia.benali@palier.cloud'`.execute(
      handle.db,
    );
    const refused = await seedDemo(handle.db);
    expect(refused).toMatchObject({ status: "refused" });
    expect(await count("select count(*) as n from services")).toBe(before);
  });
});
