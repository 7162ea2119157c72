import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";

describe("configuration from the environment", () => {
  it("takes the PostgreSQL pool size per serving process, 10 by default", () => {
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: "4" }).databasePoolSize).toBe(4);
  });

  it.each(["0", "-2", "many"])("refuses DATABASE_POOL_SIZE=%s, naming the variable", (raw) => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: raw })).toThrow(
      `DATABASE_POOL_SIZE must be a positive integer, got "${raw}"`,
    );
  });
});
