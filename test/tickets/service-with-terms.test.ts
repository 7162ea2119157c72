import { beforeAll, describe, expect, it } from "vitest";
import type { Universe } from "../../src/db/schema.ts";
import { termsInForce } from "../../src/modules/support/levels.ts";
import { findServiceWithTerms } from "../../src/modules/tickets/creation-repository.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createAccount, createService } from "../helpers/factories.ts";
import { PRODUCT_OF, subscribe } from "../helpers/support-factories.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

const DAY = 86_400_000;

describe("a service read with its admin's terms (one round trip at creation)", () => {
  it("agrees with termsInForce before, during and after an upgrade, in each universe", async () => {
    const universes: Universe[] = ["market", "server", "public-cloud", "enterprise"];
    const upgrade = new Date(Date.now() - 10 * DAY);
    for (const universe of universes) {
      const admin = await createAccount(ctx.db);
      const partner = await createAccount(ctx.db);
      const service = await createService(
        ctx.db,
        { admin, tech: partner },
        { product: PRODUCT_OF[universe] },
      );
      // The enterprise universe has no Standard: the admin starts on Premium there.
      const from = universe === "enterprise" ? "premium" : "standard";
      const to = universe === "market" ? "premium" : "business";
      await subscribe(ctx.db, admin.id, universe, from, new Date(upgrade.getTime() - 30 * DAY));
      await subscribe(ctx.db, admin.id, universe, to, upgrade);

      for (const at of [new Date(upgrade.getTime() - DAY), upgrade, new Date()]) {
        const found = await findServiceWithTerms(ctx.db, service.name, at);
        const alone = await termsInForce(ctx.db, admin.id, universe, at);
        expect(found?.service).toMatchObject({ id: service.id, universe });
        expect(found?.adminTerms?.offer).toEqual(alone?.offer);
        expect(found?.adminTerms?.subscription).toEqual(alone?.subscription);
        expect(found?.adminTerms?.account).toEqual(alone?.account);
        expect(found?.adminTerms?.offer.level).toBe(at < upgrade ? from : to);
        // The tech contact's terms are not the ones read: the admin's subscription covers it.
        expect(found?.adminTerms?.account.id).toBe(admin.id);
      }
    }
  });

  it("gives the universe's default level to an admin that never subscribed", async () => {
    const admin = await createAccount(ctx.db);
    const service = await createService(ctx.db, { admin });
    const found = await findServiceWithTerms(ctx.db, service.name, new Date());
    expect(found?.adminTerms?.subscription).toBeNull();
    expect(found?.adminTerms?.offer).toMatchObject({ universe: "server", level: "standard" });
    expect(found?.adminTerms?.account.calendar_content).not.toBeNull();
  });

  it("finds nothing for a service that does not exist", async () => {
    expect(await findServiceWithTerms(ctx.db, "no-such-service.palier.test", new Date())).toBe(
      undefined,
    );
  });
});
