import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import {
  freezeClock,
  get,
  openIncident,
  post,
  postOk,
  thawClock,
  ticketRow,
} from "../helpers/ticket-factories.ts";

let ctx: TestContext;
let customer: TestUser;
let service: TestService;
let agent: TestStaff;
let partner: TestUser;

async function userIn(language: "en" | "fr" | "ru"): Promise<TestUser> {
  const user = await createUser(ctx.db, await createAccount(ctx.db, { language }));
  await ctx.db.updateTable("users").set({ language }).where("id", "=", user.id).execute();
  return user;
}

beforeAll(async () => {
  ctx = await testContext();
  customer = await userIn("en");
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
  // A certified partner, tech contact of a VPS of another client: one to recommend.
  partner = await createUser(
    ctx.db,
    await createAccount(ctx.db, { programme: "technical-partner", name: "000 Server Experts" }),
  );
  const client = await createAccount(ctx.db);
  await createService(ctx.db, { admin: client, tech: partner.account });
  // A certified partner of the market universe only: not one to recommend for a VPS.
  const webPartner = await createAccount(ctx.db, {
    programme: "technical-partner",
    name: "000 A Web Partner",
  });
  await createService(
    ctx.db,
    { admin: client, tech: webPartner },
    { product: "web-hosting", name: `site-${webPartner.nic.slice(0, 8)}.example` },
  );
});

afterEach(() => thawClock(ctx.clock));

describe("out-of-perimeter marking at creation", () => {
  it("marks a ticket on an area the customer owns, and still accepts it", async () => {
    const ticket = await openIncident(ctx, customer, service, { area: "operating-system" });
    expect(ticket).toMatchObject({ responsibilityArea: "operating-system", outOfPerimeter: true });
  });

  it.each(["hypervisor", "backups"])(
    "does not mark the %s area (ours, or shared)",
    async (area) => {
      const ticket = await openIncident(ctx, customer, service, { area });
      expect(ticket.outOfPerimeter).toBe(false);
    },
  );
});

describe("the intake check before submission", () => {
  const intake = (as: TestUser, query: string) => get(ctx, as, `/tickets/intake?${query}`);

  it("explains a customer-owned area in the user's language, with help and the target", async () => {
    freezeClock(ctx.clock);
    const fr = await userIn("fr");
    const frService = await createService(ctx.db, { admin: fr.account });
    const res = await intake(
      fr,
      `service=${frService.name}&area=operating-system&impact=high&urgency=high`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      service: frService.name,
      product: "vps",
      universe: "server",
      severity: "critical",
      outOfPerimeter: true,
      area: { area: "operating-system", owner: "customer" },
      entitlement: { level: "standard", calendar: "EU", firstResponseMinutes: 480 },
      firstResponse: { minutes: 480, dueAt: "2026-12-02T17:00:00.000Z" },
      fastPath: { requested: false, granted: false, refusal: null, refusalCode: null },
    });
    expect(body.area.explanation).toContain("Le système d'exploitation de votre VPS");
    expect(body.help.documentationUrl).toBe(
      `${ctx.config.publicUrl}/api/v1/catalog/products/vps/responsibilities`,
    );
    expect(body.help.partners.length).toBeLessThanOrEqual(5);
    expect(body.help.partners).toContainEqual({
      nicHandle: partner.account.nic,
      name: "000 Server Experts",
    });
    expect(body.help.partners.map((p: { name: string }) => p.name)).not.toContain(
      "000 A Web Partner",
    );
  });

  it("gives no help section for an area that is ours, and takes a severity directly", async () => {
    const body = (
      await intake(customer, `service=${service.name}&area=hypervisor&severity=low`)
    ).json();
    expect(body).toMatchObject({
      outOfPerimeter: false,
      help: null,
      severity: "low",
      area: { owner: "provider" },
    });
  });

  it("reports a refused Fast-Path and shows the level that would apply instead, writing nothing", async () => {
    // Only this service's tickets: other test files open tickets at the same time.
    const before = await ctx.db
      .selectFrom("tickets")
      .select(ctx.db.fn.countAll().as("n"))
      .where("service_id", "=", service.id)
      .executeTakeFirstOrThrow();
    const body = (
      await intake(customer, `service=${service.name}&area=hypervisor&severity=high&fastPath=true`)
    ).json();
    expect(body.fastPath.requested).toBe(true);
    expect(body.fastPath.granted).toBe(false);
    expect(body.fastPath.refusal).toMatch(/Fast-Path/);
    expect(body.fastPath.refusalCode).toBe("fast_path_not_subscribed");
    expect(body.entitlement.level).toBe("standard");
    const after = await ctx.db
      .selectFrom("tickets")
      .select(ctx.db.fn.countAll().as("n"))
      .where("service_id", "=", service.id)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("grants Fast-Path to a subscribed partner on its client's service, without using the quota", async () => {
    freezeClock(ctx.clock);
    const client = await createAccount(ctx.db);
    const managed = await createService(ctx.db, { admin: client, tech: partner.account });
    await ctx.db
      .insertInto("fast_path_subscriptions")
      .values({
        account_id: partner.account.id,
        price_cents: 5000,
        yearly_quota: 6,
        starts_at: new Date("2026-01-01T00:00:00Z"),
        ends_at: null,
      })
      .execute();
    const body = (
      await intake(partner, `service=${managed.name}&area=hypervisor&severity=medium&fastPath=true`)
    ).json();
    expect(body.fastPath).toEqual({
      requested: true,
      granted: true,
      refusal: null,
      refusalCode: null,
    });
    expect(body.entitlement).toMatchObject({ entryTier: "L3", calendar: null, fastPath: true });
    expect(body.firstResponse).toEqual({ minutes: 30, dueAt: "2026-12-02T09:30:00.000Z" });
    const used = await ctx.db
      .selectFrom("tickets")
      .select("id")
      .where("account_id", "=", partner.account.id)
      .where("fast_path", "=", true)
      .execute();
    expect(used).toEqual([]);

    // Its own service, looked after technically by another account: no Fast-Path there.
    const own = await createService(ctx.db, { admin: partner.account, tech: client });
    const refused = (
      await intake(partner, `service=${own.name}&category=assistance&severity=low&fastPath=true`)
    ).json();
    expect(refused.fastPath).toMatchObject({
      requested: true,
      granted: false,
      refusalCode: "fast_path_not_tech_contact",
    });
  });

  it("needs a universe for questions about no service, and names bad fields", async () => {
    const ok = await intake(customer, "category=commercial&universe=market&severity=low");
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ service: null, area: null, universe: "market" });
    const cases: [string, string][] = [
      ["category=commercial&severity=low", "universe"],
      [`service=${service.name}&area=teleportation&severity=low`, "area"],
      [`service=${service.name}`, "severity"],
      [`service=${service.name}&severity=urgent`, "severity"],
    ];
    for (const [query, field] of cases) {
      const res = await intake(customer, query);
      expect([query, res.statusCode]).toEqual([query, 400]);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const stranger = await userIn("en");
    expect((await intake(stranger, `service=${service.name}&severity=low`)).statusCode).toBe(404);
  });
});

