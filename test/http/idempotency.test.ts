import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createCustomer, createStaff, type TestUser, uniqueSuffix } from "../helpers/factories.ts";

describe("Idempotency-Key on POST", () => {
  let ctx: TestContext;
  let user: TestUser;
  beforeAll(async () => {
    ctx = await testContext();
    user = await createCustomer(ctx.db);
  });

  const createToken = (auth: Record<string, string>, key: string, body: object) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      headers: { ...auth, "idempotency-key": key },
      payload: body,
    });

  const rowsNamed = (name: string) =>
    ctx.db
      .selectFrom("api_tokens")
      .select(["id", "user_id", "staff_id"])
      .where("name", "=", name)
      .execute();

  it("replays the first response for the same key and body, creating one row", async () => {
    const key = `key-${uniqueSuffix()}`;
    const body = { name: `idem-${uniqueSuffix()}`, scope: "read" };
    const first = await createToken(user.auth, key, body);
    expect(first.statusCode).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const second = await createToken(user.auth, key, body);
    expect(second.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    // The token secret is shown once: the replay is the same record without it.
    const { token, ...metadata } = first.json();
    expect(token).toMatch(/^pal_/);
    expect(second.json()).toEqual(metadata);
    const stored = await ctx.db
      .selectFrom("idempotency_keys")
      .select("response_body")
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.response_body)).not.toContain(token);
    expect(await rowsNamed(body.name)).toHaveLength(1);
    const created = await ctx.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "api_token.created")
      .where("subject_id", "=", first.json().id)
      .execute();
    expect(created).toHaveLength(1);
  });

  it("refuses the same key with a different body", async () => {
    const key = `key-${uniqueSuffix()}`;
    const name = `idem-${uniqueSuffix()}`;
    expect((await createToken(user.auth, key, { name, scope: "read" })).statusCode).toBe(201);
    const reused = await createToken(user.auth, key, { name, scope: "write" });
    expect(reused.statusCode).toBe(422);
    expect(reused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(reused.json().code).toBe("idempotency_key_reused");
    expect(await rowsNamed(name)).toHaveLength(1);
  });

  it("keeps keys apart between callers", async () => {
    const key = `shared-${uniqueSuffix()}`;
    const name = `idem-${uniqueSuffix()}`;
    const other = await createCustomer(ctx.db);
    const staff = await createStaff(ctx.db);
    const responses = [];
    for (const auth of [user.auth, other.auth, staff.auth]) {
      const res = await createToken(auth, key, { name, scope: "read" });
      expect(res.statusCode).toBe(201);
      expect(res.headers["idempotent-replayed"]).toBeUndefined();
      responses.push(res.json().id);
    }
    expect(new Set(responses).size).toBe(3);
    const rows = await rowsNamed(name);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.user_id ?? r.staff_id).sort()).toEqual(
      [user.id, other.id, staff.id].sort(),
    );
  });

  it("refuses a malformed key, naming the header", async () => {
    const res = await createToken(user.auth, "x".repeat(256), {
      name: "too long key",
      scope: "read",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "invalid_idempotency_key",
      errors: [{ field: "Idempotency-Key", in: "headers" }],
    });
    expect(await rowsNamed("too long key")).toHaveLength(0);
  });

  it("works on other POST endpoints too", async () => {
    const lead = await createStaff(ctx.db, { role: "lead" });
    const key = `account-${uniqueSuffix()}`;
    const body = {
      kind: "company",
      name: `Idempotent ${uniqueSuffix()}`,
      region: "EU",
      language: "en",
    };
    const post = () =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/accounts",
        headers: { ...lead.auth, "idempotency-key": key },
        payload: body,
      });
    const first = await post();
    const second = await post();
    expect(first.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json().nicHandle).toBe(first.json().nicHandle);
    const rows = await ctx.db
      .selectFrom("accounts")
      .select("id")
      .where("name", "=", body.name)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
