import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/http/principal.ts";
import { AppError } from "../../src/http/problem.ts";
import { createAccount, createUser } from "../../src/modules/accounts/service.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { TEST_PASSWORD, uniqueNic, uniqueSuffix } from "../helpers/factories.ts";
import { type Cast, createCast } from "./cast.ts";

async function auditOf(ctx: TestContext, subjectKind: string, subjectId: string) {
  return ctx.db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject_kind", "=", subjectKind)
    .where("subject_id", "=", subjectId)
    .orderBy("id")
    .execute();
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("accounts over HTTP", () => {
  let ctx: TestContext;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await testContext();
    cast = await createCast(ctx.db);
  });

  it("creates an account with a NIC handle from the name's initials, and audits it", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: { ...cast.lead.auth, "x-request-id": `create-${uniqueSuffix()}` },
      payload: { kind: "company", name: "Boulangerie Martin", region: "CA", language: "fr" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const account = res.json();
    expect(account.nicHandle).toMatch(/^bm[0-9]{4,6}-pal$/);
    expect(account).toMatchObject({
      kind: "company",
      name: "Boulangerie Martin",
      region: "CA",
      language: "fr",
      programme: "direct",
      certifiedAt: null,
      partnerProgrammes: [],
    });
    expect(new Date(account.createdAt).toISOString()).toBe(account.createdAt);
    expect(account).not.toHaveProperty("id");

    const [entry, ...rest] = await auditOf(ctx, "account", account.nicHandle);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      action: "account.created",
      actor_kind: "staff",
      actor_id: cast.lead.id,
      actor_label: `${cast.lead.email} (staff lead)`,
      request_id: res.headers["x-request-id"],
      ip: "127.0.0.1",
    });
    expect(entry?.account_id).not.toBeNull();
    expect(entry?.details).toMatchObject({ name: "Boulangerie Martin", programme: "direct" });
  });

  it("refuses a NIC handle that is taken, naming the field", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: cast.admin.auth,
      payload: {
        nicHandle: cast.account.nic,
        kind: "individual",
        name: "Copycat",
        region: "EU",
        language: "en",
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "already_exists",
      errors: [{ field: "nicHandle", in: "body" }],
    });
  });

  it.each([
    [{ nicHandle: "AB12-PAL" }, "nicHandle", 400],
    [{ nicHandle: "ab1234567-pal" }, "nicHandle", 400],
    [{ region: "ZZ" }, "region", 400],
    [{ region: "eu" }, "region", 400],
    [{ programme: "technical-partner" }, "certifiedAt", 400],
    [{ programme: "technical-partner", certifiedAt: "2024-02-30" }, "certifiedAt", 400],
    [{ certifiedAt: "2024-02-01" }, "certifiedAt", 400],
    [{ programme: "commercial-partner" }, "partnerProgrammes", 400],
    [{ partnerProgrammes: [{ universe: "server", tier: "premier" }] }, "partnerProgrammes", 400],
    [
      {
        programme: "commercial-partner",
        partnerProgrammes: [
          { universe: "server", tier: "premier" },
          { universe: "server", tier: "advanced" },
        ],
      },
      "partnerProgrammes",
      400,
    ],
    [
      {
        programme: "commercial-partner",
        partnerProgrammes: [{ universe: "moon", tier: "premier" }],
      },
      "partnerProgrammes.0.universe",
      400,
    ],
    [{ kind: "cooperative" }, "kind", 400],
    [{ name: "" }, "name", 400],
  ])("refuses %j on create, naming %s", async (change, field, status) => {
    // Counted by a name of this case only: other test files create accounts at the same time.
    const name = (change as { name?: string }).name ?? `Invalid Co ${uniqueSuffix()}`;
    const named = () =>
      ctx.db
        .selectFrom("accounts")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("name", "=", name)
        .executeTakeFirstOrThrow();
    const before = await named();
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: cast.admin.auth,
      payload: { kind: "company", name, region: "EU", language: "en", ...change },
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe("validation_failed");
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(Number((await named()).n)).toBe(Number(before.n));
  });

  it("creates partners with their certification date and partner programmes", async () => {
    const tech = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: cast.admin.auth,
      payload: {
        kind: "company",
        name: "Infogérance Plus",
        region: "EU",
        language: "fr",
        programme: "technical-partner",
        certifiedAt: "2023-06-30",
      },
    });
    expect(tech.statusCode, tech.body).toBe(201);
    expect(tech.json()).toMatchObject({
      programme: "technical-partner",
      certifiedAt: "2023-06-30",
    });

    const commercial = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: cast.admin.auth,
      payload: {
        kind: "company",
        name: "Reseller Cloud",
        region: "US",
        language: "en",
        programme: "commercial-partner",
        partnerProgrammes: [
          { universe: "server", tier: "advanced" },
          { universe: "market", tier: "registered" },
        ],
      },
    });
    expect(commercial.statusCode, commercial.body).toBe(201);
    const programmes = commercial.json().partnerProgrammes;
    expect(programmes.map((p: { universe: string; tier: string }) => [p.universe, p.tier])).toEqual(
      [
        ["market", "registered"],
        ["server", "advanced"],
      ],
    );
    expect(programmes[0].joinedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("answers an invalid NIC handle in the path with 400 naming nic", async () => {
    for (const url of ["/api/v1/accounts/NOT-A-NIC", "/api/v1/accounts/ab1-pal-x/users"]) {
      const res = await ctx.app.inject({ method: "GET", url, headers: cast.admin.auth });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: "validation_failed",
        errors: [{ field: "nic", in: "params" }],
      });
    }
  });

  it("lets a staff admin move an account between programmes, auditing each change", async () => {
    const nic = (
      await createAccount(ctx.db, null, {
        kind: "company",
        name: "Moving Partner",
        region: "EU",
        language: "en",
      })
    ).nicHandle;
    const url = `/api/v1/accounts/${nic}`;
    const toCommercial = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: cast.admin.auth,
      payload: {
        programme: "commercial-partner",
        partnerProgrammes: [{ universe: "public-cloud", tier: "premier" }],
        region: "US",
      },
    });
    expect(toCommercial.statusCode, toCommercial.body).toBe(200);
    expect(toCommercial.json()).toMatchObject({
      programme: "commercial-partner",
      region: "US",
      partnerProgrammes: [{ universe: "public-cloud", tier: "premier" }],
    });

    // Without a certification date, the move to technical partner is refused as a whole.
    const incomplete = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: cast.admin.auth,
      payload: { programme: "technical-partner" },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors[0].field).toBe("certifiedAt");

    const toTechnical = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: cast.admin.auth,
      payload: { programme: "technical-partner", certifiedAt: "2025-01-31" },
    });
    expect(toTechnical.statusCode, toTechnical.body).toBe(200);
    expect(toTechnical.json()).toMatchObject({
      programme: "technical-partner",
      certifiedAt: "2025-01-31",
      partnerProgrammes: [],
      region: "US",
    });

    const toDirect = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: cast.admin.auth,
      payload: { programme: "direct" },
    });
    expect(toDirect.json()).toMatchObject({ programme: "direct", certifiedAt: null });

    const entries = await auditOf(ctx, "account", nic);
    expect(entries.map((e) => [e.action, e.actor_kind])).toEqual([
      ["account.created", "system"],
      ["account.updated", "staff"],
      ["account.updated", "staff"],
      ["account.updated", "staff"],
    ]);
    expect(entries[0]?.actor_label).toBe("system");
    expect(entries[1]?.details).toMatchObject({
      changes: {
        programme: { from: "direct", to: "commercial-partner" },
        region: { from: "EU", to: "US" },
        partner_programmes: { from: [], to: [{ universe: "public-cloud", tier: "premier" }] },
      },
    });
    expect(entries[2]?.details).toMatchObject({
      changes: {
        programme: { from: "commercial-partner", to: "technical-partner" },
        certified_at: { from: null, to: "2025-01-31" },
      },
    });
  });

  it("lets a user rename the account but not change its programme, naming the field", async () => {
    const url = `/api/v1/accounts/${cast.account.nic}`;
    const refused = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: cast.member.auth,
      payload: { name: "Sneaky", programme: "commercial-partner" },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors).toEqual([
      { field: "programme", in: "body", message: "only staff admins may change this" },
    ]);
    const unchanged = await ctx.app.inject({ method: "GET", url, headers: cast.member.auth });
    expect(unchanged.json().name).not.toBe("Sneaky");

    const renamed = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: cast.member.auth,
      payload: { name: "  Trimmed Name  " },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe("Trimmed Name");
    const [last] = (await auditOf(ctx, "account", cast.account.nic)).reverse();
    expect(last).toMatchObject({
      action: "account.updated",
      actor_kind: "user",
      actor_id: cast.member.id,
      account_id: cast.account.id,
    });

    const empty = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: cast.member.auth,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
  });

  it("filters the account list by programme, region and text", async () => {
    const tag = `filtertag${uniqueSuffix()}`;
    const made = [];
    for (const [region, programme] of [
      ["EU", "direct"],
      ["CA", "direct"],
      ["EU", "technical-partner"],
    ] as const) {
      made.push(
        await createAccount(ctx.db, null, {
          kind: "company",
          name: `${tag} ${region} ${programme}`,
          region,
          language: "en",
          programme,
          ...(programme === "technical-partner" ? { certifiedAt: "2024-01-01" } : {}),
        }),
      );
    }
    const list = async (query: string) => {
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/accounts?q=${tag.toUpperCase()}${query}`,
        headers: cast.agent.auth,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((a: { nicHandle: string }) => a.nicHandle);
    };
    expect(await list("")).toEqual(made.map((m) => m.nicHandle).sort());
    expect(await list("&region=EU")).toEqual([made[0], made[2]].map((m) => m?.nicHandle).sort());
    expect(await list("&programme=technical-partner")).toEqual([made[2]?.nicHandle]);
    expect(await list("&region=US")).toEqual([]);
    // The NIC handle itself is searchable, and LIKE wildcards are taken literally.
    const byNic = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/accounts?q=${made[1]?.nicHandle}`,
      headers: cast.agent.auth,
    });
    expect(byNic.json().items).toHaveLength(1);
    expect(await list("%25")).toEqual([]);
    const bad = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/accounts?programme=vip",
      headers: cast.agent.auth,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: "programme", in: "query" });
  });
});

