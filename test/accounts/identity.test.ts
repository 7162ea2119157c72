import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/http/problem.ts";
import { claimEmail } from "../../src/modules/accounts/identity.ts";
import { createUser } from "../../src/modules/accounts/service.ts";
import { createStaff } from "../../src/modules/staff/service.ts";
import { testContext } from "../helpers/context.ts";
import { createAccount, TEST_PASSWORD, uniqueSuffix } from "../helpers/factories.ts";

describe("one email signs in one person, across users and staff", () => {
  it("refuses a staff email for a user and a user email for staff, whatever the case", async () => {
    const ctx = await testContext();
    const account = await createAccount(ctx.db);
    const email = `One.Person-${uniqueSuffix()}@Example.test`;
    await createUser(ctx.db, null, {
      nicHandle: account.nic,
      email,
      name: "First",
      password: TEST_PASSWORD,
    });
    const asStaff = await createStaff(ctx.db, null, {
      email: email.toLowerCase(),
      name: "Second",
      password: TEST_PASSWORD,
      role: "agent",
      tier: "L1",
      languages: ["en"],
      region: "EU",
    }).catch((e: unknown) => e);
    expect(asStaff).toBeInstanceOf(AppError);
    expect((asStaff as AppError).code).toBe("already_exists");
    expect((asStaff as AppError).errors[0]?.field).toBe("email");
  });

  // PGlite is one connection, so two transactions never overlap there; the race is PostgreSQL's.
  it.runIf(process.env.PALIER_TEST_ENGINE === "postgres")(
    "makes a concurrent claim of the same email wait for the first to commit, then fail",
    async () => {
      const ctx = await testContext();
      const account = await createAccount(ctx.db);
      const email = `race-${uniqueSuffix()}@example.test`;
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding = () => {};
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const first = ctx.db.transaction().execute(async (trx) => {
        await claimEmail(trx, email);
        await trx
          .insertInto("staff")
          .values({
            email,
            name: "Holds the email",
            password_hash: "not-a-real-hash",
            role: "agent",
            tier: "L1",
            languages: ["en"],
            region: "EU",
          })
          .execute();
        holding();
        await gate;
      });
      await held;
      let settled = false;
      const second = createUser(ctx.db, null, {
        nicHandle: account.nic,
        email,
        name: "Comes second",
        password: TEST_PASSWORD,
      }).finally(() => {
        settled = true;
      });
      // Wait until the second claim blocks on the first's lock (or, were there no lock, ends).
      for (let tries = 0; tries < 400 && !settled; tries += 1) {
        const waiting = await sql<{ n: number }>`
          select count(*)::int as n from pg_locks
          where locktype = 'advisory' and classid = 7301 and not granted
        `.execute(ctx.db);
        if ((waiting.rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(settled).toBe(false);
      release();
      await first;
      const outcome = await second.then(
        () => null,
        (e: unknown) => e,
      );
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe("already_exists");
      const users = await ctx.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", email)
        .execute();
      expect(users).toHaveLength(0);
    },
  );
});
