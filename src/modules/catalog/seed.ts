import type { Database } from "../../db/database.ts";
import { products, productUnits, regions, universes } from "./reference-data.ts";
import { responsibilityMatrices } from "./responsibility-data.ts";

/**
 * Inserts the shipped catalogue where missing; rows staff admins have since edited are kept.
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
    const rows = Object.entries(responsibilityMatrices).flatMap(([product, matrix]) =>
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
