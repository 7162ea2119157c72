import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { testContext } from "../helpers/context.ts";
import { createStaff, uniqueSuffix } from "../helpers/factories.ts";
import { createProduct, createRegion, explanation } from "./fixtures.ts";

const API = "/api/v1/catalog";

async function adminAuth(db: Database) {
  return createStaff(db, { role: "admin", tier: "L3" });
}

async function auditOf(db: Database, subjectKind: string, subjectId: string) {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject_kind", "=", subjectKind)
    .where("subject_id", "=", subjectId)
    .orderBy("id")
    .execute();
}

describe("staff admins edit the catalogue", () => {
  it("changes a region and records who changed what", async () => {
    const { app, db } = await testContext();
    const admin = await adminAuth(db);
    const code = await createRegion(db);
    const res = await app.inject({
      method: "PATCH",
      url: `${API}/regions/${code}`,
      headers: admin.auth,
      payload: { timeZone: "america/vancouver", currency: "CAD", languages: ["en", "fr"] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code,
      timeZone: "America/Vancouver",
      currency: "CAD",
      languages: ["en", "fr"],
    });
    const stored = await db
      .selectFrom("regions")
      .selectAll()
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
    expect(stored.time_zone).toBe("America/Vancouver");
    const [entry] = await auditOf(db, "region", code);
    expect(entry).toMatchObject({
      action: "region.updated",
      actor_kind: "staff",
      actor_id: admin.id,
    });
    expect(entry?.details).toEqual({
      changes: {
        timeZone: ["UTC", "America/Vancouver"],
        currency: ["EUR", "CAD"],
        languages: [["en"], ["en", "fr"]],
      },
    });
  });

  it("creates a product in a unit of its universe, then edits it", async () => {
    const { app, db } = await testContext();
    const admin = await adminAuth(db);
    const code = `gpu-${uniqueSuffix()}`;
    const created = await app.inject({
      method: "POST",
      url: `${API}/products`,
      headers: admin.auth,
      payload: { code, name: "GPU instance", universe: "public-cloud", productUnit: "compute" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/catalog/products/${code}`);
    expect(created.json()).toEqual({
      code,
      name: "GPU instance",
      universe: "public-cloud",
      productUnit: "compute",
      description: "",
    });

    const patched = await app.inject({
      method: "PATCH",
      url: `${API}/products/${code}`,
      headers: admin.auth,
      payload: { description: "Instances with GPUs", productUnit: "containers" },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      productUnit: "containers",
      description: "Instances with GPUs",
    });

    const read = await app.inject({ method: "GET", url: `${API}/products/${code}` });
    expect(read.json().productUnit).toBe("containers");
    const entries = await auditOf(db, "product", code);
    expect(entries.map((e) => e.action)).toEqual(["product.created", "product.updated"]);
    expect(entries[1]?.details).toEqual({
      changes: {
        productUnit: ["compute", "containers"],
        description: ["", "Instances with GPUs"],
      },
    });
  });

  it("moves a product to another universe together with a unit of that universe", async () => {
    const { app, db } = await testContext();
    const admin = await adminAuth(db);
    const code = await createProduct(db);
    const res = await app.inject({
      method: "PATCH",
      url: `${API}/products/${code}`,
      headers: admin.auth,
      payload: { universe: "enterprise", productUnit: "private-cloud" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ universe: "enterprise", productUnit: "private-cloud" });
  });

  it("replays a product creation sent twice with the same Idempotency-Key", async () => {
    const { app, db } = await testContext();
    const admin = await adminAuth(db);
    const code = `saas-${uniqueSuffix()}`;
    const send = () =>
      app.inject({
        method: "POST",
        url: `${API}/products`,
        headers: { ...admin.auth, "idempotency-key": `create-${code}` },
        payload: { code, name: "Wiki", universe: "market", productUnit: "saas-apps" },
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json()).toEqual(first.json());
  });

  it("adds, replaces and deletes matrix areas, auditing each step", async () => {
    const { app, db } = await testContext();
    const admin = await adminAuth(db);
    const code = await createProduct(db);
    const url = `${API}/products/${code}/responsibilities`;

    const added = await app.inject({
      method: "PUT",
      url: `${url}/operating-system`,
      headers: { ...admin.auth, "accept-language": "fr" },
      payload: { owner: "customer", explanation },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({
      area: "operating-system",
      owner: "customer",
      position: 2,
      explanation,
      text: explanation.fr,
    });

    const replaced = await app.inject({
      method: "PUT",
      url: `${url}/hardware`,
      headers: admin.auth,
      payload: { owner: "shared", explanation: { ...explanation, en: "  Both of us.  " } },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ owner: "shared", position: 0, text: "Both of us." });

    const removed = await app.inject({ method: "DELETE", url: `${url}/data`, headers: admin.auth });
    expect(removed.statusCode).toBe(204);

    const matrix = await app.inject({ method: "GET", url });
    expect(
      matrix.json().items.map((row: { area: string; owner: string }) => [row.area, row.owner]),
    ).toEqual([
      ["hardware", "shared"],
      ["operating-system", "customer"],
    ]);

    const entries = await auditOf(db, "product", code);
    expect(entries.map((e) => [e.action, (e.details as { area: string }).area])).toEqual([
      ["product.responsibility_set", "operating-system"],
      ["product.responsibility_set", "hardware"],
      ["product.responsibility_deleted", "data"],
    ]);
    expect(entries.every((e) => e.actor_id === admin.id)).toBe(true);
    expect(entries[1]?.details).toMatchObject({
      before: { owner: "provider" },
      after: { owner: "shared", explanation: { en: "Both of us." } },
    });
  });

  it("places an area where asked", async () => {
    const { app, db } = await testContext();
    const admin = await adminAuth(db);
    const code = await createProduct(db);
    const res = await app.inject({
      method: "PUT",
      url: `${API}/products/${code}/responsibilities/network`,
      headers: admin.auth,
      payload: { owner: "provider", explanation, position: 0 },
    });
    expect(res.statusCode).toBe(201);
    const matrix = await app.inject({
      method: "GET",
      url: `${API}/products/${code}/responsibilities`,
    });
    expect(matrix.json().items.map((row: { area: string }) => row.area)).toEqual([
      "hardware",
      "network",
      "data",
    ]);
  });
});
