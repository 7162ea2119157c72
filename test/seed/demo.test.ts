import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/context.ts";
import { type OpenContext, openAppContext } from "../../src/jobs/runtime.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { seedCatalog } from "../../src/modules/catalog/seed.ts";
import { alwaysOpen } from "../../src/modules/sla/calendar.ts";
import { seedCalendars } from "../../src/modules/sla/seed.ts";
import { loadCalendar } from "../../src/modules/sla/service.ts";
import { seedSupport } from "../../src/modules/support/seed.ts";
import {
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  type DemoSeedOutcome,
  seedDemo,
} from "../../src/seed/demo.ts";
import { buildDemoPlan } from "../../src/seed/demo-plan.ts";
import { DEMO_TICKETS } from "../../src/seed/demo-support.ts";
import { createDatabase, dropDatabase } from "../helpers/postgres.ts";

// The demo needs an empty database: never the worker's shared one, which other files fill.
let handle: DatabaseHandle;
let app: App;
let outcome: DemoSeedOutcome;
let dropUrl: string | null = null;
let opened: OpenContext | undefined;

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
  await seedCalendars(handle.db);
  await seedSupport(handle.db);
  outcome = await seedDemo(handle.db);
  const config = { ...loadConfig({}), logLevel: "silent" };
  opened = await openAppContext(
    handle.db,
    { ...config, databaseUrl: dropUrl ?? undefined },
    systemClock,
  );
  app = await buildApp(opened, { logger: false, rateLimitPerMinute: 1_000_000 });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await opened?.close();
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

async function signIn(email: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/sessions",
    payload: { email, password: DEMO_PASSWORD },
  });
  expect(res.statusCode, email).toBe(201);
  const cookie = res.cookies.find((c) => c.name === "palier_session");
  return { palier_session: cookie?.value ?? "" };
}

