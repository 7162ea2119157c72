import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createCustomer, type TestUser } from "../helpers/factories.ts";

/** Every problem is RFC 9457 JSON with a stable code and the request id, and never a stack. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, code, type: `https://palier.dev/problems/${code}` });
  expect(body.title).toEqual(expect.any(String));
  expect(body.requestId).toBe(res.headers["x-request-id"]);
  expect(body).not.toHaveProperty("stack");
  expect(res.body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
  return body as { detail: string; errors?: { field: string; in: string; message: string }[] };
}

describe("request validation", () => {
  let ctx: TestContext;
  let user: TestUser;
  beforeAll(async () => {
    ctx = await testContext();
    user = await createCustomer(ctx.db);
  });

  const post = (payload: string, contentType = "application/json") =>
    ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      headers: { ...user.auth, "content-type": contentType },
      payload,
    });

  async function tokenCount(): Promise<number> {
    const row = await ctx.db
      .selectFrom("api_tokens")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it("answers malformed JSON with 400 malformed_json", async () => {
    const before = await tokenCount();
    for (const payload of ['{"name": "x", "scope": ', "{bad}", "", "[1,2"]) {
      expectProblem(await post(payload), 400, "malformed_json");
    }
    expect(await tokenCount()).toBe(before);
  });

  it("names an unknown field", async () => {
    const body = expectProblem(
      await post(JSON.stringify({ name: "x", scope: "read", isAdmin: true })),
      400,
      "validation_failed",
    );
    expect(body.errors).toEqual([{ field: "isAdmin", in: "body", message: "unknown field" }]);
  });

  it("names a field of the wrong type", async () => {
    for (const [payload, field] of [
      [{ name: { first: "x" }, scope: "read" }, "name"],
      [{ name: "x", scope: "read", expiresInDays: "ten" }, "expiresInDays"],
      [{ name: "x", scope: "read", expiresInDays: 1.5 }, "expiresInDays"],
      [{ name: "x", scope: true }, "scope"],
      // JSON bodies are typed: a number is not silently taken for a string, nor the reverse.
      [{ name: 123, scope: "read" }, "name"],
      [{ name: "x", scope: "read", expiresInDays: "10" }, "expiresInDays"],
    ] as const) {
      const body = expectProblem(await post(JSON.stringify(payload)), 400, "validation_failed");
      expect(body.errors?.[0]).toMatchObject({ field, in: "body" });
      expect(body.detail).toContain(field);
    }
  });

  it("names a missing required field", async () => {
    const body = expectProblem(await post(JSON.stringify({ name: "x" })), 400, "validation_failed");
    expect(body.errors).toEqual([{ field: "scope", in: "body", message: "is required" }]);
    const nested = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: user.auth,
      payload: { kind: "company", region: "EU", language: "en" },
    });
    expect(expectProblem(nested, 400, "validation_failed").errors?.[0]?.field).toBe("name");
  });

  it("answers a body over 1 MiB with 413 payload_too_large", async () => {
    const before = await tokenCount();
    const payload = JSON.stringify({ name: "x".repeat(1024 * 1024), scope: "read" });
    expect(Buffer.byteLength(payload)).toBeGreaterThan(1024 * 1024);
    expectProblem(await post(payload), 413, "payload_too_large");
    expect(await tokenCount()).toBe(before);
  });

  it("answers a content type it does not read with 415", async () => {
    for (const type of [
      "text/plain",
      "application/xml",
      "application/x-www-form-urlencoded",
      "image/png",
    ]) {
      const res = await post("name=x&scope=read", type);
      expectProblem(res, 415, "unsupported_media_type");
    }
  });

  it("names invalid query and path parameters with where they came from", async () => {
    const query = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/audit-log?limit=abc",
      headers: user.auth,
    });
    expect(expectProblem(query, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "limit",
      in: "query",
    });
    const unknownParam = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/audit-log?sort=asc",
      headers: user.auth,
    });
    expect(expectProblem(unknownParam, 400, "validation_failed").errors?.[0]?.field).toBe("sort");
    const path = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/accounts/Robert'); DROP TABLE accounts;--",
      headers: user.auth,
    });
    expect(expectProblem(path, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "nic",
      in: "params",
    });
  });

  it("translates titles but keeps codes stable", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      headers: { ...user.auth, "content-type": "application/json", "accept-language": "ru" },
      payload: "{",
    });
    const body = expectProblem(res, 400, "malformed_json");
    expect(res.json().title).not.toBe("The request body is not valid JSON");
    expect(body.detail).toEqual(expect.any(String));
  });

  it("keeps auth failures in the same shape", async () => {
    expectProblem(
      await ctx.app.inject({ method: "GET", url: "/api/v1/me" }),
      401,
      "unauthenticated",
    );
    expectProblem(
      await ctx.app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { authorization: "Bearer nope" },
      }),
      401,
      "unauthenticated",
    );
  });
});
