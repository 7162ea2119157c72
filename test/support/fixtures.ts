import type { Database } from "../../src/db/database.ts";
import type { LevelCode, Universe } from "../../src/db/schema.ts";

/** (universe, level) pairs no universe sells, free for an offer a test may edit. */
const FREE_SLOTS: [Universe, LevelCode][] = [
  ["market", "business"],
  ["market", "enterprise"],
  ["server", "enterprise"],
  ["public-cloud", "enterprise"],
  ["enterprise", "standard"],
];

/**
 * An inactive offer in a free slot, so editing it cannot change the seeded offers other tests
 * (and, on PostgreSQL, other workers) rely on. Inactive offers are sold to no one.
 * Call `remove` when done.
 */
export async function createScratchOffer(
  db: Database,
): Promise<{ id: string; remove(): Promise<void> }> {
  for (const [universe, level] of FREE_SLOTS) {
    const row = await db
      .insertInto("offers")
      .values({
        universe,
        level,
        price_model: "flat",
        price_cents: 1_000,
        channels: ["ticket"],
        coverage: "business-hours",
        languages: ["en"],
        entry_tier: "L1",
        queue_priority: 5,
        first_response_minutes: JSON.stringify({ critical: 60, high: 120, medium: 240, low: 480 }),
        update_minutes: JSON.stringify({ critical: 60, high: 120, medium: 240, low: 480 }),
        active: false,
      })
      .onConflict((oc) => oc.columns(["universe", "level"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (row) {
      const id = row.id;
      return {
        id,
        remove: async () => {
          await db.deleteFrom("offers").where("id", "=", id).execute();
        },
      };
    }
  }
  throw new Error("every free offer slot is taken by a concurrent test");
}

/** Audit entries about one subject, oldest first. */
export function auditOf(db: Database, subjectKind: string, subjectId: string) {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject_kind", "=", subjectKind)
    .where("subject_id", "=", subjectId)
    .orderBy("id")
    .execute();
}
