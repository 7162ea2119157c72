import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

const FILE = "docs/BENCHMARKS.md";

/** Cores, CPU model, memory and Node version; with the PostgreSQL version when asked. */
export function machine(options: { postgres?: boolean } = {}): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const base = `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  if (!options.postgres) return base;
  try {
    return `${base}, ${execSync("psql --version", { encoding: "utf8" }).trim()}`;
  } catch {
    return `${base}, PostgreSQL (version unknown)`;
  }
}

/**
 * Replaces this benchmark's own section of docs/BENCHMARKS.md (between its markers), or
 * appends it, so each benchmark rewrites only its figures; then lets Biome align the tables,
 * since docs are linted like code.
 */
export function writeSection(name: string, section: string): void {
  const begin = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let text: string;
  try {
    text = readFileSync(FILE, "utf8");
  } catch {
    text =
      "# Benchmarks\n\nFigures measured on this project's machines; each section names its date and machine.\n\n";
  }
  const block = `${begin}\n${section}${end}`;
  text = text.includes(begin)
    ? text.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), block)
    : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, text);
  execSync(`npx biome format --write ${FILE}`, { stdio: "ignore" });
  console.log(`\nWritten to ${FILE}`);
}
