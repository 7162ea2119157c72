import { Type } from "@sinclair/typebox";
import type { FastifyReply } from "fastify";
import type { Language } from "../../db/schema.ts";
import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import {
  AreaParams,
  DeleteAreaParams,
  Items,
  Matrix,
  MatrixQuery,
  Page,
  Product,
  ProductCreate,
  ProductListQuery,
  ProductParams,
  ProductPatch,
  ProductUnit,
  ReferenceListQuery,
  Region,
  RegionParams,
  RegionPatch,
  Responsibility,
  ResponsibilityPut,
  Universe,
} from "./schemas.ts";
import * as catalog from "./service.ts";

const tags = ["catalog"];
// Reads are public; a signed-in caller is still recognised, so the scheme is listed as optional.
const optionalSecurity = [...securityRequirements, {}];

/** Matrix texts depend on the caller's language, so caches must key on it. */
function localised(reply: FastifyReply, lang: Language): void {
  reply.header("content-language", lang).header("vary", "Accept-Language");
}

export async function catalogRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx;

  app.get(
    "/catalog/regions",
    {
      schema: {
        tags,
        summary: "Regions: time zone, currency and languages (public)",
        security: optionalSecurity,
        querystring: ReferenceListQuery,
        response: withProblems({ 200: Page(Region) }),
      },
    },
    async (request) => catalog.listRegions(db, request.principal, request.query),
  );

  app.patch(
    "/catalog/regions/:code",
    {
      schema: {
        tags,
        summary: "Change a region (staff admins)",
        security: securityRequirements,
        params: RegionParams,
        body: RegionPatch,
        response: withProblems({ 200: Region }),
      },
    },
    async (request) =>
      catalog.updateRegion(db, actorOf(request), request.params.code, request.body),
  );

  app.get(
    "/catalog/universes",
    {
      schema: {
        tags,
        summary: "The four universes with the codes of their products (public)",
        security: optionalSecurity,
        response: withProblems({ 200: Items(Universe) }),
      },
    },
    async (request) => catalog.listUniverses(db, request.principal),
  );

  app.get(
    "/catalog/product-units",
    {
      schema: {
        tags,
        summary: "Product units, each in one universe (public)",
        security: optionalSecurity,
        querystring: ReferenceListQuery,
        response: withProblems({ 200: Page(ProductUnit) }),
      },
    },
    async (request) => catalog.listProductUnits(db, request.principal, request.query),
  );

  app.get(
    "/catalog/products",
    {
      schema: {
        tags,
        summary: "Products ordered by code, filtered by universe or product unit (public)",
        security: optionalSecurity,
        querystring: ProductListQuery,
        response: withProblems({ 200: Page(Product) }),
      },
    },
    async (request) => catalog.listProducts(db, request.principal, request.query),
  );

  app.post(
    "/catalog/products",
    {
      schema: {
        tags,
        summary: "Create a product in a product unit of its universe (staff admins)",
        security: securityRequirements,
        body: ProductCreate,
        response: withProblems({ 201: Product }),
      },
    },
    async (request, reply) => {
      const product = await catalog.createProduct(db, actorOf(request), request.body);
      reply.header("location", `/api/v1/catalog/products/${product.code}`);
      return reply.code(201).send(product);
    },
  );

  app.get(
    "/catalog/products/:id",
    {
      schema: {
        tags,
        summary: "One product (public)",
        security: optionalSecurity,
        params: ProductParams,
        response: withProblems({ 200: Product }),
      },
    },
    async (request) => catalog.getProduct(db, request.principal, request.params.id),
  );

  app.patch(
    "/catalog/products/:id",
    {
      schema: {
        tags,
        summary: "Change a product's name, description, universe or product unit (staff admins)",
        security: securityRequirements,
        params: ProductParams,
        body: ProductPatch,
        response: withProblems({ 200: Product }),
      },
    },
    async (request) => catalog.updateProduct(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    "/catalog/products/:id/responsibilities",
    {
      schema: {
        tags,
        summary: "The product's published responsibility matrix, in position order (public)",
        description:
          "Each row gives the explanation in en, fr and ru, and `text` in the caller's " +
          "language: ?lang, else Accept-Language, else English.",
        security: optionalSecurity,
        params: ProductParams,
        querystring: MatrixQuery,
        response: withProblems({ 200: Matrix }),
      },
    },
    async (request, reply) => {
      const lang = catalog.matrixLanguage(request.query.lang, request.headers["accept-language"]);
      localised(reply, lang);
      return catalog.getMatrix(db, request.principal, request.params.id, lang);
    },
  );

  app.put(
    "/catalog/products/:id/responsibilities/:area",
    {
      schema: {
        tags,
        summary: "Create or replace one area of the matrix (staff admins)",
        security: securityRequirements,
        params: AreaParams,
        body: ResponsibilityPut,
        response: withProblems({ 200: Responsibility, 201: Responsibility }),
      },
    },
    async (request, reply) => {
      const lang = catalog.matrixLanguage(undefined, request.headers["accept-language"]);
      const { id, area } = request.params;
      const result = await catalog.setResponsibility(
        db,
        actorOf(request),
        id,
        area,
        request.body,
        lang,
      );
      localised(reply, lang);
      return reply.code(result.created ? 201 : 200).send(result.row);
    },
  );

  app.delete(
    "/catalog/products/:id/responsibilities/:area",
    {
      schema: {
        tags,
        summary: "Remove one area from the matrix (staff admins)",
        security: securityRequirements,
        params: DeleteAreaParams,
        response: withProblems({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await catalog.deleteResponsibility(
        db,
        actorOf(request),
        request.params.id,
        request.params.area,
      );
      return reply.code(204).send(null);
    },
  );
}
