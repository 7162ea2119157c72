import type { Database } from "../../db/database.ts";
import { products, productUnits, regions, universes } from "./reference-data.ts";
import { responsibilityMatrices } from "./responsibility-data.ts";

/**
 * Inserts the shipped catalogue where missing; rows staff admins have since edited are kept.
 * A product's matrix is seeded only while the product has no area at all, so an area an admin
 * deleted does not come back on the next start.
 */
export async function seedCatalog(db: Database): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("regions")
      .values(regions)
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto("universes")
      .values(universes)
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto("product_units")
      .values(productUnits)
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto("products")
      .values(products)
      .onConflict((oc) => oc.doNothing())
      .execute();
    const withMatrix = await trx
      .selectFrom("responsibility_areas")
      .select("product")
      .distinct()
      .execute();
    const seeded = new Set(withMatrix.map((row) => row.product));
    const rows = Object.entries(responsibilityMatrices)
      .filter(([product]) => !seeded.has(product))
      .flatMap(([product, matrix]) =>
        matrix.map((row, position) => ({
          product,
          area: row.area,
          owner: row.owner,
          explanation: JSON.stringify(row.explanation),
          position,
        })),
      );
    if (rows.length > 0) {
      await trx
        .insertInto("responsibility_areas")
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}
