import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createCustomer,
  createService,
  createStaff,
  type TestService,
  type TestStaff,
  type TestUser,
  uniqueSuffix,
} from "../helpers/factories.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

function get(url: string, headers: Record<string, string>) {
  return ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers });
}

async function names(url: string, headers: Record<string, string>): Promise<string[]> {
  const res = await get(url, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((item: { name: string }) => item.name);
}

describe("direct and partner-managed services", () => {
  it("derives direct from the three contacts, for the owner and the partner", async () => {
    const owner = await createCustomer(ctx.db);
    const partner = await createCustomer(ctx.db, { programme: "technical-partner" });
    const direct = await createService(ctx.db, { admin: owner.account });
    const managed = await createService(ctx.db, { admin: owner.account, tech: partner.account });

    const mine = await get(`/services/${direct.name}`, owner.auth);
    expect(mine.json()).toMatchObject({
      direct: true,
      myRoles: ["admin", "tech", "billing"],
      contacts: { admin: owner.account.nic, tech: owner.account.nic, billing: owner.account.nic },
      universe: "server",
      product: "vps",
    });
    const theirs = await get(`/services/${managed.name}`, partner.auth);
    expect(theirs.json()).toMatchObject({
      direct: false,
      myRoles: ["tech"],
      contacts: { admin: owner.account.nic, tech: partner.account.nic, billing: owner.account.nic },
    });
    const contacts = await get(`/services/${managed.name}/contacts`, owner.auth);
    expect(contacts.json()).toMatchObject({
      serviceName: managed.name,
      direct: false,
      admin: { nicHandle: owner.account.nic, kind: "company", programme: "direct" },
      tech: { nicHandle: partner.account.nic, programme: "technical-partner" },
      billing: { nicHandle: owner.account.nic },
    });
    // The partner does not see the owner's direct service at all.
    expect((await get(`/services/${direct.name}`, partner.auth)).statusCode).toBe(404);
  });

  it("lists the service's resources on the detail", async () => {
    const owner = await createCustomer(ctx.db);
    const service = await createService(ctx.db, { admin: owner.account });
    await ctx.db
      .insertInto("service_resources")
      .values([
        { service_id: service.id, kind: "ipv4", value: "203.0.113.7", network: "203.0.113.7/32" },
        { service_id: service.id, kind: "domain", value: "example.org", network: null },
      ])
      .execute();
    const res = await get(`/services/${service.name}`, owner.auth);
    expect(res.json().resources).toEqual([
      { kind: "domain", value: "example.org", network: null },
      { kind: "ipv4", value: "203.0.113.7", network: "203.0.113.7/32" },
    ]);
  });
});

describe("GET /services filters", () => {
  let owner: TestUser;
  let partner: TestUser;
  let vps: TestService;
  let domain: TestService;
  let managed: TestService;
  let suspended: TestService;
  let caService: TestService;
  let staffAdmin: TestStaff;
  let marketAgent: TestStaff;
  const prefix = `flt${uniqueSuffix()}`;

  beforeAll(async () => {
    owner = await createCustomer(ctx.db);
    partner = await createCustomer(ctx.db, { programme: "technical-partner" });
    staffAdmin = await createStaff(ctx.db, { role: "admin" });
    marketAgent = await createStaff(ctx.db, { role: "agent", universes: ["market"] });
    const admin = owner.account;
    vps = await createService(ctx.db, { admin }, { name: `${prefix}-a.vps.test` });
    domain = await createService(ctx.db, { admin }, { product: "domain", name: `${prefix}-b.org` });
    managed = await createService(
      ctx.db,
      { admin, tech: partner.account },
      { name: `${prefix}-c.vps.test` },
    );
    suspended = await createService(ctx.db, { admin }, { name: `${prefix}-d.vps.test` });
    await ctx.db
      .updateTable("services")
      .set({ status: "suspended" })
      .where("id", "=", suspended.id)
      .execute();
    caService = await createService(
      ctx.db,
      { admin },
      { name: `${prefix}-e.vps.test`, region: "CA" },
    );
  });

  const all = () => [vps, domain, managed, suspended, caService].map((s) => s.name).sort();

  it("returns all of the caller's services without filters", async () => {
    expect((await names("/services?limit=100", owner.auth)).sort()).toEqual(all());
  });

  it("filters by universe, product, region, status and name prefix", async () => {
    expect(await names("/services?universe=market", owner.auth)).toEqual([domain.name]);
    expect(await names("/services?product=domain", owner.auth)).toEqual([domain.name]);
    expect(await names("/services?region=CA", owner.auth)).toEqual([caService.name]);
    expect(await names("/services?status=suspended", owner.auth)).toEqual([suspended.name]);
    expect(await names(`/services?q=${prefix}-c`, owner.auth)).toEqual([managed.name]);
    expect(await names(`/services?q=${prefix.toUpperCase()}-B`, owner.auth)).toEqual([domain.name]);
    expect(await names("/services?universe=server&status=active&region=EU", owner.auth)).toEqual(
      expect.arrayContaining([vps.name, managed.name]),
    );
  });

  it("filters by the caller's role", async () => {
    expect((await names("/services?role=tech", owner.auth)).sort()).toEqual(
      all().filter((n) => n !== managed.name),
    );
    expect(await names("/services?role=tech", partner.auth)).toEqual([managed.name]);
    expect(await names("/services?role=admin", partner.auth)).toEqual([]);
    expect(await names("/services", partner.auth)).toEqual([managed.name]);
  });

  it("lets staff filter by account and role, and only staff", async () => {
    expect((await names(`/services?account=${owner.account.nic}`, staffAdmin.auth)).sort()).toEqual(
      all(),
    );
    expect(
      await names(`/services?account=${partner.account.nic}&role=tech`, staffAdmin.auth),
    ).toEqual([managed.name]);
    expect(await names(`/services?account=${owner.account.nic}`, marketAgent.auth)).toEqual([
      domain.name,
    ]);
    const customer = await get(`/services?account=${owner.account.nic}`, owner.auth);
    expect(customer.statusCode).toBe(403);
    const noAccount = await get("/services?role=tech", staffAdmin.auth);
    expect(noAccount.statusCode).toBe(400);
    expect(noAccount.json().errors[0]).toMatchObject({ field: "role", in: "query" });
  });

  it("refuses malformed filters naming the parameter", async () => {
    for (const [query, field] of [
      ["universe=moon", "universe"],
      ["status=sleeping", "status"],
      ["role=owner", "role"],
      ["account=NOTANIC", "account"],
      ["limit=1000", "limit"],
      ["colour=blue", "colour"],
    ] as const) {
      const res = await get(`/services?${query}`, owner.auth);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errors[0].field, query).toBe(field);
    }
    const cursor = await get("/services?cursor=not-a-cursor", owner.auth);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().code).toBe("invalid_cursor");
  });
});

describe("GET /services pagination", () => {
  it("walks every page with limit=2, without duplicates or gaps", async () => {
    const account = await createAccount(ctx.db);
    const other = await createAccount(ctx.db);
    const user = await createCustomer(ctx.db);
    // The caller's account holds different role mixes, so the union of role branches is exercised.
    const me = user.account;
    const expected: string[] = [];
    const mixes = [
      { admin: me },
      { admin: account, tech: me },
      { admin: account, billing: me },
      { admin: account, tech: me, billing: me },
      { admin: me, tech: other },
      { admin: other, tech: account, billing: me },
      { admin: me, tech: account, billing: other },
    ];
    for (const [index, contacts] of mixes.entries()) {
      const service = await createService(ctx.db, contacts, {
        name: `page${index}-${uniqueSuffix()}.test`,
      });
      expected.push(service.name);
    }
    await createService(ctx.db, { admin: other }, { name: `page-x-${uniqueSuffix()}.test` });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await get(`/services?limit=2${query}`, user.auth);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item: { name: string }) => item.name));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 20);

    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());
    // Pages come in the database's name order, the same order one unpaged read gives.
    expect(seen).toEqual(await names("/services?limit=100", user.auth));
  });
});