describe("the one-click out-of-perimeter answer", () => {
  it.each([
    ["fr", "Ce domaine relève de votre responsabilité", "Le système d'exploitation de votre VPS"],
    ["ru", "Эта область — ваша зона ответственности", "Операционную систему VPS вы настраиваете"],
    ["en", "This area is the customer's responsibility", "The operating system of your VPS"],
  ])("cites the matrix row in the ticket's language (%s)", async (language, owner, explanation) => {
    const ticket = await openIncident(ctx, customer, service, {
      area: "operating-system",
      language,
    });
    const message = await postOk(
      ctx,
      agent,
      `/tickets/${ticket.number}/out-of-perimeter-answer`,
      {},
    );
    expect(message.kind).toBe("agent");
    expect(message.body).toContain("operating-system");
    expect(message.body).toContain(owner);
    expect(message.body).toContain(explanation);
    expect(message.body).toContain(
      `${ctx.config.publicUrl}/api/v1/catalog/products/vps/responsibilities`,
    );
    expect(message.body).toContain(partner.account.nic);
    // It is the first public answer: the first-response clock stops.
    const seen = (await get(ctx, customer, `/tickets/${ticket.number}`)).json();
    expect(seen.sla.clock).toBeNull();
    expect(seen.sla.firstRespondedAt).not.toBeNull();
  });

  it("may cite another area than the one chosen, and marks the ticket", async () => {
    const ticket = await openIncident(ctx, customer, service, { area: "hypervisor" });
    expect(ticket.outOfPerimeter).toBe(false);
    await postOk(ctx, agent, `/tickets/${ticket.number}/out-of-perimeter-answer`, {
      area: "applications",
    });
    const row = await ticketRow(ctx.db, ticket.number);
    expect(row).toMatchObject({ out_of_perimeter: true, responsibility_area: "applications" });
  });

  it("refuses areas that are ours or shared, unknown areas, and customers", async () => {
    const ticket = await openIncident(ctx, customer, service, { area: "hypervisor" });
    const url = `/tickets/${ticket.number}/out-of-perimeter-answer`;
    expect((await post(ctx, agent, url, {})).statusCode).toBe(409);
    expect((await post(ctx, agent, url, { area: "backups" })).statusCode).toBe(409);
    const unknown = await post(ctx, agent, url, { area: "weather" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe("area");
    expect((await post(ctx, customer, url, { area: "applications" })).statusCode).toBe(403);
  });
});
