import { describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";
import { createCustomer } from "../helpers/factories.ts";

describe("HTTP plumbing", () => {
  it("answers health and readiness checks", async () => {
    const { app } = await testContext();
    const health = await app.inject({ method: "GET", url: "/healthz" });
    expect(health.statusCode).toBe(200);
    const ready = await app.inject({ method: "GET", url: "/readyz" });
    expect(ready.json()).toEqual({ status: "ready" });
  });

  it("puts a request id on every response, echoing a valid incoming one", async () => {
    const { app } = await testContext();
    const fresh = await app.inject({ method: "GET", url: "/healthz" });
    expect(fresh.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await app.inject({
      method: "GET",
      url: "/healthz",
      headers: { "x-request-id": "abc-123" },
    });
    expect(echoed.headers["x-request-id"]).toBe("abc-123");
  });

  it("answers unknown routes with a translated problem", async () => {
    const { app } = await testContext();
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/nope",
      headers: { "accept-language": "fr" },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      code: "route_not_found",
      title: "Point d'accès inexistant",
    });
  });

  it("serves an OpenAPI 3.1 document", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/me");
  });

  it("documents the account, staff and audit endpoints from their schemas", async () => {
    const { app } = await testContext();
    const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(paths["/api/v1/accounts"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/v1/accounts/{nic}"] ?? {}).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(paths["/api/v1/accounts/{nic}/users"] ?? {}).sort()).toEqual([
      "get",
      "post",
    ]);
    expect(Object.keys(paths["/api/v1/staff"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/v1/staff/{id}"] ?? {}).sort()).toEqual(["get", "patch"]);
    expect(paths["/api/v1/audit-log"]?.get?.security).toEqual([{ bearer: [] }, { session: [] }]);
    const createAccount = paths["/api/v1/accounts"]?.post as {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
      responses: Record<string, unknown>;
    };
    expect(createAccount.requestBody.content["application/json"]?.schema.required).toEqual(
      expect.arrayContaining(["kind", "name", "region", "language"]),
    );
    expect(Object.keys(createAccount.responses)).toEqual(expect.arrayContaining(["201", "4XX"]));
    const schemas = JSON.stringify(doc.components?.schemas ?? {});
    expect(schemas).toContain("AuditEntry");
    expect(schemas).not.toContain("password_hash");
    expect(JSON.stringify(paths["/api/v1/staff/{id}"])).not.toContain("passwordHash");
  });

  it("rejects an unauthenticated /me with 401", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: "/api/v1/me" });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("unauthenticated");
  });

  it("identifies a bearer-token caller", async () => {
    const { app, db } = await testContext();
    const user = await createCustomer(db);
    const res = await app.inject({ method: "GET", url: "/api/v1/me", headers: user.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: "user", account: { nicHandle: user.account.nic } });
  });
});
