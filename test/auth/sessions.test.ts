import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createCustomer,
  createStaff,
  TEST_PASSWORD,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";

const SESSION = "palier_session";

describe("sign-in with email and password", () => {
  let ctx: TestContext;
  let user: TestUser;
  let staff: TestStaff;
  beforeAll(async () => {
    ctx = await testContext();
    user = await createCustomer(ctx.db);
    staff = await createStaff(ctx.db, { role: "lead", tier: "L2" });
  });

  async function signIn(email: string, password = TEST_PASSWORD) {
    return ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sessions",
      payload: { email, password },
    });
  }

  function sessionOf(res: Awaited<ReturnType<typeof signIn>>) {
    const cookie = res.cookies.find((c) => c.name === SESSION);
    expect(cookie).toBeDefined();
    return { cookie: cookie?.value ?? "", csrf: res.json().csrfToken as string };
  }

  it("signs a customer user in with an HttpOnly SameSite cookie", async () => {
    const res = await signIn(user.email.toUpperCase());
    expect(res.statusCode).toBe(201);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toContain(`${SESSION}=`);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(setCookie).toMatch(/Path=\//);
    const body = res.json();
    expect(body.me).toMatchObject({ kind: "user", email: user.email });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());

    const { cookie, csrf } = sessionOf(res);
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      cookies: { [SESSION]: cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: "user",
      id: user.id,
      account: { nicHandle: user.account.nic },
      csrfToken: csrf,
    });
    // Only the hash of the cookie is stored.
    const stored = await ctx.db
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain(cookie);
  });

  it("signs a staff member in", async () => {
    const res = await signIn(staff.email);
    expect(res.statusCode).toBe(201);
    expect(String(res.headers["set-cookie"])).toMatch(/HttpOnly/i);
    const { cookie } = sessionOf(res);
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      cookies: { [SESSION]: cookie },
    });
    expect(me.json()).toMatchObject({ kind: "staff", id: staff.id, role: "lead", tier: "L2" });
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    const { cookie, csrf } = sessionOf(await signIn(user.email));
    const payload = { name: "from the browser", scope: "read" };
    const without = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      cookies: { [SESSION]: cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe("csrf_failed");
    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      cookies: { [SESSION]: cookie },
      headers: { "x-csrf-token": `${csrf}x` },
      payload,
    });
    expect(wrong.json().code).toBe("csrf_failed");
    const withToken = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      cookies: { [SESSION]: cookie },
      headers: { "x-csrf-token": csrf },
      payload,
    });
    expect(withToken.statusCode, withToken.body).toBe(201);
    expect(withToken.json()).toMatchObject({ name: "from the browser", scope: "read" });
    // Nothing was written by the refused attempts.
    const rows = await ctx.db
      .selectFrom("api_tokens")
      .select("id")
      .where("user_id", "=", user.id)
      .where("name", "=", "from the browser")
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("refuses a wrong password and an unknown email alike, and audits the failure", async () => {
    const wrong = await signIn(user.email, "not-the-password");
    const unknown = await signIn(`nobody-${Date.now()}@example.test`);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe("invalid_credentials");
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
    const failures = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "session.sign_in_failed")
      .where("subject_id", "=", user.email.toLowerCase())
      .execute();
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]?.account_id).toBe(user.account.id);
    expect(JSON.stringify(failures)).not.toContain("not-the-password");
  });

  it("signs out: the cookie no longer works", async () => {
    const { cookie, csrf } = sessionOf(await signIn(user.email));
    const out = await ctx.app.inject({
      method: "DELETE",
      url: "/api/v1/auth/sessions/current",
      cookies: { [SESSION]: cookie },
      headers: { "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toContain(`${SESSION}=;`);
    const me = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/me",
      cookies: { [SESSION]: cookie },
    });
    expect(me.statusCode).toBe(401);
    const write = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/me/tokens",
      cookies: { [SESSION]: cookie },
      headers: { "x-csrf-token": csrf },
      payload: { name: "after sign-out", scope: "read" },
    });
    expect(write.statusCode).toBe(401);
  });

  it("expires sessions with the clock", async () => {
    const { cookie } = sessionOf(await signIn(user.email));
    ctx.clock.advance((ctx.config.sessionTtlHours + 1) * 3_600_000);
    try {
      const me = await ctx.app.inject({
        method: "GET",
        url: "/api/v1/me",
        cookies: { [SESSION]: cookie },
      });
      expect(me.statusCode).toBe(401);
    } finally {
      ctx.clock.reset();
    }
  });

  it("refuses sign-in bodies that are not email and password", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sessions",
      payload: { email: user.email, password: TEST_PASSWORD, remember: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("remember");
  });
});
