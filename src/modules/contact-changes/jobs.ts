import type { Database } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Clock } from "../../lib/clock.ts";
import { announceExpiry } from "./effects.ts";
import { expireOverdue, findChangeView } from "./repository.ts";
import { factsOf } from "./service.ts";

const BATCH = 200;

/**
 * Closes every open task whose deadline has passed, audited as the system and announced to
 * both sides. Batches are separate transactions, and rows another process is deciding are
 * skipped this round, so several Palier processes may run it at once. Returns how many expired.
 */
export async function expireContactChanges(db: Database, clock: Clock): Promise<number> {
  let total = 0;
  for (;;) {
    const now = clock.now();
    const expired = await inTransaction(db, async (trx) => {
      const rows = await expireOverdue(trx, now, BATCH);
      for (const row of rows) {
        const view = await findChangeView(trx, row.id);
        if (view) await announceExpiry(trx, factsOf(view));
      }
      return rows.length;
    });
    total += expired;
    if (expired < BATCH) return total;
  }
}
