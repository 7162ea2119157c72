import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { type CatalogRole, catalogPolicy } from "../../src/modules/catalog/policy.ts";
import { testContext } from "../helpers/context.ts";
import { createCustomer, createStaff, uniqueSuffix } from "../helpers/factories.ts";
import { createProduct, createRegion, explanation } from "./fixtures.ts";

const API = "/api/v1/catalog";
type Method = "PATCH" | "POST" | "PUT" | "DELETE";

interface WriteCase {
  action: keyof typeof catalogPolicy;
  method: Method;
  /** Builds fresh data and returns the request, so each role acts on its own rows. */
  prepare(db: Database): Promise<{ url: string; payload?: object }>;
  success: number;
}

const writes: WriteCase[] = [
  {
    action: "region.update",
    method: "PATCH",
    prepare: async (db) => ({
      url: `${API}/regions/${await createRegion(db)}`,
      payload: { name: "Renamed" },
    }),
    success: 200,
  },
  {
    action: "product.create",
    method: "POST",
    prepare: async () => ({
      url: `${API}/products`,
      payload: {
        code: `p-${uniqueSuffix()}`,
        name: "New",
        universe: "server",
        productUnit: "baremetal",
      },
    }),
    success: 201,
  },
  {
    action: "product.update",
    method: "PATCH",
    prepare: async (db) => ({
      url: `${API}/products/${await createProduct(db)}`,
      payload: { name: "Renamed" },
    }),
    success: 200,
  },
  {
    action: "responsibility.set",
    method: "PUT",
    prepare: async (db) => ({
      url: `${API}/products/${await createProduct(db)}/responsibilities/backups`,
      payload: { owner: "customer", explanation },
    }),
    success: 201,
  },
  {
    action: "responsibility.delete",
    method: "DELETE",
    prepare: async (db) => ({
      url: `${API}/products/${await createProduct(db)}/responsibilities/hardware`,
    }),
    success: 204,
  },
];

const expected: Record<CatalogRole, (success: number) => number> = {
  anonymous: () => 401,
  customer: () => 403,
  agent: () => 403,
  lead: () => 403,
  admin: (success) => success,
};

async function headersFor(db: Database, role: CatalogRole): Promise<Record<string, string>> {
  if (role === "anonymous") return {};
  if (role === "customer") return (await createCustomer(db)).auth;
  return (await createStaff(db, { role, tier: "L3" })).auth;
}

describe("catalogue write policy", () => {
  it("lets anyone read and only staff admins write", () => {
    expect(catalogPolicy["catalog.read"]).toEqual([
      "anonymous",
      "customer",
      "agent",
      "lead",
      "admin",
    ]);
    for (const write of writes) expect(catalogPolicy[write.action]).toEqual(["admin"]);
  });

  const roles = Object.keys(expected) as CatalogRole[];
  const table = writes.flatMap((write) => roles.map((role) => [write, role] as const));

  it.each(table.map(([write, role]) => [write.action, role, write, expected[role](write.success)]))(
    "%s as %s",
    async (_action, role, write, status) => {
      const { app, db } = await testContext();
      const headers = await headersFor(db, role as CatalogRole);
      const { url, payload } = await (write as WriteCase).prepare(db);
      const res = await app.inject({
        method: (write as WriteCase).method,
        url,
        headers,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode).toBe(status);
      if ((status as number) >= 400) {
        expect(res.json().code).toBe(status === 401 ? "unauthenticated" : "forbidden");
      }
    },
  );

  it("writes nothing, not even an audit entry, when refused", async () => {
    const { app, db } = await testContext();
    const lead = await createStaff(db, { role: "lead", tier: "L3" });
    const product = await createProduct(db);
    const res = await app.inject({
      method: "DELETE",
      url: `${API}/products/${product}/responsibilities/hardware`,
      headers: lead.auth,
    });
    expect(res.statusCode).toBe(403);
    const rows = await db
      .selectFrom("responsibility_areas")
      .select("area")
      .where("product", "=", product)
      .execute();
    expect(rows).toHaveLength(2);
    const audit = await db
      .selectFrom("audit_log")
      .select("id")
      .where("subject_id", "=", product)
      .execute();
    expect(audit).toHaveLength(0);
  });

  it("refuses writes with a read-only token", async () => {
    const { app, db } = await testContext();
    const product = await createProduct(db);
    const admin = await createStaff(db, { role: "admin" });
    const readOnly = await db
      .updateTable("api_tokens")
      .set({ scope: "read" })
      .where("staff_id", "=", admin.id)
      .returning("id")
      .execute();
    expect(readOnly).toHaveLength(1);
    const res = await app.inject({
      method: "PATCH",
      url: `${API}/products/${product}`,
      headers: admin.auth,
      payload: { name: "Nope" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("insufficient_scope");
  });
});
