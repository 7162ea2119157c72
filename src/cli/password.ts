import { newSecret } from "../lib/crypto.ts";
import { optional, type Values } from "./args.ts";

/**
 * The password for a new user or staff member: --password, else PALIER_PASSWORD (which keeps
 * it out of the process list), else a generated one that the command prints once.
 */
export function choosePassword(values: Values): { password: string; generated: boolean } {
  const given = optional(values, "password") ?? (process.env.PALIER_PASSWORD || undefined);
  if (given !== undefined) return { password: given, generated: false };
  return { password: newSecret(15), generated: true };
}
