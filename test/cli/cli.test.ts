import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/database.ts";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/context.ts";
import { type OpenContext, openAppContext } from "../../src/jobs/runtime.ts";
import { systemClock } from "../../src/lib/clock.ts";
import { testContext } from "../helpers/context.ts";
import { uniqueNic, uniqueSuffix } from "../helpers/factories.ts";

const BIN = new URL("../../bin/palier.js", import.meta.url).pathname;
// On PGlite the CLI gets a data folder of its own; on PostgreSQL it shares this run's database.
const databaseUrl = inject("testDatabaseUrl");
let dataDir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/palier.js ...args` the way an operator would. */
function palier(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PALIER_DATA_DIR: dataDir, ...env };
  delete childEnv.DATABASE_URL;
  delete childEnv.PALIER_PASSWORD;
  if (databaseUrl) childEnv.DATABASE_URL = databaseUrl;
  Object.assign(childEnv, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "palier-cli-"));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("palier CLI: usage", () => {
  it("prints the help with exit code 0", async () => {
    const run = await palier(["help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("token create");
  });

  it("exits with 2 and names the problem on a usage error", async () => {
    const unknown = await palier(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const missing = await palier(["account", "create", "--name", "Acme"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--kind is required");
    const badChoice = await palier(["token", "create", "--email", "a@b.example", "--scope", "all"]);
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toContain("--scope must be one of read, write");
    expect(badChoice.stdout).toBe("");
  });
});

describe("palier CLI: an operator sets up a customer", () => {
  const nic = uniqueNic();
  const email = `cli-${uniqueSuffix()}@example.test`;
  let token = "";

  it("migrates the database", async () => {
    const run = await palier(["migrate"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(databaseUrl ? /up to date/ : /Applied: 2026-11-26T2000-foundation/);
  }, 60_000);

  it("creates an account with a chosen NIC handle", async () => {
    const run = await palier([
      "account",
      "create",
      "--name",
      "Cli Test SARL",
      "--kind",
      "company",
      "--region",
      "EU",
      "--language",
      "fr",
      "--nic",
      nic,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Created account ${nic}`);
  }, 60_000);

  it("creates a user whose password comes from PALIER_PASSWORD", async () => {
    const run = await palier(
      ["user", "create", "--nic", nic, "--email", email, "--name", "Cli User"],
      { PALIER_PASSWORD: "cli-test-password-1" },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Created user ${email} in account ${nic}`);
    expect(run.stdout).not.toContain("Password:");
  }, 60_000);

  it("fails with exit code 1 and the service's message on a duplicate email", async () => {
    const run = await palier(
      ["user", "create", "--nic", nic, "--email", email, "--name", "Again"],
      { PALIER_PASSWORD: "cli-test-password-1" },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--email: already in use");
  }, 60_000);

  it("prints only a token on stdout, for scripts", async () => {
    const run = await palier(["token", "create", "--email", email, "--scope", "write"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pal_[\w-]+\n$/);
    token = run.stdout.trim();
  }, 60_000);

  it("refuses to seed the demo into a database with customers", async () => {
    const run = await palier(["seed", "--demo"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Refusing to seed the demo");
  }, 60_000);

  it("issued a token that authenticates as the new user", async () => {
    let app: App;
    let own: DatabaseHandle | undefined;
    let opened: OpenContext | undefined;
    if (databaseUrl) {
      app = (await testContext()).app;
    } else {
      own = await openDatabase({ dataDir });
      const config = { ...loadConfig({}), logLevel: "silent" };
      opened = await openAppContext(own.db, config, systemClock);
      app = await buildApp(opened, { logger: false });
    }
    try {
      const res = await app.inject({
        method: "GET",
        url: "/api/v1/me",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ kind: "user", email, account: { nicHandle: nic } });
    } finally {
      if (own) {
        await app.close();
        await opened?.close();
        await own.close();
      }
    }
  }, 60_000);
});
