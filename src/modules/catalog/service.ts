import type { Updateable } from "kysely";
import type { Database } from "../../db/database.ts";
import type { Language, ProductsTable, RegionsTable } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import { decodeCursor, type PageOf, toPage } from "../../http/pagination.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, invalidField, notFound } from "../../http/problem.ts";
import { negotiateLanguage } from "../../i18n/index.ts";
import { recordAudit } from "../audit/recorder.ts";
import { authorize } from "./policy.ts";
import {
  presentProduct,
  presentProductUnit,
  presentRegion,
  presentResponsibility,
  presentUniverse,
} from "./presenter.ts";
import * as repo from "./repository.ts";
import type {
  Product,
  ProductCreate,
  ProductListQuery,
  ProductPatch,
  Region,
  RegionPatch,
  Responsibility,
  ResponsibilityPut,
} from "./schemas.ts";

/** A matrix is read before and during tickets; past this size it stops being read at all. */
export const MAX_AREAS_PER_PRODUCT = 40;

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * The IANA zone as Intl knows it, or null. Offsets such as +01:00 are refused: a region's
 * calendar must follow its daylight-saving rules. Case is fixed, but an alias (Asia/Calcutta)
 * is kept as written rather than swapped for whatever ICU considers canonical.
 */
export function ianaTimeZone(name: string): string | null {
  if (!ZONE_NAME.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

/** ?lang wins, then Accept-Language, then English. */
export function matrixLanguage(lang: Language | undefined, acceptLanguage: string | undefined) {
  return lang ?? negotiateLanguage(acceptLanguage, "en");
}

type PageInput = { limit?: number | undefined; cursor?: string | undefined };

function after(query: PageInput): string | null {
  const key = decodeCursor(query.cursor, 1);
  return key === null ? null : String(key[0]);
}

// ---- Reads: the catalogue is published, anyone may read it -----------------------------------

export async function listRegions(db: Database, principal: Principal | null, query: PageInput) {
  authorize(principal, "catalog.read");
  const limit = query.limit ?? 25;
  const rows = await repo.listRegions(db, after(query), limit);
  return toPage(rows, limit, (row) => [row.code], presentRegion);
}

export async function listUniverses(db: Database, principal: Principal | null) {
  authorize(principal, "catalog.read");
  const rows = await repo.listUniversesWithProducts(db);
  return { items: rows.map(presentUniverse) };
}

export async function listProductUnits(
  db: Database,
  principal: Principal | null,
  query: PageInput,
) {
  authorize(principal, "catalog.read");
  const limit = query.limit ?? 25;
  const rows = await repo.listProductUnits(db, after(query), limit);
  return toPage(rows, limit, (row) => [row.code], presentProductUnit);
}

export async function listProducts(
  db: Database,
  principal: Principal | null,
  query: ProductListQuery,
): Promise<PageOf<Product>> {
  authorize(principal, "catalog.read");
  const limit = query.limit ?? 25;
  const filter = { universe: query.universe, productUnit: query.productUnit };
  const rows = await repo.listProducts(db, filter, after(query), limit);
  return toPage(rows, limit, (row) => [row.code], presentProduct);
}

export async function getProduct(
  db: Database,
  principal: Principal | null,
  code: string,
): Promise<Product> {
  authorize(principal, "catalog.read");
  const row = await repo.findProduct(db, code);
  if (!row) throw notFound("Product");
  return presentProduct(row);
}

/** A product's responsibility matrix in position order; other modules show it in tickets. */
export async function getMatrix(
  db: Database,
  principal: Principal | null,
  code: string,
  lang: Language,
): Promise<{ product: string; language: Language; items: Responsibility[] }> {
  authorize(principal, "catalog.read");
  const product = await repo.findProduct(db, code);
  if (!product) throw notFound("Product");
  const rows = await repo.listResponsibilities(db, code);
  return {
    product: code,
    language: lang,
    items: rows.map((row) => presentResponsibility(row, lang)),
  };
}

// ---- Commands: staff admins only, one transaction each, audited -------------------------------

/** Only the fields that change, as {field: [before, after]}, so the audit log stays readable. */
function changes<T extends object>(before: T, after: T): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      diff[key] = [before[key], after[key]];
    }
  }
  return diff;
}

export async function updateRegion(
  db: Database,
  actor: Actor,
  code: string,
  input: RegionPatch,
): Promise<Region> {
  authorize(actor.principal, "region.update");
  const patch: Updateable<RegionsTable> = {};
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.currency !== undefined) patch.currency = input.currency;
  if (input.languages !== undefined) patch.languages = input.languages;
  if (input.timeZone !== undefined) {
    const zone = ianaTimeZone(input.timeZone);
    if (!zone) throw invalidField("timeZone", "is not an IANA time zone such as Europe/Paris");
    patch.time_zone = zone;
  }
  return inTransaction(db, async (trx) => {
    const before = await repo.findRegion(trx, code, true);
    if (!before) throw notFound("Region");
    const row = await repo.updateRegion(trx, code, patch);
    await recordAudit(trx, actor, {
      action: "region.updated",
      subjectKind: "region",
      subjectId: code,
      details: { changes: changes(presentRegion(before), presentRegion(row)) },
    });
    return presentRegion(row);
  });
}

