import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { type SlaRole, slaPolicy } from "../../src/modules/sla/policy.ts";
import { testContext } from "../helpers/context.ts";
import { createCustomer, createStaff, uniqueSuffix } from "../helpers/factories.ts";

const API = "/api/v1/support/calendars";
const roles: SlaRole[] = ["anonymous", "customer", "agent", "lead", "admin"];

async function headersFor(db: Database, role: SlaRole): Promise<Record<string, string>> {
  if (role === "anonymous") return {};
  if (role === "customer") return (await createCustomer(db)).auth;
  return (await createStaff(db, { role, tier: "L3" })).auth;
}

const calendar = {
  name: "Policy test",
  timeZone: "America/Toronto",
  weeklyHours: { mon: [["09:00", "17:00"]] },
  holidays: [],
};

describe("business calendar policy", () => {
  it("lets anyone read and only staff admins write", () => {
    expect(slaPolicy["calendar.read"]).toEqual(roles);
    expect(slaPolicy["calendar.write"]).toEqual(["admin"]);
  });

  const table: [string, SlaRole, number][] = roles.flatMap((role) => [
    ["list", role, 200] as [string, SlaRole, number],
    ["read", role, 200] as [string, SlaRole, number],
    ["write", role, { anonymous: 401, customer: 403, agent: 403, lead: 403, admin: 201 }[role]] as [
      string,
      SlaRole,
      number,
    ],
  ]);

  it.each(table)("%s as %s: %i", async (action, role, status) => {
    const { app, db } = await testContext();
    const headers = await headersFor(db, role);
    const code = `policy-${uniqueSuffix()}`;
    const request =
      action === "list"
        ? { method: "GET" as const, url: API }
        : action === "read"
          ? { method: "GET" as const, url: `${API}/EU` }
          : { method: "PUT" as const, url: `${API}/${code}`, payload: calendar };
    const res = await app.inject({ ...request, headers });
    expect(res.statusCode).toBe(status);
    if (status >= 400) {
      expect(res.json().code).toBe(status === 401 ? "unauthenticated" : "forbidden");
    }
    if (action === "write") {
      const row = await db
        .selectFrom("business_calendars")
        .select("code")
        .where("code", "=", code)
        .executeTakeFirst();
      expect(row !== undefined).toBe(status === 201);
      const audit = await db
        .selectFrom("audit_log")
        .select("id")
        .where("subject_id", "=", code)
        .execute();
      expect(audit).toHaveLength(status === 201 ? 1 : 0);
    }
  });
});
