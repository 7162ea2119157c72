import { describe, expect, it } from "vitest";
import { products } from "../../src/modules/catalog/reference-data.ts";
import { responsibilityMatrices } from "../../src/modules/catalog/responsibility-data.ts";
import { seedCatalog } from "../../src/modules/catalog/seed.ts";
import { testContext } from "../helpers/context.ts";

const AREA = /^[a-z0-9][a-z0-9-]{1,62}$/;

describe("published responsibility matrices", () => {
  it("cover every shipped product and nothing else", () => {
    expect(Object.keys(responsibilityMatrices).sort()).toEqual(products.map((p) => p.code).sort());
  });

  it.each(products.map((p) => p.code))(
    "%s has 6 to 10 distinct, fully translated areas",
    (code) => {
      const matrix = responsibilityMatrices[code] ?? [];
      expect(matrix.length).toBeGreaterThanOrEqual(6);
      expect(matrix.length).toBeLessThanOrEqual(10);
      expect(new Set(matrix.map((row) => row.area)).size).toBe(matrix.length);
      for (const row of matrix) {
        expect(row.area).toMatch(AREA);
        expect(["provider", "customer", "shared"]).toContain(row.owner);
        const { en, fr, ru } = row.explanation;
        for (const text of [en, fr, ru]) expect(text.trim().length).toBeGreaterThan(20);
        expect(fr).not.toBe(en);
        expect(ru).toMatch(/[а-яё]/i);
      }
      // A matrix that names only one side would not tell the customer where the line is.
      expect(new Set(matrix.map((row) => row.owner)).size).toBeGreaterThan(1);
    },
  );

  it("says the OS of a dedicated server is the customer's and its hardware the provider's", () => {
    const matrix = responsibilityMatrices["dedicated-server"] ?? [];
    const owner = (area: string) => matrix.find((row) => row.area === area)?.owner;
    expect(owner("operating-system")).toBe("customer");
    expect(owner("hardware")).toBe("provider");
  });

  it("is served for every product, in en, fr and ru, as seeded", async () => {
    const { app } = await testContext();
    for (const { code } of products) {
      const res = await app.inject({
        method: "GET",
        url: `/api/v1/catalog/products/${code}/responsibilities`,
      });
      expect(res.statusCode, code).toBe(200);
      const items = res.json().items as { area: string; explanation: Record<string, string> }[];
      expect(items.length, code).toBeGreaterThanOrEqual(6);
      for (const row of items) {
        for (const lang of ["en", "fr", "ru"]) expect(row.explanation[lang]?.trim()).toBeTruthy();
      }
    }
  });

  it("re-seeding keeps the shipped matrices and adds nothing twice", async () => {
    const { db } = await testContext();
    await seedCatalog(db);
    const rows = await db
      .selectFrom("responsibility_areas")
      .select(["product", "area"])
      .where("product", "=", "managed-kubernetes")
      .execute();
    expect(rows.map((r) => r.area).sort()).toEqual(
      (responsibilityMatrices["managed-kubernetes"] ?? []).map((r) => r.area).sort(),
    );
  });
});
