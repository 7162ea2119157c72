import { describe, expect, it } from "vitest";
import { products, productUnits } from "../../src/modules/catalog/reference-data.ts";
import { testContext } from "../helpers/context.ts";
import { createCustomer } from "../helpers/factories.ts";
import { addArea, createProduct } from "./fixtures.ts";

const API = "/api/v1/catalog";

describe("catalogue reads are public", () => {
  it("lists the shipped regions without sign-in", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: `${API}/regions?limit=100` });
    expect(res.statusCode).toBe(200);
    const eu = res.json().items.find((r: { code: string }) => r.code === "EU");
    expect(eu).toEqual({
      code: "EU",
      name: "Europe",
      timeZone: "Europe/Paris",
      currency: "EUR",
      languages: ["en", "fr", "ru"],
    });
  });

  it("lists the four universes with their product codes", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: `${API}/universes` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; products: string[]; productCount: number }[];
    expect(items.map((u) => u.code)).toEqual(["market", "server", "public-cloud", "enterprise"]);
    for (const universe of items) {
      expect(universe.productCount).toBe(universe.products.length);
      const shipped = products.filter((p) => p.universe === universe.code).map((p) => p.code);
      expect(universe.products).toEqual(expect.arrayContaining(shipped));
    }
  });

  it("lists product units with their universe", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: `${API}/product-units?limit=100` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    for (const unit of productUnits) {
      expect(items).toContainEqual({ code: unit.code, name: unit.name, universe: unit.universe });
    }
  });

  it("pages through products in code order without gaps or repeats", async () => {
    const { app } = await testContext();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const res = await app.inject({ method: "GET", url: `${API}/products?limit=4${query}` });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((p: { code: string }) => p.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(products.map((p) => p.code)));
  });

  it("filters products by universe and by product unit", async () => {
    const { app } = await testContext();
    const byUniverse = await app.inject({
      method: "GET",
      url: `${API}/products?universe=public-cloud&limit=100`,
    });
    const cloud = byUniverse.json().items as { code: string; universe: string }[];
    expect(cloud.every((p) => p.universe === "public-cloud")).toBe(true);
    expect(cloud.map((p) => p.code)).toEqual(
      expect.arrayContaining(["instance", "block-storage", "object-storage", "managed-kubernetes"]),
    );
    const byUnit = await app.inject({
      method: "GET",
      url: `${API}/products?productUnit=storage&limit=100`,
    });
    expect(byUnit.json().items.map((p: { code: string }) => p.code)).toEqual([
      "block-storage",
      "object-storage",
    ]);
  });

  it("shows one product", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: `${API}/products/dedicated-server` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: "dedicated-server",
      name: "Dedicated server",
      universe: "server",
      productUnit: "baremetal",
      description: "Bare-metal dedicated servers",
    });
  });

  it("answers unknown products with a 404 problem", async () => {
    const { app } = await testContext();
    for (const url of [
      `${API}/products/no-such-product`,
      `${API}/products/nope/responsibilities`,
    ]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("not_found");
    }
  });

  it("refuses bad filters, unknown query fields and foreign cursors with 400", async () => {
    const { app } = await testContext();
    const cases: [string, string, string][] = [
      [`${API}/products?universe=moon`, "validation_failed", "universe"],
      [`${API}/products?colour=red`, "validation_failed", "colour"],
      [`${API}/products?limit=1000`, "validation_failed", "limit"],
      [`${API}/products?cursor=not-a-cursor`, "invalid_cursor", "cursor"],
      [`${API}/products/vps/responsibilities?lang=de`, "validation_failed", "lang"],
    ];
    for (const [url, code, field] of cases) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe(code);
      expect(res.json().errors[0].field, url).toBe(field);
    }
  });
});

describe("responsibility matrix language", () => {
  it("returns every translation and `text` in English by default", async () => {
    const { app } = await testContext();
    const res = await app.inject({ method: "GET", url: `${API}/products/vps/responsibilities` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-language"]).toBe("en");
    const body = res.json();
    expect(body.product).toBe("vps");
    expect(body.language).toBe("en");
    const os = body.items.find((row: { area: string }) => row.area === "operating-system");
    expect(os.owner).toBe("customer");
    expect(os.text).toBe(os.explanation.en);
    expect(os.explanation.fr).not.toBe(os.explanation.en);
  });

  it("follows Accept-Language, and ?lang over it", async () => {
    const { app } = await testContext();
    const url = `${API}/products/dedicated-server/responsibilities`;
    const ru = await app.inject({
      method: "GET",
      url,
      headers: { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" },
    });
    expect(ru.json().language).toBe("ru");
    for (const row of ru.json().items) expect(row.text).toBe(row.explanation.ru);

    const fr = await app.inject({
      method: "GET",
      url: `${url}?lang=fr`,
      headers: { "accept-language": "ru" },
    });
    expect(fr.headers["content-language"]).toBe("fr");
    for (const row of fr.json().items) expect(row.text).toBe(row.explanation.fr);

    const unsupported = await app.inject({
      method: "GET",
      url,
      headers: { "accept-language": "de" },
    });
    expect(unsupported.json().language).toBe("en");
  });

  it("is also readable by a signed-in customer", async () => {
    const { app, db } = await testContext();
    const user = await createCustomer(db);
    const res = await app.inject({
      method: "GET",
      url: `${API}/products/email/responsibilities?lang=ru`,
      headers: user.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });

  it("orders rows by position, not by area name", async () => {
    const { app, db } = await testContext();
    const product = await createProduct(db);
    await addArea(db, product, "applications", "customer", 2);
    const res = await app.inject({
      method: "GET",
      url: `${API}/products/${product}/responsibilities`,
    });
    expect(res.json().items.map((row: { area: string }) => row.area)).toEqual([
      "hardware",
      "data",
      "applications",
    ]);
  });
});
