import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestUser,
} from "../helpers/factories.ts";
import {
  freezeClock,
  get,
  openIncident,
  openTicket,
  postTicket,
  thawClock,
  ticketRow,
} from "../helpers/ticket-factories.ts";

let ctx: TestContext;
let owner: TestUser;
let partner: TestUser;
let billing: TestUser;
let stranger: TestUser;
let service: TestService;

beforeAll(async () => {
  ctx = await testContext();
  owner = await createUser(ctx.db, await createAccount(ctx.db));
  partner = await createUser(
    ctx.db,
    await createAccount(ctx.db, { programme: "technical-partner" }),
  );
  billing = await createUser(ctx.db, await createAccount(ctx.db));
  stranger = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, {
    admin: owner.account,
    tech: partner.account,
    billing: billing.account,
  });
});

afterEach(() => thawClock(ctx.clock));

describe("opening a ticket: who may open which category", () => {
  it.each([
    ["incident", "owner (admin)", () => owner, 201],
    ["assistance", "owner (admin)", () => owner, 201],
    ["billing", "owner (admin)", () => owner, 201],
    ["incident", "partner (tech)", () => partner, 201],
    ["assistance", "partner (tech)", () => partner, 201],
    ["billing", "partner (tech)", () => partner, 403],
    ["incident", "billing contact", () => billing, 403],
    ["assistance", "billing contact", () => billing, 403],
    ["billing", "billing contact", () => billing, 201],
    ["incident", "an account with no role", () => stranger, 404],
    ["billing", "an account with no role", () => stranger, 404],
  ] as const)("%s by the %s → %s", async (category, _who, as, status) => {
    const res = await postTicket(ctx, as(), { category, service: service.name });
    expect(res.statusCode, res.body).toBe(status);
    if (status === 201) {
      const ticket = res.json();
      expect(ticket.number).toMatch(/^PAL-\d{6,}$/);
      expect(ticket.category).toBe(category);
      expect(ticket.serviceName).toBe(service.name);
      expect(ticket.status).toBe("open");
    } else {
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("opens commercial and account questions with a universe and no service", async () => {
    for (const category of ["commercial", "account"] as const) {
      const ticket = await openTicket(ctx, stranger, { category, universe: "market" });
      expect(ticket.serviceName).toBeNull();
      expect(ticket.universe).toBe("market");
      expect(ticket.entitlement.reasonCode).toBe("requester-subscription");
    }
  });

  it("refuses staff: they answer tickets, they do not open them", async () => {
    const agent = await createStaff(ctx.db);
    const res = await postTicket(ctx, agent as never, { service: service.name });
    expect(res.statusCode).toBe(403);
  });
});

describe("validation names the field", () => {
  it.each([
    [{ service: undefined }, "service"],
    [{ category: "commercial", service: undefined, area: undefined }, "universe"],
    [{ category: "account", universe: "market", service: "x.example" }, "service"],
    [{ area: "not-an-area" }, "area"],
    [{ area: undefined }, "area"],
    [{ impact: "huge" }, "impact"],
    [{ subject: "" }, "subject"],
    [{ language: "de" }, "language"],
    [{ colour: "blue" }, "colour"],
    [{ universe: "market" }, "universe"],
  ])("%j → 400 naming %s", async (given, field) => {
    const patch = given as Record<string, unknown>;
    const input: Record<string, unknown> = { service: service.name, ...patch };
    for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: owner.auth,
      payload: {
        category: "incident",
        impact: "medium",
        urgency: "medium",
        subject: "s",
        body: "b",
        ...(patch.area === undefined && "area" in patch ? {} : { area: "hypervisor" }),
        ...input,
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe("what a created ticket records", () => {
  it("derives severity from impact × urgency", async () => {
    const cases = [
      ["high", "high", "critical"],
      ["high", "medium", "high"],
      ["medium", "high", "high"],
      ["high", "low", "medium"],
      ["low", "high", "medium"],
      ["medium", "medium", "medium"],
      ["medium", "low", "low"],
      ["low", "low", "low"],
    ] as const;
    for (const [impact, urgency, severity] of cases) {
      const ticket = await openIncident(ctx, owner, service, { impact, urgency });
      expect([impact, urgency, ticket.severity]).toEqual([impact, urgency, severity]);
    }
  });

  it("stores the entitlement and shows it to the customer and to staff", async () => {
    freezeClock(ctx.clock);
    const ticket = await openIncident(ctx, partner, service, { impact: "high", urgency: "high" });
    expect(ticket.entitlement).toMatchObject({
      level: "standard",
      universe: "server",
      coverage: "business-hours",
      calendar: "EU",
      firstResponseMinutes: 480,
      entryTier: "L1",
      fastPath: false,
      subscriberNic: owner.account.nic,
      reasonCode: "service-admin-subscription",
    });
    expect(ticket.entitlement.reason).toContain(service.name);
    expect(ticket.entitlement.targets.firstResponse).toEqual({
      critical: 480,
      high: 1440,
      medium: 2880,
      low: 4320,
    });
    expect(ticket.staff).toBeUndefined();

    const agent = await createStaff(ctx.db, { universes: ["server"] });
    const seen = (await get(ctx, agent, `/tickets/${ticket.number}`)).json();
    expect(seen.entitlement).toEqual(ticket.entitlement);
    // Whether routing found an agent depends on the staff other tests created: not checked here.
    expect(seen.staff).toMatchObject({ tier: "L1", queuePriority: 10 });

    const row = await ticketRow(ctx.db, ticket.number);
    expect(row).toMatchObject({
      tier: "L1",
      queue_priority: 10,
      calendar: "EU",
      sla_clock: "first-response",
      language: "en",
    });
    expect(row.due_at?.toISOString()).toBe("2026-12-02T17:00:00.000Z");
    expect(row.first_response_due_at?.toISOString()).toBe("2026-12-02T17:00:00.000Z");
    // 75 % of 8 business hours after 10:00 Paris is 16:00 Paris.
    expect(row.sla_warn_at?.toISOString()).toBe("2026-12-02T15:00:00.000Z");
  });

  it("answers with the ticket exactly as reading it back shows it", async () => {
    // Creation presents the row it wrote, completed by what the database filled in (contacts,
    // routing's pick), without reading it again: both must agree, for each kind of ticket.
    const agent = await createStaff(ctx.db, { universes: ["server"], tier: "L1" });
    const opened = [
      await openIncident(ctx, owner, service, { impact: "high", urgency: "low" }),
      await openTicket(ctx, billing, { category: "billing", service: service.name }),
      await openTicket(ctx, owner, { category: "commercial", universe: "market" }),
    ];
    for (const ticket of opened) {
      const as = ticket.category === "billing" ? billing : owner;
      expect((await get(ctx, as, `/tickets/${ticket.number}`)).json()).toEqual(ticket);
    }
    expect(opened[0].entitlement).toMatchObject({ entryTier: "L1" });
    expect((await get(ctx, agent, `/tickets/${opened[0].number}`)).statusCode).toBe(200);
  });

  it("accepts the number with or without its prefix, and 404s one that does not exist", async () => {
    const ticket = await openIncident(ctx, owner, service);
    const bare = ticket.number.replace("PAL-", "");
    expect((await get(ctx, owner, `/tickets/${bare}`)).json().number).toBe(ticket.number);
    expect((await get(ctx, owner, `/tickets/pal-${bare}`)).statusCode).toBe(200);
    expect((await get(ctx, owner, "/tickets/PAL-999999999999")).statusCode).toBe(404);
    expect((await get(ctx, owner, "/tickets/XYZ-1")).statusCode).toBe(400);
    expect((await get(ctx, stranger, `/tickets/${ticket.number}`)).statusCode).toBe(404);
  });

  it("writes the first customer message, audit entries and notices in the same transaction", async () => {
    const ticket = await openIncident(ctx, owner, service, { body: "The first words." });
    const row = await ticketRow(ctx.db, ticket.number);
    const messages = await ctx.db
      .selectFrom("ticket_messages")
      .select(["kind", "body", "author_user_id"])
      .where("ticket_id", "=", row.id)
      .execute();
    expect(messages).toEqual([
      { kind: "customer", body: "The first words.", author_user_id: owner.id },
    ]);
    const notices = await ctx.db
      .selectFrom("outbox")
      .select(["recipient_account_id"])
      .where("topic", "=", "ticket.created")
      .where((eb) => eb(eb.ref("payload", "->>").key("ticketId" as never), "=", row.id))
      .execute();
    // The owner opened it; the partner, tech contact of the service, is told as well.
    expect(notices.map((n) => n.recipient_account_id).sort()).toEqual(
      [owner.account.id, partner.account.id].sort(),
    );
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "account_id"])
      .where("subject_kind", "=", "ticket")
      .where("subject_id", "=", row.id)
      // Routing's own entries (an automatic assignment) name no customer account.
      .where("account_id", "is not", null)
      .execute();
    expect(audit.every((a) => a.action === "ticket.created")).toBe(true);
    expect(audit.map((a) => a.account_id)).toContain(owner.account.id);
  });

  it("defaults the language to the user's", async () => {
    const frAccount = await createAccount(ctx.db);
    const frUser = await createUser(ctx.db, frAccount);
    await ctx.db.updateTable("users").set({ language: "fr" }).where("id", "=", frUser.id).execute();
    const frService = await createService(ctx.db, { admin: frAccount });
    const ticket = await openIncident(ctx, frUser, frService);
    expect(ticket.language).toBe("fr");
    const en = await openIncident(ctx, frUser, frService, { language: "en" });
    expect(en.language).toBe("en");
  });
});
