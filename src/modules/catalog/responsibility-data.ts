import type { ResponsibilityRow } from "./responsibility/common.ts";
import { enterpriseMatrices } from "./responsibility/enterprise.ts";
import { marketMatrices } from "./responsibility/market.ts";
import { publicCloudMatrices } from "./responsibility/public-cloud.ts";
import { serverMatrices } from "./responsibility/server.ts";

export type { ResponsibilityRow } from "./responsibility/common.ts";

/**
 * Responsibility matrix of each product, as published to customers: one file per universe,
 * rows in the order they are shown.
 */
export const responsibilityMatrices: Record<string, ResponsibilityRow[]> = {
  ...marketMatrices,
  ...serverMatrices,
  ...publicCloudMatrices,
  ...enterpriseMatrices,
};
