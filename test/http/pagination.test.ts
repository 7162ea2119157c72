import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/modules/accounts/service.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createStaff, type TestStaff, uniqueSuffix } from "../helpers/factories.ts";

describe("cursor pagination", () => {
  let ctx: TestContext;
  let staff: TestStaff;
  let tag: string;
  const nics: string[] = [];
  beforeAll(async () => {
    ctx = await testContext();
    staff = await createStaff(ctx.db, { role: "agent" });
    tag = `pagetag${uniqueSuffix()}`;
    for (let n = 0; n < 7; n += 1) {
      const made = await createAccount(ctx.db, null, {
        kind: "individual",
        name: `${tag} Person ${n}`,
        region: n % 2 === 0 ? "EU" : "CA",
        language: "en",
      });
      nics.push(made.nicHandle);
    }
    nics.sort();
  });

  const get = (query: string) =>
    ctx.app.inject({ method: "GET", url: `/api/v1/accounts?${query}`, headers: staff.auth });

  async function walk(filter: string): Promise<{ seen: string[]; pages: number }> {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(
        `${filter}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: { nicHandle: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.nicHandle));
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(20);
    } while (cursor);
    return { seen, pages };
  }

  it("walks every page of a filtered set without duplicates or gaps", async () => {
    const { seen, pages } = await walk(`q=${tag}`);
    expect(seen).toEqual(nics);
    expect(pages).toBe(4);
  });

  it("keeps the filter across pages", async () => {
    const { seen } = await walk(`q=${tag}&region=CA`);
    const expected = await ctx.db
      .selectFrom("accounts")
      .select("nic_handle")
      .where("name", "like", `${tag}%`)
      .where("region", "=", "CA")
      .orderBy("nic_handle")
      .execute();
    expect(seen).toEqual(expected.map((r) => r.nic_handle));
    expect(seen).toHaveLength(3);
  });

  it("sees rows inserted behind the cursor, not before it", async () => {
    const firstPage = (await get(`q=${tag}&limit=3`)).json();
    const late = await createAccount(ctx.db, null, {
      nicHandle: "zz999999-pal".replace(
        "999999",
        String(Math.floor(Math.random() * 900_000) + 100_000),
      ),
      kind: "individual",
      name: `${tag} Late`,
      region: "US",
      language: "en",
    });
    const rest = [];
    let cursor = firstPage.nextCursor;
    while (cursor) {
      const page = (await get(`q=${tag}&limit=3&cursor=${cursor}`)).json();
      rest.push(...page.items.map((a: { nicHandle: string }) => a.nicHandle));
      cursor = page.nextCursor;
    }
    expect(rest.at(-1)).toBe(late.nicHandle);
    expect(
      new Set([...firstPage.items.map((a: { nicHandle: string }) => a.nicHandle), ...rest]).size,
    ).toBe(8);
  });

  it("bounds the page size", async () => {
    for (const limit of ["0", "101", "-1", "two"]) {
      const res = await get(`limit=${limit}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("validation_failed");
      expect(res.json().errors[0]).toMatchObject({ field: "limit", in: "query" });
    }
    const max = await get(`q=${tag}&limit=100`);
    expect(max.statusCode).toBe(200);
    const defaulted = await get(`q=${tag}`);
    expect(defaulted.json().nextCursor).toBeNull();
  });

  it("refuses a forged cursor with 400 invalid_cursor", async () => {
    const forged = [
      "not-base64-json",
      Buffer.from("{}").toString("base64url"),
      Buffer.from(JSON.stringify(["a", "b"])).toString("base64url"),
      Buffer.from(JSON.stringify([42])).toString("base64url"),
      Buffer.from(JSON.stringify([{ nic: "x" }])).toString("base64url"),
    ];
    for (const cursor of forged) {
      const res = await get(`cursor=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        code: "invalid_cursor",
        errors: [{ field: "cursor", in: "query" }],
      });
    }
  });
});
