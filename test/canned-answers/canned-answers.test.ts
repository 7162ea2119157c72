import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCannedAnswers } from "../../src/modules/canned-answers/seed.ts";
import { type Cast, createCast, ROLES, type Role } from "../accounts/cast.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import type { Json } from "../helpers/ticket-factories.ts";

let ctx: TestContext;
let cast: Cast;
const created: string[] = [];

beforeAll(async () => {
  ctx = await testContext();
  cast = await createCast(ctx.db);
  await seedCannedAnswers(ctx.db);
});

afterAll(async () => {
  // The shared database outlives this file: leave only the shipped answers behind.
  if (created.length > 0) {
    await ctx.db.deleteFrom("canned_answers").where("id", "in", created).execute();
  }
});

async function make(body: Record<string, unknown>): Promise<Json> {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/canned-answers",
    headers: cast.admin.auth,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  created.push(res.json().id);
  return res.json();
}

describe("canned answers policy table", () => {
  let target: Json;
  beforeAll(async () => {
    target = await make({ language: "en", title: "Policy target", body: "Hello." });
  });

  const rows: {
    name: string;
    expected: Record<Role, number>;
    request: () => { method: "GET" | "POST" | "PATCH" | "DELETE"; url: string; payload?: object };
  }[] = [
    {
      name: "GET /canned-answers",
      expected: { anonymous: 401, member: 403, other: 403, agent: 200, lead: 200, admin: 200 },
      request: () => ({ method: "GET", url: "/api/v1/canned-answers?language=en" }),
    },
    {
      name: "GET /canned-answers/{id}",
      expected: { anonymous: 401, member: 403, other: 403, agent: 200, lead: 200, admin: 200 },
      request: () => ({ method: "GET", url: `/api/v1/canned-answers/${target.id}` }),
    },
    {
      name: "POST /canned-answers",
      expected: { anonymous: 401, member: 403, other: 403, agent: 403, lead: 403, admin: 201 },
      request: () => ({
        method: "POST",
        url: "/api/v1/canned-answers",
        payload: { language: "fr", title: "Politique", body: "Bonjour." },
      }),
    },
    {
      name: "PATCH /canned-answers/{id}",
      expected: { anonymous: 401, member: 403, other: 403, agent: 403, lead: 403, admin: 200 },
      request: () => ({
        method: "PATCH",
        url: `/api/v1/canned-answers/${target.id}`,
        payload: { body: "Hello again." },
      }),
    },
  ];

  for (const row of rows) {
    for (const role of ROLES) {
      const status = row.expected[role];
      it(`${row.name} as ${role} → ${status}`, async () => {
        const res = await ctx.app.inject({ ...row.request(), headers: cast.headers(role) });
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) {
          expect(res.json().code).toBe(status === 401 ? "unauthenticated" : "forbidden");
        }
        if (status === 201) created.push(res.json().id);
      });
    }
  }

  it("DELETE /canned-answers/{id}: only staff admins", async () => {
    for (const role of ["member", "agent", "lead"] as const) {
      const res = await ctx.app.inject({
        method: "DELETE",
        url: `/api/v1/canned-answers/${target.id}`,
        headers: cast.headers(role),
      });
      expect(res.statusCode, role).toBe(403);
    }
  });
});

describe("canned answers", () => {
  it("ships a handful in each language, and seeding again adds nothing", async () => {
    const count = async () =>
      Number(
        (
          await ctx.db
            .selectFrom("canned_answers")
            .select((eb) => eb.fn.countAll().as("n"))
            .where("seed_key", "is not", null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await seedCannedAnswers(ctx.db);
    expect(await count()).toBe(before);
    for (const language of ["en", "fr", "ru"]) {
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/canned-answers?language=${language}`,
        headers: cast.agent.auth,
      });
      const shipped = (res.json().items as Json[]).filter((a) => a.shipped);
      expect(shipped.length, language).toBeGreaterThanOrEqual(4);
      expect(shipped.every((a) => a.language === language)).toBe(true);
    }
  });

  it("offers a universe's answers only on that universe, general ones everywhere", async () => {
    const list = async (query: string) => {
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/canned-answers?${query}`,
        headers: cast.agent.auth,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Json[]).map((a) => a.title as string);
    };
    const rescue = "Server: reboot in rescue mode";
    expect(await list("language=en&universe=server")).toContain(rescue);
    expect(await list("language=en&universe=market")).not.toContain(rescue);
    expect(await list("language=en&universe=market")).toContain("Ask for more information");
    expect(await list("language=ru")).toContain("Запросить подробности");
  });

  it("creates, changes and deletes an answer, audited", async () => {
    const answer = await make({
      language: "ru",
      universe: "public-cloud",
      title: "Квоты проекта",
      body: "Здравствуйте! Квоты проекта можно увеличить в панели управления.",
    });
    expect(answer).toMatchObject({ language: "ru", universe: "public-cloud", shipped: false });
    const url = `/api/v1/canned-answers/${answer.id}`;
    const patched = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: cast.admin.auth,
      payload: { universe: null, title: "Квоты" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ universe: null, title: "Квоты" });
    const gone = await ctx.app.inject({ method: "DELETE", url, headers: cast.admin.auth });
    expect(gone.statusCode).toBe(204);
    const after = await ctx.app.inject({ method: "GET", url, headers: cast.agent.auth });
    expect(after.statusCode).toBe(404);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_kind", "=", "canned_answer")
      .where("subject_id", "=", answer.id)
      .orderBy("id")
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      "canned_answer.created",
      "canned_answer.updated",
      "canned_answer.deleted",
    ]);
  });

  it("keeps a deleted shipped answer deleted when seeding again", async () => {
    const shipped = await ctx.db
      .selectFrom("canned_answers")
      .select("id")
      .where("seed_key", "=", "incident-in-progress.fr")
      .executeTakeFirstOrThrow();
    const url = `/api/v1/canned-answers/${shipped.id}`;
    const gone = await ctx.app.inject({ method: "DELETE", url, headers: cast.admin.auth });
    expect(gone.statusCode).toBe(204);
    await seedCannedAnswers(ctx.db);
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/canned-answers?language=fr",
      headers: cast.agent.auth,
    });
    expect((res.json().items as Json[]).map((a) => a.title)).not.toContain(
      "Incident connu en cours",
    );
    // Restored for the other files sharing this database.
    await ctx.db
      .updateTable("canned_answers")
      .set({ deleted_at: null })
      .where("id", "=", shipped.id)
      .execute();
  });

  it.each([
    [{ language: "de", title: "Hallo", body: "Hallo." }, "language"],
    [{ language: "en", title: "", body: "Hello." }, "title"],
    [{ language: "en", title: "Hello" }, "body"],
    [{ language: "en", title: "Hello", body: "Hi.", universe: "moon" }, "universe"],
    [{ language: "en", title: "Hello", body: "Hi.", colour: "red" }, "colour"],
  ])("refuses %j, naming %s", async (payload, field) => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/canned-answers",
      headers: cast.admin.auth,
      payload,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().code).toBe("validation_failed");
    expect(res.json().errors.map((e: Json) => e.field)).toContain(field);
  });

  it("refuses a list without its language, naming it", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/canned-answers",
      headers: cast.agent.auth,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: "language", in: "query" });
  });

  it("answers 404 for an unknown answer", async () => {
    const res = await ctx.app.inject({
      method: "PATCH",
      url: "/api/v1/canned-answers/00000000-0000-4000-8000-000000000000",
      headers: cast.admin.auth,
      payload: { title: "Nothing" },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("not_found");
  });
});
