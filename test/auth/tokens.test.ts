import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../../src/lib/crypto.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createCustomer, createStaff, type TestUser } from "../helpers/factories.ts";

describe("personal API tokens", () => {
  let ctx: TestContext;
  let user: TestUser;
  beforeAll(async () => {
    ctx = await testContext();
    user = await createCustomer(ctx.db);
  });
  afterEach(() => {
    ctx.clock.reset();
  });

  async function create(body: Record<string, unknown>, auth = user.auth) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      headers: auth,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; token: string; prefix: string; expiresAt: string };
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("shows the secret once and stores only its hash", async () => {
    const created = await create({ name: "deploy script", scope: "write", expiresInDays: 30 });
    expect(created.token).toMatch(/^pal_/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const days = (Date.parse(created.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const row = await ctx.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.user_id).toBe(user.id);

    const works = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(created.token),
    });
    expect(works.json().id).toBe(user.id);

    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me/tokens",
      headers: user.auth,
    });
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((t: { id: string }) => t.id === created.id);
    expect(listed).toMatchObject({ name: "deploy script", scope: "write", revokedAt: null });
    expect(listed).not.toHaveProperty("token");
    expect(list.body).not.toContain(created.token);

    const audit = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_kind", "=", "api_token")
      .where("subject_id", "=", created.id)
      .execute();
    expect(audit.map((e) => e.action)).toEqual(["api_token.created"]);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it("lets a read-scoped token read but not write", async () => {
    const { token } = await create({ name: "dashboard", scope: "read" });
    const read = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me/tokens",
      headers: bearer(token),
    });
    expect(read.statusCode).toBe(200);
    const write = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      headers: bearer(token),
      payload: { name: "escalate", scope: "write" },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe("insufficient_scope");
    const patch = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/accounts/${user.account.nic}`,
      headers: bearer(token),
      payload: { name: "Read Only Rename" },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe("insufficient_scope");
  });

  it("stops working once revoked", async () => {
    const { id, token } = await create({ name: "temporary", scope: "write" });
    const revoke = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/me/tokens/${id}`,
      headers: user.auth,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(token),
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("unauthenticated");
    const again = await ctx.app.inject({
      method: "DELETE",
      url: `/api/v1/me/tokens/${id}`,
      headers: user.auth,
    });
    expect(again.statusCode).toBe(404);
    const list = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me/tokens",
      headers: user.auth,
    });
    const listed = list.json().items.find((t: { id: string }) => t.id === id);
    expect(listed.revokedAt).toEqual(expect.any(String));
  });

  it("stops working once expired", async () => {
    const { token } = await create({ name: "short-lived", scope: "read", expiresInDays: 1 });
    const before = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(token),
    });
    expect(before.statusCode).toBe(200);
    ctx.clock.advance(86_400_000 + 60_000);
    const after = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(token),
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("unauthenticated");
  });

  it("treats someone else's token id as unknown", async () => {
    const stranger = await createCustomer(ctx.db);
    const theirs = await create({ name: "not yours", scope: "write" }, stranger.auth);
    const staff = await createStaff(ctx.db, { role: "admin" });
    for (const auth of [user.auth, staff.auth]) {
      const res = await ctx.app.inject({
        method: "DELETE",
        url: `/api/v1/me/tokens/${theirs.id}`,
        headers: auth,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("not_found");
    }
    const still = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(theirs.token),
    });
    expect(still.statusCode).toBe(200);
    const mine = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me/tokens",
      headers: user.auth,
    });
    expect(mine.json().items.map((t: { id: string }) => t.id)).not.toContain(theirs.id);
  });

  it("refuses unknown and malformed bearer tokens", async () => {
    const unknown = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer("pal_does-not-exist"),
    });
    expect(unknown.statusCode).toBe(401);
    const malformed = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { authorization: "Basic dXNlcjpwYXNz" },
    });
    expect(malformed.statusCode).toBe(401);
    const badId = await ctx.app.inject({
      method: "DELETE",
      url: "/api/v1/me/tokens/123",
      headers: user.auth,
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0]).toMatchObject({ field: "id", in: "params" });
  });

  it.each([
    [{ name: "x", scope: "admin" }, "scope"],
    [{ name: "x", scope: "read", expiresInDays: 366 }, "expiresInDays"],
    [{ name: "", scope: "read" }, "name"],
  ])("refuses %j naming %s", async (payload, field) => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      headers: user.auth,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe(field);
  });
});
