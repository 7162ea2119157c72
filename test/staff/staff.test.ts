import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/http/problem.ts";
import { createStaff } from "../../src/modules/staff/service.ts";
import { type Cast, createCast, ROLES, type Role } from "../accounts/cast.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { TEST_PASSWORD, uniqueSuffix } from "../helpers/factories.ts";

const newStaffBody = () => ({
  email: `new-staff-${uniqueSuffix()}@palier.test`,
  name: "Nadia Petrova",
  password: "a-staff-password-long",
  role: "agent",
  tier: "L2",
  languages: ["ru", "en"],
  universes: ["server", "public-cloud"],
  products: ["vps", "dedicated-server"],
  region: "EU",
  maxConcurrentTickets: 12,
});

describe("staff policy table", () => {
  let ctx: TestContext;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await testContext();
    cast = await createCast(ctx.db);
  });

  const rows: {
    name: string;
    expected: Record<Role, number>;
    request: (cast: Cast) => { method: "GET" | "POST" | "PATCH"; url: string; payload?: object };
  }[] = [
    {
      name: "GET /staff",
      expected: { anonymous: 401, member: 403, other: 403, agent: 200, lead: 200, admin: 200 },
      request: () => ({ method: "GET", url: "/api/v1/staff?limit=1" }),
    },
    {
      name: "GET /staff/{id}",
      expected: { anonymous: 401, member: 403, other: 403, agent: 200, lead: 200, admin: 200 },
      request: (c) => ({ method: "GET", url: `/api/v1/staff/${c.agent.id}` }),
    },
    {
      name: "POST /staff",
      expected: { anonymous: 401, member: 403, other: 403, agent: 403, lead: 403, admin: 201 },
      request: () => ({ method: "POST", url: "/api/v1/staff", payload: newStaffBody() }),
    },
    {
      name: "PATCH /staff/{id}",
      expected: { anonymous: 401, member: 403, other: 403, agent: 403, lead: 403, admin: 200 },
      request: (c) => ({
        method: "PATCH",
        url: `/api/v1/staff/${c.agent.id}`,
        payload: { maxConcurrentTickets: 15 },
      }),
    },
  ];

  for (const row of rows) {
    for (const role of ROLES) {
      const status = row.expected[role];
      it(`${row.name} as ${role} → ${status}`, async () => {
        const res = await ctx.app.inject({ ...row.request(cast), headers: cast.headers(role) });
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) {
          expect(res.json().code).toBe(status === 401 ? "unauthenticated" : "forbidden");
        } else {
          expect(res.body).not.toContain("argon2");
          expect(res.body).not.toMatch(/password/i);
        }
      });
    }
  }
});

