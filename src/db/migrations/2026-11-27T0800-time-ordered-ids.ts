import { type Kysely, sql } from "kysely";

// Random (version 4) keys put every new row of a busy table on a random page of its primary-key
// index, and of any index that leads with such a key (a ticket's messages by ticket). After each
// checkpoint the first change to a page writes the whole page to the WAL: measured on ticket
// creation at a million tickets, about two full pages (16 kB) per ticket, and the commit's
// flush of that volume, not the inserts, bounded throughput. Version 7 keys start with the
// creation time in milliseconds, so new rows land on the rightmost pages, already in memory and
// already logged since the checkpoint; 74 random bits keep them unguessable. PostgreSQL 15 has
// no uuidv7() (18 does), hence this function, which sets the version bits of a random UUID whose
// first 48 bits are replaced by the Unix time in milliseconds (RFC 9562, section 5.7).
// Only the tables written with every ticket change switch: accounts, services, sessions and
// tokens keep fully random keys.
const TABLES = ["tickets", "ticket_messages", "mail_messages", "inbound_messages"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    create function uuid_v7() returns uuid language sql volatile parallel safe as $$
      select encode(
        set_bit(set_bit(
          overlay(uuid_send(gen_random_uuid())
            placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
            from 1 for 6),
          52, 1), 53, 1),
        'hex')::uuid
    $$;
    ${TABLES.map((table) => `alter table ${table} alter column id set default uuid_v7();`).join("\n")}
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    ${TABLES.map((table) => `alter table ${table} alter column id set default gen_random_uuid();`).join("\n")}
    drop function uuid_v7();
  `)
    .execute(db);
}
