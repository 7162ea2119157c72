import { loadConfig } from "../config.ts";
import { seedDemo } from "../seed/demo.ts";
import { parseFlags, UsageError } from "./args.ts";
import { describeSeed, signInTable } from "./banner.ts";
import { withDatabase } from "./runtime.ts";

/** `palier migrate`: applies pending migrations (and nothing else). */
export async function migrate(args: string[]): Promise<void> {
  parseFlags(args, {});
  const applied = await withDatabase(loadConfig(), async (handle) => handle.applied, {
    prepare: false,
  });
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date");
}

/**
 * `palier seed --demo`: the demo provider, into a database without accounts. Already seeded:
 * success, nothing done. Other accounts present: refused with exit code 1.
 */
export async function seed(args: string[]): Promise<void> {
  const values = parseFlags(args, { demo: { type: "boolean" } });
  if (!values.demo) throw new UsageError("seed needs --demo (the only data set there is)");
  const outcome = await withDatabase(loadConfig(), ({ db }) => seedDemo(db));
  if (outcome.status === "refused") throw new Error(describeSeed(outcome));
  console.log(describeSeed(outcome));
  console.log(signInTable());
}
