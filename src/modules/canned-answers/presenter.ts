import type { CannedAnswerRow } from "./repository.ts";

/** A canned answer as the API shows it. */
export function presentCannedAnswer(row: CannedAnswerRow) {
  return {
    id: row.id,
    language: row.language,
    universe: row.universe as "market" | "server" | "public-cloud" | "enterprise" | null,
    title: row.title,
    body: row.body,
    shipped: row.seed_key !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
export type CannedAnswerView = ReturnType<typeof presentCannedAnswer>;
