import { randomInt } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import type { Owner } from "../../src/db/schema.ts";
import { uniqueSuffix } from "../helpers/factories.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A throwaway region, so edits never touch the EU, CA and US rows other tests rely on. */
export async function createRegion(db: Database): Promise<string> {
  for (;;) {
    const code = `${LETTERS[randomInt(16, 26)]}${LETTERS[randomInt(26)]}`;
    const inserted = await db
      .insertInto("regions")
      .values({
        code,
        name: `Test region ${code}`,
        time_zone: "UTC",
        currency: "EUR",
        languages: ["en"],
      })
      .onConflict((oc) => oc.doNothing())
      .returning("code")
      .executeTakeFirst();
    if (inserted) return inserted.code;
  }
}

/** A product of its own (in the vps unit) with a two-row matrix, for edits and deletions. */
export async function createProduct(db: Database): Promise<string> {
  const code = `test-${uniqueSuffix()}`;
  await db
    .insertInto("products")
    .values({
      code,
      name: `Test ${code}`,
      universe: "server",
      product_unit: "virtual-servers",
    })
    .execute();
  await addArea(db, code, "hardware", "provider", 0);
  await addArea(db, code, "data", "customer", 1);
  return code;
}

export async function addArea(
  db: Database,
  product: string,
  area: string,
  owner: Owner,
  position: number,
): Promise<void> {
  await db
    .insertInto("responsibility_areas")
    .values({
      product,
      area,
      owner,
      position,
      explanation: JSON.stringify({ en: `${area} en`, fr: `${area} fr`, ru: `${area} ru` }),
    })
    .execute();
}

export const explanation = {
  en: "Patching the guest is yours.",
  fr: "Les correctifs du système invité sont à votre charge.",
  ru: "Обновление гостевой системы — ваша задача.",
};
