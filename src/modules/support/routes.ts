import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { accountSupportRoutes } from "./account-routes.ts";
import { getOffer, listLevels, listOffers, updateOffer } from "./offers.ts";
import { LevelList, Offer, OfferListQuery, OfferParams, OfferPatch } from "./schemas.ts";

const tags = ["support"];
// Levels and offers are published; a signed-in caller is still recognised.
const optionalSecurity = [...securityRequirements, {}];

export async function supportRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx;
  app.addSchema(Offer);
  const OfferRef = Type.Ref("SupportOffer");

  app.get(
    "/support/levels",
    {
      schema: {
        tags,
        summary: "The support levels, best last, with the universes selling each (public)",
        security: optionalSecurity,
        response: withProblems({ 200: LevelList }),
      },
    },
    async (request) => listLevels(db, request.principal),
  );

  app.get(
    "/support/offers",
    {
      schema: {
        tags,
        summary: "Offers (a level as sold in one universe), by universe then rank (public)",
        description: "At most twenty: one per universe and level, so the list is not paginated.",
        security: optionalSecurity,
        querystring: OfferListQuery,
        response: withProblems({ 200: Type.Object({ items: Type.Array(OfferRef) }) }),
      },
    },
    async (request) => listOffers(db, request.principal, request.query),
  );

  app.get(
    "/support/offers/:id",
    {
      schema: {
        tags,
        summary: "One offer (public)",
        security: optionalSecurity,
        params: OfferParams,
        response: withProblems({ 200: OfferRef }),
      },
    },
    async (request) => getOffer(db, request.principal, request.params.id),
  );

  app.patch(
    "/support/offers/:id",
    {
      schema: {
        tags,
        summary:
          "Change an offer's price, channels, coverage, languages, tier or targets (staff admins)",
        description:
          "Targets need every severity, in minutes, a more severe one never longer than a less " +
          "severe one. A percent price needs pricePercent. Subscribers get the new terms at once.",
        security: securityRequirements,
        params: OfferParams,
        body: OfferPatch,
        response: withProblems({ 200: OfferRef }),
      },
    },
    async (request) => updateOffer(db, actorOf(request), request.params.id, request.body),
  );

  await accountSupportRoutes(app, ctx);
}
