import { describe, expect, it } from "vitest";
import type { Universe } from "../../src/db/schema.ts";
import { AppError } from "../../src/http/problem.ts";
import { resolveEntitlement } from "../../src/modules/support/entitlement.ts";
import { OFFERED_LEVELS, type TERMS } from "../../src/modules/support/reference-data.ts";
import { testContext } from "../helpers/context.ts";
import { createAccount, createCustomer } from "../helpers/factories.ts";
import {
  createTechnicalPartner,
  entitle,
  giveFastPath,
  insertTicket,
  principalOf,
  serviceIn,
  UNIVERSE_LIST,
} from "../helpers/support-factories.ts";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Fast-Path", () => {
  async function techPartnerOn(universe: Universe, options: { yearlyQuota?: number } = {}) {
    const { db } = await testContext();
    const partner = await createTechnicalPartner(db);
    await giveFastPath(db, partner.account.id, options);
    const client = await createAccount(db);
    const service = await serviceIn(db, universe, { admin: client, tech: partner.account });
    return { partner, client, service, requester: await principalOf(db, partner) };
  }

  it.each(UNIVERSE_LIST)(
    "%s: straight to L3, 30 minutes, 24/7, first in the queue",
    async (universe) => {
      const { db } = await testContext();
      const { partner, client, service, requester } = await techPartnerOn(universe);
      const level = OFFERED_LEVELS[universe][0] as keyof typeof TERMS;
      const without = await entitle(db, { requester, service, universe, severity: "low" });
      expect(without).toMatchObject({ level, fastPath: false, subscriberAccountId: client.id });
      const got = await entitle(db, {
        requester,
        service,
        universe,
        severity: "low",
        fastPath: true,
      });
      const thirty = { critical: 30, high: 30, medium: 30, low: 30 };
      expect(got).toMatchObject({
        level,
        offerId: without.offerId,
        coverage: "24x7",
        calendar: null,
        firstResponseMinutes: 30,
        targets: { firstResponse: thirty },
        entryTier: "L3",
        queuePriority: 100,
        fastPath: true,
        subscriberAccountId: partner.account.id,
        subscriberNic: partner.account.nic,
        reasonCode: "fast-path",
      });
      expect(got.reason).toContain("1 of 6");
    },
  );

  it("is refused without an active subscription, also to a non-certified account", async () => {
    const { db } = await testContext();
    const uncertified = await createCustomer(db);
    const client = await createAccount(db);
    const service = await serviceIn(db, "server", { admin: client, tech: uncertified.account });
    const error = await refusal(
      entitle(db, {
        requester: await principalOf(db, uncertified),
        service,
        universe: "server",
        severity: "critical",
        fastPath: true,
      }),
    );
    expect(error).toMatchObject({ code: "fast_path_not_subscribed", status: 422 });

    const lapsed = await createTechnicalPartner(db);
    const id = await giveFastPath(db, lapsed.account.id, {
      startsAt: new Date(Date.now() - 10 * 86_400_000),
    });
    await db
      .updateTable("fast_path_subscriptions")
      .set({ ends_at: new Date(Date.now() - 86_400_000) })
      .where("id", "=", id)
      .execute();
    const theirs = await serviceIn(db, "server", { admin: client, tech: lapsed.account });
    const again = await refusal(
      entitle(db, {
        requester: await principalOf(db, lapsed),
        service: theirs,
        universe: "server",
        severity: "critical",
        fastPath: true,
      }),
    );
    expect(again.code).toBe("fast_path_not_subscribed");
  });

  it("is refused on a service where the partner is not the tech contact, or without a service", async () => {
    const { db } = await testContext();
    const partner = await createTechnicalPartner(db);
    await giveFastPath(db, partner.account.id);
    const requester = await principalOf(db, partner);
    const client = await createAccount(db);
    const notTech = await serviceIn(db, "public-cloud", {
      admin: client,
      billing: partner.account,
    });
    const error = await refusal(
      entitle(db, {
        requester,
        service: notTech,
        universe: "public-cloud",
        severity: "high",
        fastPath: true,
      }),
    );
    expect(error).toMatchObject({ code: "fast_path_not_tech_contact", status: 422 });
    expect(error.message).toContain(notTech.name);
    expect(error.errors[0]?.field).toBe("fastPath");
    const none = await refusal(
      entitle(db, {
        requester,
        service: null,
        universe: "public-cloud",
        severity: "high",
        fastPath: true,
      }),
    );
    expect(none.code).toBe("fast_path_not_tech_contact");
  });

  it("counts this year's Fast-Path tickets against the quota and refuses beyond it", async () => {
    const { db } = await testContext();
    const { partner, service, requester } = await techPartnerOn("server", { yearlyQuota: 2 });
    const now = new Date();
    const lastYear = new Date(Date.UTC(now.getUTCFullYear() - 1, 11, 31, 23, 59));
    await insertTicket(db, {
      accountId: partner.account.id,
      universe: "server",
      fastPath: true,
      createdAt: lastYear,
    });
    await insertTicket(db, {
      accountId: partner.account.id,
      universe: "server",
      fastPath: false,
      createdAt: now,
    });
    await insertTicket(db, {
      accountId: partner.account.id,
      universe: "server",
      fastPath: true,
      createdAt: now,
    });
    const second = await entitle(db, {
      requester,
      service,
      universe: "server",
      severity: "medium",
      fastPath: true,
      now,
    });
    expect(second.reason).toContain("2 of 2");
    await insertTicket(db, {
      accountId: partner.account.id,
      universe: "server",
      fastPath: true,
      createdAt: now,
    });
    const error = await refusal(
      entitle(db, {
        requester,
        service,
        universe: "server",
        severity: "medium",
        fastPath: true,
        now,
      }),
    );
    expect(error).toMatchObject({ code: "fast_path_quota_exhausted", status: 422 });
    expect(error.message).toContain(`all 2 Fast-Path tickets of ${now.getUTCFullYear()}`);
    // Without Fast-Path the same ticket is still served at the client's level.
    const plain = await entitle(db, {
      requester,
      service,
      universe: "server",
      severity: "medium",
      now,
    });
    expect(plain.fastPath).toBe(false);
  });

  it("lets exactly one of two concurrent tickets take the last use", async () => {
    const { db } = await testContext();
    const { partner, service, requester } = await techPartnerOn("public-cloud", { yearlyQuota: 1 });
    const now = new Date();
    // Each transaction waits for the other after deciding, so without the row lock both would
    // count the same unused quota; with it the second is still blocked, and the wait gives up.
    let arrived = 0;
    let bothArrived = () => {};
    const together = new Promise<void>((resolve) => {
      bothArrived = resolve;
    });
    const meet = () => {
      arrived += 1;
      if (arrived === 2) bothArrived();
      return Promise.race([together, new Promise((resolve) => setTimeout(resolve, 300))]);
    };
    const open = () =>
      db.transaction().execute(async (trx) => {
        const entitlement = await resolveEntitlement(trx, {
          requester,
          service,
          universe: "public-cloud",
          severity: "critical",
          fastPath: true,
          now,
        });
        await meet();
        return insertTicket(trx, {
          accountId: partner.account.id,
          universe: "public-cloud",
          fastPath: entitlement.fastPath,
          createdAt: now,
        });
      });
    const results = await Promise.allSettled([open(), open()]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]?.reason as AppError | undefined)?.code).toBe("fast_path_quota_exhausted");
    const tickets = await db
      .selectFrom("tickets")
      .select("id")
      .where("account_id", "=", partner.account.id)
      .where("fast_path", "=", true)
      .execute();
    expect(tickets).toHaveLength(1);
  });
});
