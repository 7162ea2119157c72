import type { Language, Translations, Universe } from "../../db/schema.ts";
import type { ProductRow, RegionRow, ResponsibilityRowDb } from "./repository.ts";
import type { Product, Region, Responsibility } from "./schemas.ts";

export function presentRegion(row: RegionRow): Region {
  return {
    code: row.code,
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
    languages: row.languages as Language[],
  };
}

export function presentUniverse(row: {
  code: Universe;
  name: string;
  position: number;
  products: string[];
}) {
  return {
    code: row.code,
    name: row.name,
    position: row.position,
    productCount: row.products.length,
    products: row.products,
  };
}

export function presentProductUnit(row: { code: string; name: string; universe: Universe }) {
  return { code: row.code, name: row.name, universe: row.universe };
}

export function presentProduct(row: ProductRow): Product {
  return {
    code: row.code,
    name: row.name,
    universe: row.universe,
    productUnit: row.product_unit,
    description: row.description,
  };
}

/** One matrix row with every translation, plus `text` in the language the caller reads. */
export function presentResponsibility(row: ResponsibilityRowDb, lang: Language): Responsibility {
  const explanation: Translations = row.explanation;
  return {
    area: row.area,
    owner: row.owner,
    position: row.position,
    explanation: { en: explanation.en, fr: explanation.fr, ru: explanation.ru },
    // An admin-entered row always has all three; English covers anything older than that rule.
    text: explanation[lang] || explanation.en,
  };
}