describe("users of an account", () => {
  let ctx: TestContext;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await testContext();
    cast = await createCast(ctx.db);
  });

  it("adds a user who can then sign in, never exposing the password hash", async () => {
    const email = `new-${uniqueSuffix()}@Example.test`;
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/accounts/${cast.account.nic}/users`,
      headers: cast.member.auth,
      payload: {
        email,
        name: "New Colleague",
        password: "a-fine-long-password",
        timeZone: "europe/paris",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email,
      name: "New Colleague",
      language: "en",
      timeZone: "Europe/Paris",
    });
    expect(res.body).not.toContain("argon2");
    expect(res.body).not.toContain("password");

    const signIn = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sessions",
      payload: { email: email.toLowerCase(), password: "a-fine-long-password" },
    });
    expect(signIn.statusCode).toBe(201);
    expect(signIn.json().me.account.nicHandle).toBe(cast.account.nic);

    const list = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/accounts/${cast.account.nic}/users`,
      headers: cast.agent.auth,
    });
    expect(list.statusCode).toBe(200);
    const emails = list.json().items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining([cast.member.email, email]));
    expect(list.body).not.toContain("argon2");

    const [entry] = await auditOf(ctx, "user", user.id);
    expect(entry).toMatchObject({
      action: "user.created",
      actor_kind: "user",
      actor_id: cast.member.id,
      account_id: cast.account.id,
    });
    expect(JSON.stringify(entry?.details)).not.toContain("a-fine-long-password");
  });

  it("refuses an email already used by a user or a staff member, whatever its case", async () => {
    for (const email of [cast.member.email.toUpperCase(), cast.agent.email.toUpperCase()]) {
      const res = await ctx.app.inject({
        method: "POST",
        url: `/api/v1/accounts/${cast.account.nic}/users`,
        headers: cast.admin.auth,
        payload: { email, name: "Duplicate", password: "a-fine-long-password" },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: "already_exists",
        errors: [{ field: "email", in: "body" }],
      });
    }
  });

  it.each([
    [{ password: "short" }, "password"],
    [{ email: "not-an-email" }, "email"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ language: "de" }, "language"],
  ])("refuses %j naming %s", async (change, field) => {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/accounts/${cast.account.nic}/users`,
      headers: cast.admin.auth,
      payload: {
        email: `bad-${uniqueSuffix()}@example.test`,
        name: "Bad Input",
        password: "a-fine-long-password",
        ...change,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe(field);
  });

  it("pages through users in email order", async () => {
    const account = await createAccount(ctx.db, null, {
      kind: "company",
      name: "Many Users",
      region: "EU",
      language: "ru",
    });
    const emails = [];
    for (const n of [3, 1, 2]) {
      const email = `u${n}-${uniqueSuffix()}@example.test`;
      emails.push(email);
      await createUser(ctx.db, null, {
        nicHandle: account.nicHandle,
        email,
        name: `User ${n}`,
        password: TEST_PASSWORD,
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/accounts/${account.nicHandle}/users?limit=2${query}`,
        headers: cast.lead.auth,
      });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...page.items.map((u: { email: string; language: string }) => u.email));
      expect(page.items.every((u: { language: string }) => u.language === "ru")).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...emails].sort());
  });
});