/** The product unit must exist and belong to the universe the product is (or will be) in. */
async function checkUnit(
  trx: Database,
  unitCode: string,
  universe: string,
  blame: "productUnit" | "universe",
): Promise<void> {
  const unit = await repo.findProductUnit(trx, unitCode);
  if (!unit) throw invalidField("productUnit", `unknown product unit ${unitCode}`);
  if (unit.universe !== universe) {
    throw invalidField(
      blame,
      `product unit ${unit.code} belongs to universe ${unit.universe}, not ${universe}`,
    );
  }
}

export async function createProduct(
  db: Database,
  actor: Actor,
  input: ProductCreate,
): Promise<Product> {
  authorize(actor.principal, "product.create");
  return inTransaction(db, async (trx) => {
    await checkUnit(trx, input.productUnit, input.universe, "productUnit");
    const row = await repo.insertProduct(trx, {
      code: input.code,
      name: input.name.trim(),
      universe: input.universe,
      product_unit: input.productUnit,
      description: input.description?.trim() ?? "",
    });
    if (!row) {
      throw new AppError("already_exists", `Product ${input.code} already exists`, [
        { field: "code", in: "body", message: "is already taken" },
      ]);
    }
    const product = presentProduct(row);
    await recordAudit(trx, actor, {
      action: "product.created",
      subjectKind: "product",
      subjectId: row.code,
      details: { product },
    });
    return product;
  });
}

export async function updateProduct(
  db: Database,
  actor: Actor,
  code: string,
  input: ProductPatch,
): Promise<Product> {
  authorize(actor.principal, "product.update");
  return inTransaction(db, async (trx) => {
    const before = await repo.findProduct(trx, code, true);
    if (!before) throw notFound("Product");
    const universe = input.universe ?? before.universe;
    const unit = input.productUnit ?? before.product_unit;
    if (universe !== before.universe || unit !== before.product_unit) {
      await checkUnit(trx, unit, universe, input.productUnit ? "productUnit" : "universe");
    }
    const patch: Updateable<ProductsTable> = { universe, product_unit: unit };
    if (input.name !== undefined) patch.name = input.name.trim();
    if (input.description !== undefined) patch.description = input.description.trim();
    const row = await repo.updateProduct(trx, code, patch);
    await recordAudit(trx, actor, {
      action: "product.updated",
      subjectKind: "product",
      subjectId: code,
      details: { changes: changes(presentProduct(before), presentProduct(row)) },
    });
    return presentProduct(row);
  });
}

/** Creates or replaces one area of a product's matrix; says which it did. */
export async function setResponsibility(
  db: Database,
  actor: Actor,
  code: string,
  area: string,
  input: ResponsibilityPut,
  lang: Language,
): Promise<{ created: boolean; row: Responsibility }> {
  authorize(actor.principal, "responsibility.set");
  const explanation = {
    en: input.explanation.en.trim(),
    fr: input.explanation.fr.trim(),
    ru: input.explanation.ru.trim(),
  };
  return inTransaction(db, async (trx) => {
    // Locking the product serialises concurrent edits of its matrix, positions included.
    const product = await repo.findProduct(trx, code, true);
    if (!product) throw notFound("Product");
    const before = await repo.findResponsibility(trx, code, area);
    let position = input.position ?? before?.position;
    if (position === undefined) {
      const { count, next } = await repo.countAndNextPosition(trx, code);
      if (count >= MAX_AREAS_PER_PRODUCT) {
        throw new AppError(
          "unprocessable",
          `A matrix holds at most ${MAX_AREAS_PER_PRODUCT} areas; replace or delete one first`,
        );
      }
      position = next;
    }
    const row = await repo.upsertResponsibility(trx, {
      product: code,
      area,
      owner: input.owner,
      explanation: JSON.stringify(explanation),
      position,
    });
    await recordAudit(trx, actor, {
      action: "product.responsibility_set",
      subjectKind: "product",
      subjectId: code,
      details: {
        area,
        before: before ? { owner: before.owner, explanation: before.explanation } : null,
        after: { owner: row.owner, explanation, position: row.position },
      },
    });
    return { created: !before, row: presentResponsibility(row, lang) };
  });
}

export async function deleteResponsibility(
  db: Database,
  actor: Actor,
  code: string,
  area: string,
): Promise<void> {
  authorize(actor.principal, "responsibility.delete");
  await inTransaction(db, async (trx) => {
    const product = await repo.findProduct(trx, code, true);
    if (!product) throw notFound("Product");
    const removed = await repo.deleteResponsibility(trx, code, area);
    if (!removed) throw notFound("Responsibility area");
    await recordAudit(trx, actor, {
      action: "product.responsibility_deleted",
      subjectKind: "product",
      subjectId: code,
      details: { area, before: { owner: removed.owner, explanation: removed.explanation } },
    });
  });
}
