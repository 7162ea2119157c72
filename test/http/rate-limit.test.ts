import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/context.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createCustomer, type TestUser } from "../helpers/factories.ts";

describe("rate limiting per token and per IP", () => {
  let ctx: TestContext;
  let app: App;
  let first: TestUser;
  let second: TestUser;
  beforeAll(async () => {
    ctx = await testContext();
    // Its own app, so the low limit touches no other test.
    app = await buildApp(ctx, { logger: false, rateLimitPerMinute: 5 });
    await app.ready();
    first = await createCustomer(ctx.db);
    second = await createCustomer(ctx.db);
  });
  afterAll(async () => {
    await app.close();
  });

  it("refuses the 6th request of a token with 429 and Retry-After, other tokens still pass", async () => {
    for (let n = 1; n <= 5; n += 1) {
      const res = await app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: first.auth,
        remoteAddress: `127.0.0.${10 + n}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["x-ratelimit-remaining"]).toBe(String(5 - n));
    }
    // A new address does not reset the count of the same token.
    const sixth = await app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: first.auth,
      remoteAddress: "127.0.0.99",
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(sixth.json()).toMatchObject({ code: "rate_limited", status: 429 });
    const retryAfter = Number(sixth.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    const other = await app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: second.auth,
      remoteAddress: "127.0.0.99",
    });
    expect(other.statusCode).toBe(200);
    expect(other.json().id).toBe(second.id);
  });

  it("counts anonymous requests per IP address", async () => {
    const from = (address: string) =>
      app.inject({ method: "GET", url: "/api/v1/openapi.json", remoteAddress: address });
    for (let n = 0; n < 5; n += 1) expect((await from("127.0.0.2")).statusCode).toBe(200);
    const sixth = await from("127.0.0.2");
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers["retry-after"]).toBeDefined();
    expect((await from("127.0.0.3")).statusCode).toBe(200);
  });

  it("never limits health checks", async () => {
    for (let n = 0; n < 8; n += 1) {
      const res = await app.inject({ method: "GET", url: "/healthz", remoteAddress: "127.0.0.4" });
      expect(res.statusCode).toBe(200);
    }
  });
});
