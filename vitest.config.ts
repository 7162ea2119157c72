import { defineConfig } from "vitest/config";

// The suite runs once on embedded PGlite, and once more on PostgreSQL when DATABASE_URL is set.
const engines = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export default defineConfig({
  test: {
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    isolate: false,
    projects: engines.map((engine) => ({
      test: {
        name: engine,
        include: ["test/**/*.test.ts"],
        env: { PALIER_TEST_ENGINE: engine },
        globalSetup: ["test/helpers/global-setup.ts"],
        pool: "forks",
        // One database handle per worker, shared by the files it runs: PGlite takes seconds to open.
        isolate: false,
        poolOptions: { forks: { isolate: false } },
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    })),
  },
});
