import { describe, expect, it } from "vitest";
import { seedCalendars } from "../../src/modules/sla/seed.ts";
import { loadCalendar, loadRegionCalendar } from "../../src/modules/sla/service.ts";
import { testContext } from "../helpers/context.ts";
import { createStaff, uniqueSuffix } from "../helpers/factories.ts";
import { at, days, iso, MON_FRI } from "./fixtures.ts";

const API = "/api/v1/support/calendars";

const newCode = () => `test-${uniqueSuffix()}`;

const body = (overrides: object = {}) => ({
  name: "Lyon desk",
  timeZone: "Europe/Paris",
  weeklyHours: days(MON_FRI, [["09:00", "18:00"]]),
  holidays: ["2026-12-25"],
  ...overrides,
});

async function setup() {
  const ctx = await testContext();
  const admin = await createStaff(ctx.db, { role: "admin", tier: "L3" });
  return { ...ctx, admin };
}

describe("shipped business calendars", () => {
  it("are listed to anyone, each with the region that follows it", async () => {
    const { app } = await testContext();
    const seen = new Map<string, { timeZone: string; regions: string[] }>();
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=100&cursor=${cursor}` : "?limit=100";
      const res = await app.inject({ method: "GET", url: `${API}${query}` });
      expect(res.statusCode).toBe(200);
      for (const item of res.json().items) seen.set(item.code, item);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen.get("EU")).toMatchObject({ timeZone: "Europe/Paris", regions: ["EU"] });
    expect(seen.get("CA")).toMatchObject({ timeZone: "America/Toronto", regions: ["CA"] });
    expect(seen.get("US")).toMatchObject({ timeZone: "America/New_York", regions: ["US"] });
  });

  it("pages through the list with a cursor", async () => {
    const { app } = await testContext();
    const first = await app.inject({ method: "GET", url: `${API}?limit=1` });
    expect(first.json().items).toHaveLength(1);
    const next = first.json().nextCursor;
    expect(typeof next).toBe("string");
    const second = await app.inject({ method: "GET", url: `${API}?limit=1&cursor=${next}` });
    expect(second.json().items[0].code > first.json().items[0].code).toBe(true);
  });

  it("show hours Monday first and every holiday", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: `${API}/US` });
    expect(res.statusCode).toBe(200);
    const us = res.json();
    expect(Object.keys(us.weeklyHours)).toEqual(["mon", "tue", "wed", "thu", "fri"]);
    expect(us.weeklyHours.fri).toEqual([["09:00", "18:00"]]);
    expect(us.holidays).toContain("2026-11-26"); // Thanksgiving
    expect(us.holidays).toContain("2027-07-05"); // Independence Day observed
  });

  it("are what regions point at, and what loadRegionCalendar compiles", async () => {
    const { db } = await testContext();
    const regions = await db
      .selectFrom("regions")
      .select(["code", "calendar"])
      .where("code", "in", ["EU", "CA", "US"])
      .orderBy("code")
      .execute();
    expect(regions).toEqual([
      { code: "CA", calendar: "CA" },
      { code: "EU", calendar: "EU" },
      { code: "US", calendar: "US" },
    ]);
    const eu = await loadRegionCalendar(db, "EU");
    expect(eu?.code).toBe("EU");
    // Friday 13 November 2026 17:00 in Paris, 2 h target: Monday 10:00.
    expect(iso(eu?.calendar.addMinutes(at("2026-11-13T16:00:00Z"), 120) as Date)).toBe(
      "2026-11-16T09:00:00.000Z",
    );
    expect(await loadRegionCalendar(db, "ZZ")).toBeNull();
  });

  it("are seeded once: a second seed keeps what admins changed", async () => {
    const { db } = await testContext();
    const original = await db
      .selectFrom("business_calendars")
      .select("name")
      .where("code", "=", "CA")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("business_calendars")
      .set({ name: "Renamed by an admin" })
      .where("code", "=", "CA")
      .execute();
    try {
      await seedCalendars(db);
      const row = await db
        .selectFrom("business_calendars")
        .select("name")
        .where("code", "=", "CA")
        .executeTakeFirstOrThrow();
      expect(row.name).toBe("Renamed by an admin");
    } finally {
      await db
        .updateTable("business_calendars")
        .set({ name: original.name })
        .where("code", "=", "CA")
        .execute();
    }
  });

  it("answers 404 for an unknown calendar", async () => {
    const { app, db } = await testContext();
    const res = await app.inject({ method: "GET", url: `${API}/nowhere` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("not_found");
    await expect(loadCalendar(db, "nowhere")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("PUT /support/calendars/{code}", () => {
  it("creates, then replaces, in one audited transaction each", async () => {
    const { app, db, admin } = await setup();
    const code = newCode();
    const created = await app.inject({
      method: "PUT",
      url: `${API}/${code}`,
      headers: admin.auth,
      payload: body({
        timeZone: "europe/paris",
        weeklyHours: {
          tue: [
            ["14:00", "18:00"],
            ["09:00", "12:30"],
          ],
          mon: [["09:00", "18:00"]],
        },
        holidays: ["2026-12-25", "2026-01-01", "2026-12-25"],
      }),
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/support/calendars/${code}`);
    // Stored canonical: zone spelled as IANA does, intervals in order, holidays sorted once.
    expect(created.json()).toEqual({
      code,
      name: "Lyon desk",
      timeZone: "Europe/Paris",
      weeklyHours: {
        mon: [["09:00", "18:00"]],
        tue: [
          ["09:00", "12:30"],
          ["14:00", "18:00"],
        ],
      },
      holidays: ["2026-01-01", "2026-12-25"],
      regions: [],
    });

    const replaced = await app.inject({
      method: "PUT",
      url: `${API}/${code}`,
      headers: admin.auth,
      payload: body({
        name: "Lyon desk, Saturdays too",
        weeklyHours: { sat: [["10:00", "16:00"]] },
      }),
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().weeklyHours).toEqual({ sat: [["10:00", "16:00"]] });

    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "details"])
      .where("subject_kind", "=", "business_calendar")
      .where("subject_id", "=", code)
      .orderBy("id")
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      "business_calendar.created",
      "business_calendar.replaced",
    ]);
    expect(audit[0]?.actor_id).toBe(admin.id);
    const details = audit[1]?.details as { before: { name: string }; after: { name: string } };
    expect(details.before.name).toBe("Lyon desk");
    expect(details.after.name).toBe("Lyon desk, Saturdays too");
  });

  it("makes loadCalendar follow the new hours", async () => {
    const { app, db, admin } = await setup();
    const code = newCode();
    const put = (payload: object) =>
      app.inject({ method: "PUT", url: `${API}/${code}`, headers: admin.auth, payload });
    expect((await put(body())).statusCode).toBe(201);
    const first = await loadCalendar(db, code);
    expect(await loadCalendar(db, code)).toBe(first); // compiled once while unchanged
    // Monday 16 November 2026 17:00 CET + 2 h: Tuesday 10:00 on office hours.
    const from = at("2026-11-16T16:00:00Z");
    expect(iso(first.addMinutes(from, 120))).toBe("2026-11-17T09:00:00.000Z");

    expect((await put(body({ weeklyHours: days(MON_FRI, [["08:00", "20:00"]]) }))).statusCode).toBe(
      200,
    );
    const second = await loadCalendar(db, code);
    expect(second).not.toBe(first);
    expect(iso(second.addMinutes(from, 120))).toBe("2026-11-16T18:00:00.000Z");

    // A change another process made (straight to the table) is seen on the next load too.
    await db
      .updateTable("business_calendars")
      .set({ weekly_hours: JSON.stringify(days(MON_FRI, [["09:00", "17:00"]])) })
      .where("code", "=", code)
      .execute();
    const third = await loadCalendar(db, code);
    expect(iso(third.addMinutes(from, 120))).toBe("2026-11-17T10:00:00.000Z");
  });

  it.each([
    ["an unknown zone", { timeZone: "Mars/Olympus" }, "timeZone"],
    [
      "overlapping intervals",
      {
        weeklyHours: {
          mon: [
            ["09:00", "12:00"],
            ["11:00", "18:00"],
          ],
        },
      },
      "weeklyHours.mon.1",
    ],
    [
      "a closing before the opening",
      { weeklyHours: { fri: [["18:00", "09:00"]] } },
      "weeklyHours.fri.0",
    ],
    ["an impossible date", { holidays: ["2026-02-30"] }, "holidays.0"],
    ["no opening hours", { weeklyHours: {} }, "weeklyHours"],
    ["a malformed time", { weeklyHours: { mon: [["9:00", "18:00"]] } }, "weeklyHours.mon.0.0"],
    ["an unknown weekday", { weeklyHours: { monday: [["09:00", "18:00"]] } }, "weeklyHours.monday"],
    ["a blank name", { name: "  " }, "name"],
    ["an unknown field", { colour: "blue" }, "colour"],
  ])("refuses %s with a 400 naming the field, writing nothing", async (_what, change, field) => {
    const { app, db, admin } = await setup();
    const code = newCode();
    const res = await app.inject({
      method: "PUT",
      url: `${API}/${code}`,
      headers: admin.auth,
      payload: body(change),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().code).toBe("validation_failed");
    expect(res.json().errors[0].field).toBe(field);
    const row = await db
      .selectFrom("business_calendars")
      .select("code")
      .where("code", "=", code)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it("refuses a code that is not 2 to 32 letters, digits or dashes", async () => {
    const { app, admin } = await setup();
    const res = await app.inject({
      method: "PUT",
      url: `${API}/bad_code!`,
      headers: admin.auth,
      payload: body(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("code");
  });
});