describe("account service functions for the CLI and seeding", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await testContext();
  });

  it("generates handles from Latin and Cyrillic initials, audited as the system", async () => {
    const latin = await createAccount(ctx.db, null, {
      kind: "individual",
      name: "Élodie Dupont",
      region: "EU",
      language: "fr",
    });
    expect(latin.nicHandle).toMatch(/^ed[0-9]{4,6}-pal$/);
    const cyrillic = await createAccount(ctx.db, null, {
      kind: "company",
      name: "Ромашка Трейд",
      region: "EU",
      language: "ru",
    });
    expect(cyrillic.nicHandle).toMatch(/^rt[0-9]{4,6}-pal$/);
    const single = await createAccount(ctx.db, null, {
      kind: "company",
      name: "Zenith",
      region: "US",
      language: "en",
    });
    expect(single.nicHandle).toMatch(/^ze[0-9]{4,6}-pal$/);
    const [entry] = await auditOf(ctx, "account", cyrillic.nicHandle);
    expect(entry).toMatchObject({
      actor_kind: "system",
      actor_label: "system",
      account_id: cyrillic.id,
    });
  });

  it("keeps a given handle and validates input the HTTP schema would have", async () => {
    const nic = uniqueNic();
    const made = await createAccount(ctx.db, null, {
      nicHandle: nic,
      kind: "company",
      name: "Given Handle",
      region: "EU",
      language: "en",
    });
    expect(made.nicHandle).toBe(nic);
    const bad = await rejection(
      createAccount(ctx.db, null, {
        nicHandle: "bad",
        kind: "company",
        name: "x",
        region: "EU",
        language: "en",
      }),
    );
    expect(bad.code).toBe("validation_failed");
    expect(bad.errors[0]?.field).toBe("nicHandle");
    const region = await rejection(
      createAccount(ctx.db, null, { kind: "company", name: "x", region: "XX", language: "en" }),
    );
    expect(region.errors[0]?.field).toBe("region");
  });

  it("checks the actor's policy when one is given", async () => {
    const cast = await createCast(ctx.db);
    const agentActor: Actor = {
      principal: {
        kind: "staff",
        staffId: cast.agent.id,
        email: cast.agent.email,
        name: "Agent",
        role: "agent",
        tier: "L1",
        universes: [],
        region: "EU",
      },
      ip: null,
      requestId: "test",
    };
    const refused = await rejection(
      createAccount(ctx.db, agentActor, {
        kind: "company",
        name: "x",
        region: "EU",
        language: "en",
      }),
    );
    expect(refused.code).toBe("forbidden");
  });

  it("creates users with a strong enough password only, on an existing account", async () => {
    const account = await createAccount(ctx.db, null, {
      kind: "individual",
      name: "Solo",
      region: "CA",
      language: "fr",
    });
    const weak = await rejection(
      createUser(ctx.db, null, {
        nicHandle: account.nicHandle,
        email: `weak-${uniqueSuffix()}@example.test`,
        name: "Weak",
        password: "eleven-char",
      }),
    );
    expect(weak.errors[0]?.field).toBe("password");
    const missing = await rejection(
      createUser(ctx.db, null, {
        nicHandle: "zz0-pal",
        email: `nobody-${uniqueSuffix()}@example.test`,
        name: "Nobody",
        password: TEST_PASSWORD,
      }),
    );
    expect(missing.code).toBe("not_found");
    const made = await createUser(ctx.db, null, {
      nicHandle: account.nicHandle,
      email: `solo-${uniqueSuffix()}@example.test`,
      name: "Solo",
      password: TEST_PASSWORD,
    });
    const row = await ctx.db
      .selectFrom("users")
      .select(["language", "time_zone", "password_hash"])
      .where("id", "=", made.id)
      .executeTakeFirstOrThrow();
    expect(row.language).toBe("fr");
    expect(row.time_zone).toBe("UTC");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
