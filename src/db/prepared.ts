import { createHash } from "node:crypto";
import type pg from "pg";

/**
 * Most of PostgreSQL's work on Palier's short queries is planning, not running: measured on
 * ticket creation, parse and plan took about 2 ms per request against well under 1 ms of
 * execution. Parameterised queries therefore run as named prepared statements, one per SQL
 * text and connection: parsed once, and after a few runs planned once (PostgreSQL keeps a
 * generic plan when it costs no more than the custom ones). Texts without parameters
 * (transaction control, migrations, several statements) stay unnamed.
 */

/** Distinct statements kept per connection; texts beyond it run unnamed (bounded memory). */
export const MAX_PREPARED_PER_CONNECTION = 1000;
/** Longer texts are one-off (bulk inserts, generated lists): not worth a server-side entry. */
const MAX_TEXT_LENGTH = 16_384;

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `p${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    if (names.size < 10 * MAX_PREPARED_PER_CONNECTION) names.set(text, name);
  }
  return name;
}

type Query = pg.PoolClient["query"];

/** Makes the pool's clients run parameterised queries as named prepared statements. */
export function prepareStatements(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const prepared = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((first: unknown, values?: unknown, callback?: unknown) => {
      const named =
        typeof first === "string" &&
        Array.isArray(values) &&
        values.length > 0 &&
        first.length <= MAX_TEXT_LENGTH &&
        (prepared.size < MAX_PREPARED_PER_CONNECTION || prepared.has(statementName(first)));
      if (!named) return query(first, values, callback);
      const name = statementName(first);
      prepared.add(name);
      return query({ name, text: first, values }, callback);
    }) as Query;
  });
}
