import { defineConfig } from "vitest/config";

// The suite runs once on embedded PGlite, and once more on PostgreSQL when DATABASE_URL is set.
// On PostgreSQL every file of a project shares one database, and the browser tests run job
// workers (their dispatcher takes every pending outbox row of that database): they run as a
// project of their own, with a database of its own, after the rest (groupOrder), so no unit
// test races their workers for its own mails, webhooks or tickets.
const E2E = "test/**/*.e2e.test.ts";

function project(
  name: string,
  engine: string,
  files: { include: string[]; exclude?: string[] },
  groupOrder: number,
) {
  return {
    test: {
      name,
      include: files.include,
      exclude: files.exclude ?? [],
      env: { PALIER_TEST_ENGINE: engine },
      globalSetup: ["test/helpers/global-setup.ts"],
      pool: "forks" as const,
      // One database handle per worker, shared by the files it runs: PGlite takes seconds to open.
      isolate: false,
      poolOptions: { forks: { isolate: false } },
      sequence: { groupOrder },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

const all = { include: ["test/**/*.test.ts"] };
const projects = [project("pglite", "pglite", all, 0)];
if (process.env.DATABASE_URL) {
  projects.push(
    project("postgres", "postgres", { include: all.include, exclude: [E2E] }, 0),
    project("postgres-e2e", "postgres", { include: [E2E] }, 1),
  );
}

export default defineConfig({
  test: {
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    isolate: false,
    projects,
  },
});
