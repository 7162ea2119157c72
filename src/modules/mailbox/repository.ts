import type { Database } from "../../db/database.ts";
import type { MailStatus } from "../../db/schema.ts";

/** All SQL of reading the mailbox; writing is src/mail. */

export interface MailboxFilter {
  to?: string;
  ticketNumber?: number;
  status?: MailStatus;
  /** Keyset: rows strictly after this (created_at, id) in newest-first order. */
  after?: { createdAt: Date; id: string };
  limit: number;
}

function mailQuery(db: Database) {
  return db
    .selectFrom("mail_messages as m")
    .leftJoin("tickets as t", "t.id", "m.ticket_id")
    .selectAll("m")
    .select("t.number as ticket_number");
}

/** Newest first, one extra row to tell whether more follow. */
export function listMails(db: Database, f: MailboxFilter) {
  return mailQuery(db)
    .$if(f.to !== undefined, (q) =>
      q.where((eb) => eb.fn("lower", ["m.to_address"]), "=", (f.to as string).toLowerCase()),
    )
    .$if(f.ticketNumber !== undefined, (q) => q.where("t.number", "=", f.ticketNumber as number))
    .$if(f.status !== undefined, (q) => q.where("m.status", "=", f.status as MailStatus))
    .$if(f.after !== undefined, (q) => {
      const after = f.after as { createdAt: Date; id: string };
      return q.where((eb) =>
        eb.or([
          eb("m.created_at", "<", after.createdAt),
          eb.and([eb("m.created_at", "=", after.createdAt), eb("m.id", "<", after.id)]),
        ]),
      );
    })
    .orderBy("m.created_at", "desc")
    .orderBy("m.id", "desc")
    .limit(f.limit + 1)
    .execute();
}

export function findMailView(db: Database, id: string) {
  return mailQuery(db).where("m.id", "=", id).executeTakeFirst();
}

export type MailView = NonNullable<Awaited<ReturnType<typeof findMailView>>>;
