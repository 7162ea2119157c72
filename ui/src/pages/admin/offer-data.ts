import type { Schemas } from "../../api/client.ts";
import type { BodyOf } from "./api-types.ts";

export type Offer = Schemas["SupportOffer"];
export type OfferPatch = BodyOf<"/api/v1/support/offers/{id}", "patch">;

export const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
