import { describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";
import { createStaff, uniqueSuffix } from "../helpers/factories.ts";
import { createProduct, createRegion, explanation } from "./fixtures.ts";

const API = "/api/v1/catalog";

async function setup() {
  const ctx = await testContext();
  const admin = await createStaff(ctx.db, { role: "admin", tier: "L3" });
  return { ...ctx, admin };
}

describe("catalogue write validation", () => {
  it("names the field of every invalid region change", async () => {
    const { app, db, admin } = await setup();
    const code = await createRegion(db);
    const cases: [object, string][] = [
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ timeZone: "+01:00" }, "timeZone"],
      [{ timeZone: "Europe/Paris; drop table regions" }, "timeZone"],
      [{ currency: "euro" }, "currency"],
      [{ languages: ["en", "de"] }, "languages.1"],
      [{ languages: [] }, "languages"],
      [{ name: "   " }, "name"],
      [{ name: "X", colour: "blue" }, "colour"],
      [{}, "(root)"],
    ];
    for (const [payload, field] of cases) {
      const res = await app.inject({
        method: "PATCH",
        url: `${API}/regions/${code}`,
        headers: admin.auth,
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("validation_failed");
      expect(res.json().errors[0].field, JSON.stringify(payload)).toBe(field);
    }
    const stored = await db
      .selectFrom("regions")
      .select("time_zone")
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
    expect(stored.time_zone).toBe("UTC");
  });

  it("names the field of every invalid matrix row", async () => {
    const { app, db, admin } = await setup();
    const product = await createProduct(db);
    const { fr: _fr, ...withoutFr } = explanation;
    const cases: [string, object, string, string][] = [
      ["backups", { owner: "nobody", explanation }, "owner", "body"],
      ["backups", { owner: "customer", explanation: withoutFr }, "explanation.fr", "body"],
      [
        "backups",
        { owner: "customer", explanation: { ...explanation, ru: " " } },
        "explanation.ru",
        "body",
      ],
      [
        "backups",
        { owner: "customer", explanation: { ...explanation, de: "x" } },
        "explanation.de",
        "body",
      ],
      ["backups", { owner: "customer" }, "explanation", "body"],
      ["backups", { owner: "customer", explanation, position: -1 }, "position", "body"],
      ["Bad_Area", { owner: "customer", explanation }, "area", "params"],
    ];
    for (const [area, payload, field, where] of cases) {
      const res = await app.inject({
        method: "PUT",
        url: `${API}/products/${product}/responsibilities/${area}`,
        headers: admin.auth,
        payload,
      });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0], field).toMatchObject({ field, in: where });
    }
    const rows = await db
      .selectFrom("responsibility_areas")
      .select("area")
      .where("product", "=", product)
      .execute();
    expect(rows.map((r) => r.area).sort()).toEqual(["data", "hardware"]);
  });

  it("checks that a product's unit belongs to its universe", async () => {
    const { app, db, admin } = await setup();
    const post = (payload: object) =>
      app.inject({ method: "POST", url: `${API}/products`, headers: admin.auth, payload });
    const mismatch = await post({
      code: `x-${uniqueSuffix()}`,
      name: "Mismatch",
      universe: "market",
      productUnit: "baremetal",
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].field).toBe("productUnit");
    expect(mismatch.json().detail).toContain("baremetal belongs to universe server");

    const unknownUnit = await post({
      code: `x-${uniqueSuffix()}`,
      name: "Nowhere",
      universe: "market",
      productUnit: "no-such-unit",
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().errors[0].field).toBe("productUnit");

    const badCode = await post({
      code: "Bad Code",
      name: "X",
      universe: "market",
      productUnit: "telecom",
    });
    expect(badCode.json().errors[0].field).toBe("code");

    const existing = await createProduct(db);
    const moveAlone = await app.inject({
      method: "PATCH",
      url: `${API}/products/${existing}`,
      headers: admin.auth,
      payload: { universe: "market" },
    });
    expect(moveAlone.statusCode).toBe(400);
    expect(moveAlone.json().errors[0].field).toBe("universe");
  });

  it("refuses a product code that is already taken with 409", async () => {
    const { app, admin } = await setup();
    const res = await app.inject({
      method: "POST",
      url: `${API}/products`,
      headers: admin.auth,
      payload: {
        code: "vps",
        name: "Another VPS",
        universe: "server",
        productUnit: "virtual-servers",
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: "already_exists", errors: [{ field: "code" }] });
  });

  it("answers writes on unknown regions, products and areas with 404", async () => {
    const { app, db, admin } = await setup();
    const product = await createProduct(db);
    const cases: [string, string, object | undefined][] = [
      ["PATCH", `${API}/regions/QQQ`, { name: "Nowhere" }],
      ["PATCH", `${API}/products/no-such-product`, { name: "Nowhere" }],
      [
        "PUT",
        `${API}/products/no-such-product/responsibilities/data`,
        { owner: "customer", explanation },
      ],
      ["DELETE", `${API}/products/no-such-product/responsibilities/data`, undefined],
      ["DELETE", `${API}/products/${product}/responsibilities/no-such-area`, undefined],
    ];
    for (const [method, url, payload] of cases) {
      const res = await app.inject({
        method: method as "PATCH" | "PUT" | "DELETE",
        url,
        headers: admin.auth,
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe("not_found");
    }
  });
});
