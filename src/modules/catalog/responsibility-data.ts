import type { Owner, Translations } from "../../db/schema.ts";

export interface ResponsibilityRow {
  area: string;
  owner: Owner;
  explanation: Translations;
}

/** Responsibility matrix of each product, as published to customers. */
export const responsibilityMatrices: Record<string, ResponsibilityRow[]> = {};