describe("staff members", () => {
  let ctx: TestContext;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await testContext();
    cast = await createCast(ctx.db);
  });

  it("creates a staff member who can sign in, and audits it without the password", async () => {
    const body = newStaffBody();
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/staff",
      headers: cast.admin.auth,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const staff = res.json();
    const { password: _password, ...visible } = body;
    expect(staff).toMatchObject({ ...visible, active: true });
    expect(Object.keys(staff).sort()).toEqual(
      [
        "active",
        "createdAt",
        "email",
        "id",
        "languages",
        "maxConcurrentTickets",
        "name",
        "products",
        "region",
        "role",
        "tier",
        "universes",
      ].sort(),
    );

    const signIn = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sessions",
      payload: { email: body.email, password: body.password },
    });
    expect(signIn.statusCode).toBe(201);
    expect(signIn.json().me).toMatchObject({ kind: "staff", role: "agent", tier: "L2" });

    const entries = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_kind", "=", "staff")
      .where("subject_id", "=", staff.id)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "staff.created",
      actor_kind: "staff",
      actor_id: cast.admin.id,
      account_id: null,
      request_id: res.headers["x-request-id"],
    });
    expect(JSON.stringify(entries[0]?.details)).not.toContain(body.password);
  });

  it("refuses an email already used by a customer user or another staff member", async () => {
    for (const email of [cast.member.email.toUpperCase(), cast.lead.email]) {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/v1/staff",
        headers: cast.admin.auth,
        payload: { ...newStaffBody(), email },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: "already_exists", errors: [{ field: "email" }] });
    }
  });

  it.each([
    [{ products: ["teleporter"] }, "products"],
    [{ region: "ZZ" }, "region"],
    [{ languages: [] }, "languages"],
    [{ languages: ["english"] }, "languages.0"],
    [{ universes: ["moon"] }, "universes.0"],
    [{ role: "boss" }, "role"],
    [{ tier: "L4" }, "tier"],
    [{ maxConcurrentTickets: 0 }, "maxConcurrentTickets"],
    [{ maxConcurrentTickets: 201 }, "maxConcurrentTickets"],
    [{ password: "too-short" }, "password"],
    [{ passwordHash: "x" }, "passwordHash"],
  ])("refuses %j naming %s", async (change, field) => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/staff",
      headers: cast.admin.auth,
      payload: { ...newStaffBody(), ...change },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe(field);
  });

  it("answers a malformed id with 400 and an unknown one with 404", async () => {
    const malformed = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/staff/not-a-uuid",
      headers: cast.agent.auth,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ field: "id", in: "params" });
    const unknown = await ctx.app.inject({
      method: "PATCH",
      url: "/api/v1/staff/00000000-0000-4000-8000-000000000000",
      headers: cast.admin.auth,
      payload: { tier: "L3" },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("changes skills and role, deactivates, and audits each change", async () => {
    const { id } = await createStaff(ctx.db, null, {
      email: `promote-${uniqueSuffix()}@palier.test`,
      name: "To Promote",
      password: TEST_PASSWORD,
      role: "agent",
      tier: "L1",
      languages: ["fr"],
      region: "CA",
    });
    const token = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sessions",
      payload: {
        email: (
          await ctx.db
            .selectFrom("staff")
            .select("email")
            .where("id", "=", id)
            .executeTakeFirstOrThrow()
        ).email,
        password: TEST_PASSWORD,
      },
    });
    expect(token.statusCode).toBe(201);
    const cookie = token.cookies.find((c) => c.name === "palier_session")?.value;

    const patched = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/staff/${id}`,
      headers: cast.admin.auth,
      payload: {
        role: "lead",
        tier: "L3",
        languages: ["fr", "en"],
        universes: ["enterprise"],
        products: ["hosted-private-cloud"],
        region: "US",
        maxConcurrentTickets: 40,
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      role: "lead",
      tier: "L3",
      languages: ["fr", "en"],
      universes: ["enterprise"],
      products: ["hosted-private-cloud"],
      region: "US",
      maxConcurrentTickets: 40,
      active: true,
    });

    const deactivated = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/staff/${id}`,
      headers: cast.admin.auth,
      payload: { active: false },
    });
    expect(deactivated.json().active).toBe(false);
    // A deactivated member's session no longer identifies anyone.
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      cookies: { palier_session: cookie ?? "" },
    });
    expect(me.statusCode).toBe(401);

    const entries = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_kind", "details"])
      .where("subject_kind", "=", "staff")
      .where("subject_id", "=", id)
      .orderBy("id")
      .execute();
    expect(entries.map((e) => [e.action, e.actor_kind])).toEqual([
      ["staff.created", "system"],
      ["staff.updated", "staff"],
      ["staff.updated", "staff"],
    ]);
    expect(entries[1]?.details).toEqual({
      changes: {
        role: { from: "agent", to: "lead" },
        tier: { from: "L1", to: "L3" },
        languages: { from: ["fr"], to: ["fr", "en"] },
        universes: { from: [], to: ["enterprise"] },
        products: { from: [], to: ["hosted-private-cloud"] },
        region: { from: "CA", to: "US" },
        max_concurrent_tickets: { from: 10, to: 40 },
      },
    });
    expect(entries[2]?.details).toEqual({ changes: { active: { from: true, to: false } } });
  });

  it("does not let an admin demote or deactivate themselves", async () => {
    for (const payload of [{ role: "lead" }, { active: false }]) {
      const res = await ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/staff/${cast.admin.id}`,
        headers: cast.admin.auth,
        payload,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe(Object.keys(payload)[0]);
    }
    const self = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/staff/${cast.admin.id}`,
      headers: cast.admin.auth,
      payload: { tier: "TAM" },
    });
    expect(self.statusCode).toBe(200);
  });

  it("refuses unknown fields and empty changes", async () => {
    for (const payload of [{}, { email: "new@palier.test" }, { passwordHash: "x" }]) {
      const res = await ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/staff/${cast.agent.id}`,
        headers: cast.admin.auth,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("validation_failed");
    }
  });
});

describe("staff list", () => {
  let ctx: TestContext;
  let cast: Cast;
  const ids: Record<string, string> = {};
  // A language no other test gives staff, so the filtered set is this file's own.
  const LANG = "qz";
  beforeAll(async () => {
    ctx = await testContext();
    cast = await createCast(ctx.db);
    const people = [
      ["Anna", "agent", "L1", ["market"]],
      ["Boris", "agent", "L2", ["server"]],
      ["Chloé", "lead", "L2", ["server", "public-cloud"]],
      ["Dmitri", "admin", "TAM", ["enterprise"]],
      ["Émile", "agent", "L3", ["server"]],
    ] as const;
    for (const [name, role, tier, universes] of people) {
      const made = await createStaff(ctx.db, null, {
        email: `${role}-${uniqueSuffix()}@palier.test`,
        name: `${name} ${uniqueSuffix()}`,
        password: TEST_PASSWORD,
        role,
        tier,
        languages: [LANG, "en"],
        universes: [...universes],
        region: "EU",
      });
      ids[name] = made.id;
    }
  });
  afterAll(async () => {
    await ctx.db
      .updateTable("staff")
      .set({ languages: ["en"] })
      .where("id", "in", Object.values(ids))
      .execute();
  });

  const list = async (query: string) => {
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/staff?language=${LANG}${query}`,
      headers: cast.agent.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { id: string; name: string }[]; nextCursor: string | null };
  };

  it("filters by role, tier, universe and language", async () => {
    const names = async (query: string) =>
      (await list(query)).items.map((s) => s.name.split(" ")[0]);
    expect(await names("")).toEqual(["Anna", "Boris", "Chloé", "Dmitri", "Émile"]);
    expect(await names("&role=agent")).toEqual(["Anna", "Boris", "Émile"]);
    expect(await names("&tier=L2")).toEqual(["Boris", "Chloé"]);
    expect(await names("&universe=server")).toEqual(["Boris", "Chloé", "Émile"]);
    expect(await names("&universe=server&role=lead")).toEqual(["Chloé"]);
    expect(await names("&tier=TAM&universe=market")).toEqual([]);
  });

  it("walks pages in name order without gaps, and refuses a forged cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Object.values(ids));

    const forged = Buffer.from(JSON.stringify(["Anna", "not-a-uuid"])).toString("base64url");
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/staff?cursor=${forged}`,
      headers: cast.agent.auth,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("invalid_cursor");
  });

  it("is refused to customers with 403: staff's existence is no secret", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/staff/${ids.Anna}`,
      headers: cast.member.auth,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("createStaff for the CLI and seeding", () => {
  it("validates what the HTTP schema would have and audits as the system", async () => {
    const ctx = await testContext();
    const base = {
      email: `cli-${uniqueSuffix()}@palier.test`,
      name: "From The CLI",
      password: TEST_PASSWORD,
      role: "admin" as const,
      tier: "L3" as const,
      languages: ["en"],
      region: "US",
    };
    const bad = await createStaff(ctx.db, null, { ...base, email: "nope" }).catch(
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).errors[0]?.field).toBe("email");
    const { id } = await createStaff(ctx.db, null, base);
    const entry = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: "staff.created", actor_kind: "system", ip: null });
    const row = await ctx.db
      .selectFrom("staff")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.max_concurrent_tickets).toBe(10);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
