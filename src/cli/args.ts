import { type ParseArgsConfig, parseArgs } from "node:util";

/** A mistake in how the command was called: exit code 2 and the usage text. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | undefined>;

/** Parses a command's flags strictly: unknown flags and stray arguments are usage errors. */
export function parseFlags(args: string[], options: Options): Values {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    return values as Values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new UsageError(`--${name} is required`);
  }
  return value.trim();
}

export function optional(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** One of a fixed set of words, checked before anything touches the database. */
export function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

export function requiredChoice<T extends string>(
  values: Values,
  name: string,
  allowed: readonly T[],
): T {
  return oneOf(required(values, name), name, allowed);
}

export function optionalChoice<T extends string>(
  values: Values,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = optional(values, name);
  return value === undefined ? undefined : oneOf(value, name, allowed);
}

/** A comma-separated list, e.g. `--languages en,fr`. */
export function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function integer(value: string | undefined, name: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return parsed;
}