describe("demo support data", () => {
  it("has 60 to 100 tickets across universes, categories, statuses and languages", async () => {
    const tickets = await count("select count(*) as n from tickets");
    expect(tickets).toBe(DEMO_TICKETS);
    expect(tickets).toBeGreaterThanOrEqual(60);
    expect(tickets).toBeLessThanOrEqual(100);
    expect(await column("select distinct universe as v from tickets")).toEqual([
      "enterprise",
      "market",
      "public-cloud",
      "server",
    ]);
    expect(await column("select distinct category as v from tickets")).toEqual([
      "account",
      "assistance",
      "billing",
      "commercial",
      "incident",
    ]);
    expect(await column("select distinct language as v from tickets")).toEqual(["en", "fr", "ru"]);
    expect(await column("select distinct status as v from tickets")).toEqual(
      expect.arrayContaining([
        "closed",
        "open",
        "solved",
        "waiting-for-customer",
        "waiting-for-provider",
      ]),
    );
    expect(await column("select distinct kind as v from ticket_messages")).toEqual([
      "agent",
      "customer",
      "internal",
      "system",
    ]);
    expect(await column("select distinct entitlement->>'level' as v from tickets")).toEqual(
      expect.arrayContaining(["business", "enterprise", "partner", "premium", "standard"]),
    );
    const outOfPerimeter = await count(`
      select count(*) as n from tickets t
      where t.out_of_perimeter and exists (
        select 1 from responsibility_areas r
        where r.product = t.product and r.area = t.responsibility_area and r.owner = 'customer')`);
    expect(outOfPerimeter).toBeGreaterThanOrEqual(2);
  });

  it("puts accounts on higher levels, with downgrades pending at the month's end", async () => {
    expect(
      await column(`
        select distinct o.level as v from subscriptions s join offers o on o.id = s.offer_id
        where s.starts_at <= now() and (s.ends_at is null or s.ends_at > now())`),
    ).toEqual(["business", "enterprise", "partner", "premium"]);
    const pending = await count(`
      select count(*) as n from subscriptions s
      where s.starts_at > now() and s.starts_at = date_trunc('month', now() at time zone 'UTC')
        at time zone 'UTC' + interval '1 month'
        and exists (select 1 from subscriptions c where c.account_id = s.account_id
                    and c.universe = s.universe and c.ends_at = s.starts_at)`);
    expect(pending).toBeGreaterThanOrEqual(2);
  });

  it("gives two technical partners Fast-Path, its uses counted against their quota", async () => {
    const partners = await column(`
      select a.nic_handle as v from fast_path_subscriptions f join accounts a on a.id = f.account_id
      where a.programme = 'technical-partner' and f.ends_at is null`);
    expect(partners).toHaveLength(2);
    const partner = DEMO_SIGN_INS.find((s) => s.who === "Technical partner");
    const cookies = await signIn(partner?.email ?? "");
    const me = await app.inject({ method: "GET", url: "/api/v1/me", cookies });
    const nic = me.json().account.nicHandle;
    expect(partners).toContain(nic);
    const uses = await count(`
      select count(*) as n from tickets t join accounts a on a.id = t.account_id
      where a.nic_handle = '${nic}' and t.fast_path
        and t.created_at >= date_trunc('year', now() at time zone 'UTC') at time zone 'UTC'`);
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/accounts/${nic}/fast-path`,
      cookies,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: true, usedThisYear: uses, remaining: 6 - uses });
    expect(await count("select count(*) as n from tickets where fast_path and tier = 'L3'")).toBe(
      await count("select count(*) as n from tickets where fast_path"),
    );
  });

  it("keeps the SLA fields where the clocks put them", async () => {
    // The first response is the first public agent answer; nothing lies in the future.
    expect(
      await count(`
        select count(*) as n from tickets t
        where t.first_responded_at is distinct from (
          select min(m.created_at) from ticket_messages m
          where m.ticket_id = t.id and m.kind = 'agent')`),
    ).toBe(0);
    expect(
      await count(`
        select count(*) as n from tickets t
        where t.created_at > now() or t.updated_at > now() or t.solved_at > now()
           or t.closed_at > now()
           or exists (select 1 from ticket_messages m where m.ticket_id = t.id and m.created_at > now())
           or exists (select 1 from sla_events e where e.ticket_id = t.id and e.at > now())`),
    ).toBe(0);
    // Resolved tickets run no clock; paused ones keep minutes instead of a due time.
    expect(
      await count(`
        select count(*) as n from tickets
        where (status in ('solved', 'closed') and (sla_clock is not null or due_at is not null))
           or (status in ('waiting-for-customer', 'on-hold') and due_at is not null)
           or (status in ('solved', 'closed') and solved_at is null and status = 'solved')
           or (status = 'closed' and closed_at is null)`),
    ).toBe(0);
    // Breaches are recorded at their due time, and marked on the running clock.
    expect(
      await count(`
        select count(*) as n from sla_events
        where (kind = 'breach' and at <> due_at) or (kind = 'warning' and at >= due_at)`),
    ).toBe(0);
    expect(
      await count(`
        select count(*) as n from tickets
        where due_at < now() and breached_at is null`),
    ).toBe(0);
    // An unanswered, never paused ticket is due where the calendar puts its target.
    const waiting = await sql<{
      created_at: Date;
      due_at: Date;
      calendar: string | null;
      minutes: number;
    }>`
      select t.created_at, t.due_at, t.calendar,
             (t.entitlement ->> 'firstResponseMinutes')::int as minutes
      from tickets t
      where t.status = 'open' and t.first_responded_at is null and t.due_at is not null
        and not exists (select 1 from ticket_messages m
                        where m.ticket_id = t.id and m.kind = 'system')`.execute(handle.db);
    expect(waiting.rows.length).toBeGreaterThan(0);
    for (const row of waiting.rows) {
      const calendar = row.calendar ? await loadCalendar(handle.db, row.calendar) : alwaysOpen;
      expect(row.due_at.toISOString()).toBe(
        calendar.addMinutes(row.created_at, row.minutes).toISOString(),
      );
    }
  });

  it("assigns tickets only to staff who serve their universe or product", async () => {
    const assigned = await count(
      "select count(*) as n from tickets where assigned_staff_id is not null",
    );
    expect(assigned).toBeGreaterThan(0);
    const outside = await column(`
      select 'PAL-' || t.number as v from tickets t join staff s on s.id = t.assigned_staff_id
      where not (t.universe = any(s.universes) or t.product = any(s.products))`);
    expect(outside).toEqual([]);
  });

  it("never shows a customer the internal notes of its tickets", async () => {
    const noted = await sql<{ number: number; email: string; visible: number }>`
      select t.number, u.email,
             (select count(*) from ticket_messages m
              where m.ticket_id = t.id and m.kind <> 'internal')::int as visible
      from tickets t join users u on u.id = t.requester_user_id
      where exists (select 1 from ticket_messages m where m.ticket_id = t.id and m.kind = 'internal')
      order by t.number limit 1`.execute(handle.db);
    const ticket = noted.rows[0];
    expect(ticket).toBeDefined();
    const cookies = await signIn(ticket?.email ?? "");
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/tickets/PAL-${ticket?.number}/messages?limit=100`,
      cookies,
    });
    expect(res.statusCode).toBe(200);
    const kinds = res.json().items.map((m: { kind: string }) => m.kind);
    expect(kinds).toHaveLength(ticket?.visible ?? -1);
    expect(kinds).not.toContain("internal");
  });

  it("feeds the reports a lead reads", async () => {
    const lead = DEMO_SIGN_INS.find((s) => s.who === "Lead");
    const cookies = await signIn(lead?.email ?? "");
    const from = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const res = await app.inject({
      method: "GET",
      url: `/api/v1/reports/sla-compliance?from=${from}`,
      cookies,
    });
    expect(res.statusCode).toBe(200);
    const total = res
      .json()
      .items.reduce((sum: number, i: { tickets: number }) => sum + i.tickets, 0);
    expect(total).toBe(DEMO_TICKETS);
    const ratings = await app.inject({
      method: "GET",
      url: `/api/v1/reports/ratings?from=${from}`,
      cookies,
    });
    expect(ratings.json().agents.length).toBeGreaterThan(0);
  });

  it("is described in the README", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).toContain(`${DEMO_TICKETS} tickets`);
  });
});
