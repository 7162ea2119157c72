import type { Selectable, Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type {
  ProductsTable,
  RegionsTable,
  ResponsibilityAreasTable,
  Universe,
} from "../../db/schema.ts";

/** All SQL of the catalogue: regions, universes, product units, products and their matrices. */

export type RegionRow = Selectable<RegionsTable>;
export type ProductRow = Selectable<ProductsTable>;
export type ResponsibilityRowDb = Selectable<ResponsibilityAreasTable>;

export function listRegions(db: Database, after: string | null, limit: number) {
  return db
    .selectFrom("regions")
    .selectAll()
    .$if(after !== null, (q) => q.where("code", ">", after as string))
    .orderBy("code")
    .limit(limit + 1)
    .execute();
}

export function findRegion(db: Database, code: string, forUpdate = false) {
  return db
    .selectFrom("regions")
    .selectAll()
    .where("code", "=", code)
    .$if(forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();
}

export function updateRegion(db: Database, code: string, patch: Updateable<RegionsTable>) {
  return db
    .updateTable("regions")
    .set(patch)
    .where("code", "=", code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listUniversesWithProducts(db: Database) {
  const [universes, products] = await Promise.all([
    db.selectFrom("universes").selectAll().orderBy("position").orderBy("code").execute(),
    db.selectFrom("products").select(["code", "universe"]).orderBy("code").execute(),
  ]);
  return universes.map((universe) => ({
    ...universe,
    products: products.filter((p) => p.universe === universe.code).map((p) => p.code),
  }));
}

export function listProductUnits(db: Database, after: string | null, limit: number) {
  return db
    .selectFrom("product_units")
    .selectAll()
    .$if(after !== null, (q) => q.where("code", ">", after as string))
    .orderBy("code")
    .limit(limit + 1)
    .execute();
}

export function findProductUnit(db: Database, code: string) {
  return db.selectFrom("product_units").selectAll().where("code", "=", code).executeTakeFirst();
}

export function listProducts(
  db: Database,
  filter: { universe?: Universe | undefined; productUnit?: string | undefined },
  after: string | null,
  limit: number,
) {
  return db
    .selectFrom("products")
    .selectAll()
    .$if(filter.universe !== undefined, (q) =>
      q.where("universe", "=", filter.universe as Universe),
    )
    .$if(filter.productUnit !== undefined, (q) =>
      q.where("product_unit", "=", filter.productUnit as string),
    )
    .$if(after !== null, (q) => q.where("code", ">", after as string))
    .orderBy("code")
    .limit(limit + 1)
    .execute();
}

export function findProduct(db: Database, code: string, forUpdate = false) {
  return db
    .selectFrom("products")
    .selectAll()
    .where("code", "=", code)
    .$if(forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Inserts a product; undefined when the code is already taken. */
export function insertProduct(
  db: Database,
  row: {
    code: string;
    name: string;
    universe: Universe;
    product_unit: string;
    description: string;
  },
) {
  return db
    .insertInto("products")
    .values(row)
    .onConflict((oc) => oc.column("code").doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateProduct(db: Database, code: string, patch: Updateable<ProductsTable>) {
  return db
    .updateTable("products")
    .set(patch)
    .where("code", "=", code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listResponsibilities(db: Database, product: string) {
  return db
    .selectFrom("responsibility_areas")
    .selectAll()
    .where("product", "=", product)
    .orderBy("position")
    .orderBy("area")
    .execute();
}

export function findResponsibility(db: Database, product: string, area: string) {
  return db
    .selectFrom("responsibility_areas")
    .selectAll()
    .where("product", "=", product)
    .where("area", "=", area)
    .forUpdate()
    .executeTakeFirst();
}

export async function countAndNextPosition(db: Database, product: string) {
  const row = await db
    .selectFrom("responsibility_areas")
    .select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.coalesce(eb.fn.max("position"), eb.lit(-1)).as("last"),
    ])
    .where("product", "=", product)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), next: Number(row.last) + 1 };
}

/** Creates or replaces one row of a product's matrix. */
export function upsertResponsibility(
  db: Database,
  row: {
    product: string;
    area: string;
    owner: ResponsibilityRowDb["owner"];
    explanation: string;
    position: number;
  },
) {
  return db
    .insertInto("responsibility_areas")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["product", "area"]).doUpdateSet((eb) => ({
        owner: eb.ref("excluded.owner"),
        explanation: eb.ref("excluded.explanation"),
        position: eb.ref("excluded.position"),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteResponsibility(db: Database, product: string, area: string) {
  return db
    .deleteFrom("responsibility_areas")
    .where("product", "=", product)
    .where("area", "=", area)
    .returningAll()
    .executeTakeFirst();
}
