import { AppError } from "../http/problem.ts";
import { UsageError } from "./args.ts";
import { USAGE } from "./usage.ts";

type Command = (args: string[]) => Promise<void>;

// Loaded on demand, so help and usage errors answer without loading the server and database.
const commands: Record<string, Command> = {
  serve: async (args) => (await import("./serve.ts")).serve(args),
  migrate: async (args) => (await import("./database.ts")).migrate(args),
  seed: async (args) => (await import("./database.ts")).seed(args),
  "account create": async (args) => (await import("./accounts.ts")).accountCreate(args),
  "user create": async (args) => (await import("./accounts.ts")).userCreate(args),
  "staff create": async (args) => (await import("./staff.ts")).staffCreate(args),
  "token create": async (args) => (await import("./token.ts")).tokenCreate(args),
  "sla deadline": async (args) => (await import("./sla.ts")).slaDeadline(args),
  help: async () => {
    process.stdout.write(USAGE);
  },
};

/** Finds the command in the first one or two words; the rest are its flags. */
function resolve(argv: string[]): { command: Command; args: string[] } {
  const [first, second] = argv;
  if (first === undefined) return { command: commands.serve as Command, args: [] };
  if (first === "--help" || first === "-h") return { command: commands.help as Command, args: [] };
  const two = second !== undefined ? commands[`${first} ${second}`] : undefined;
  if (two) return { command: two, args: argv.slice(2) };
  const one = commands[first];
  if (one && !["account", "user", "staff", "token"].includes(first)) {
    return { command: one, args: argv.slice(1) };
  }
  const known = Object.keys(commands).filter((name) => name.startsWith(`${first} `));
  throw new UsageError(
    known.length > 0
      ? `"${first}" needs a subcommand: ${known.join(", ")}`
      : `Unknown command "${argv.slice(0, 2).join(" ")}"`,
  );
}

// Service field names that differ from the CLI flag carrying them.
const FLAGS: Record<string, string> = {
  nicHandle: "nic",
  maxConcurrentTickets: "max-tickets",
};

function flagOf(field: string): string {
  const base = field.split(".")[0] ?? field;
  return `--${FLAGS[base] ?? base.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** AppError messages as the API would show them, with the offending flag named. */
function explain(error: unknown): string {
  if (error instanceof AppError) {
    if (error.errors.length === 0) return error.message;
    return error.errors.map((e) => `${flagOf(e.field)}: ${e.message}`).join("\n  ");
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs the CLI; usage errors exit with 2, failures with 1, messages on stderr. */
export async function main(argv: string[]): Promise<void> {
  try {
    const { command, args } = resolve(argv);
    await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `palier: ${error.message}\nRun "palier help" for the commands and their options.\n`,
      );
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`palier: ${explain(error)}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
