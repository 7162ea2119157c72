import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createCustomer,
  createStaff,
  TEST_PASSWORD,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";

/** PATCH /me keeps the Manager's language and time zone on the server, for users and staff. */

let ctx: TestContext;
let user: TestUser;
let staff: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  user = await createCustomer(ctx.db);
  staff = await createStaff(ctx.db, { role: "agent", tier: "L1" });
});

function patchMe(as: TestUser | TestStaff, payload: unknown) {
  return ctx.app.inject({
    method: "PATCH",
    url: "/api/v1/me",
    headers: as.auth,
    payload: payload as Record<string, unknown>,
  });
}

function me(as: TestUser | TestStaff) {
  return ctx.app.inject({ method: "GET", url: "/api/v1/me", headers: as.auth });
}

describe("saved preferences", () => {
  it("starts unsaved, then keeps a user's language and canonical time zone", async () => {
    const before = (await me(user)).json();
    expect(before).toMatchObject({ kind: "user", preferencesSaved: false, timeZone: "UTC" });

    const res = await patchMe(user, { language: "ru", timeZone: "europe/moscow" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: "user",
      language: "ru",
      timeZone: "Europe/Moscow",
      preferencesSaved: true,
    });
    expect((await me(user)).json()).toMatchObject({ language: "ru", timeZone: "Europe/Moscow" });

    // One preference at a time leaves the other as it was.
    const zoneOnly = await patchMe(user, { timeZone: "America/Toronto" });
    expect(zoneOnly.json()).toMatchObject({ language: "ru", timeZone: "America/Toronto" });

    const row = await ctx.db
      .selectFrom("users")
      .select(["language", "time_zone", "preferences_saved_at"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ language: "ru", time_zone: "America/Toronto" });
    expect(row.preferences_saved_at).toBeInstanceOf(Date);
  });

  it("keeps a staff member's preferences too", async () => {
    expect((await me(staff)).json()).toMatchObject({
      kind: "staff",
      language: null,
      timeZone: null,
      preferencesSaved: false,
    });
    const res = await patchMe(staff, { language: "fr", timeZone: "Europe/Paris" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: "staff",
      language: "fr",
      timeZone: "Europe/Paris",
      preferencesSaved: true,
    });
  });

  it("names the field it refuses, in problem+json", async () => {
    const cases: [unknown, string][] = [
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ timeZone: "" }, "timeZone"],
      [{ language: "de" }, "language"],
      [{ colour: "blue" }, "colour"],
      [{}, "language"],
    ];
    for (const [payload, field] of cases) {
      const res = await patchMe(user, payload);
      expect([JSON.stringify(payload), res.statusCode]).toEqual([JSON.stringify(payload), 400]);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it("asks the session's CSRF token, like every cookie-authenticated write", async () => {
    const signIn = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sessions",
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === "palier_session")?.value ?? "";
    const csrf = signIn.json().csrfToken as string;
    const withoutToken = await ctx.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      cookies: { palier_session: cookie },
      payload: { language: "fr" },
    });
    expect(withoutToken.statusCode).toBe(403);
    const withToken = await ctx.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      cookies: { palier_session: cookie },
      headers: { "x-csrf-token": csrf },
      payload: { language: "fr" },
    });
    expect(withToken.statusCode, withToken.body).toBe(200);
    expect(signIn.json().me).toMatchObject({ kind: "user", preferencesSaved: true });
  });
});
