import type { Database } from "../../db/database.ts";
import { drawTicketNumbers } from "./creation-repository.ts";

/**
 * Ticket numbers are drawn from `ticket_number_seq` a block at a time and handed out by the
 * process: a new ticket's notices and audit entries carry its number, and knowing it before the
 * insert lets creation write all of them in the ticket's own statement instead of spending a
 * round trip on the sequence per ticket. Numbers stay unique and increase within a process;
 * a process that stops leaves the rest of its block unused, and several processes interleave
 * their blocks, so numbers have gaps and follow creation order only roughly (as any sequence
 * does once a transaction rolls back).
 */

/** Numbers drawn per round trip. */
export const TICKET_NUMBER_BLOCK = 20;

interface Block {
  numbers: number[];
  refill: Promise<void> | null;
}

const blocks = new WeakMap<Database, Block>();

/**
 * The next ticket number for the database `root`, drawn through `db` when the block is empty:
 * the caller's own transaction, if any, since waiting for another pool connection while
 * holding one can starve the pool.
 */
export async function nextTicketNumber(db: Database, root: Database): Promise<number> {
  let block = blocks.get(root);
  if (!block) {
    block = { numbers: [], refill: null };
    blocks.set(root, block);
  }
  for (;;) {
    const number = block.numbers.shift();
    if (number !== undefined) return number;
    // One draw at a time: requests arriving meanwhile wait for it rather than draw their own,
    // and try again if it failed in its drawer's transaction.
    if (block.refill) {
      await block.refill.catch(() => undefined);
      continue;
    }
    block.refill = refill(db, block);
    await block.refill;
  }
}

async function refill(db: Database, block: Block): Promise<void> {
  try {
    block.numbers.push(...(await drawTicketNumbers(db, TICKET_NUMBER_BLOCK)));
  } finally {
    block.refill = null;
  }
}
