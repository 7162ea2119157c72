import { describe, expect, it } from "vitest";
import type { Severity } from "../../src/db/schema.ts";
import { OFFERED_LEVELS, TERMS } from "../../src/modules/support/reference-data.ts";
import { testContext } from "../helpers/context.ts";
import { createAccount, createCustomer } from "../helpers/factories.ts";
import {
  calendarOfRegion,
  createCommercialPartner,
  entitle,
  offerOf,
  principalOf,
  serviceIn,
  subscribe,
  UNIVERSE_LIST,
} from "../helpers/support-factories.ts";

const SEVERITIES: Severity[] = ["critical", "high", "medium", "low"];
const REGIONS = ["EU", "CA", "US"];

/** Every level each universe sells to everyone, the lowest one held by default (no row). */
const directCases = UNIVERSE_LIST.flatMap((universe) =>
  OFFERED_LEVELS[universe].map((level, i) => ({
    universe,
    level,
    byDefault: i === 0,
    region: REGIONS[i % REGIONS.length] as string,
  })),
);

describe("entitlement of a direct customer", () => {
  it.each(directCases)(
    "$universe at $level (default: $byDefault, region $region)",
    async ({ universe, level, byDefault, region }) => {
      const { db } = await testContext();
      const customer = await createCustomer(db, { region });
      if (!byDefault) await subscribe(db, customer.account.id, universe, level);
      const service = await serviceIn(db, universe, { admin: customer.account });
      const requester = await principalOf(db, customer);
      const offer = await offerOf(db, universe, level);
      const terms = TERMS[level];
      const calendar = await calendarOfRegion(db, region);
      for (const severity of SEVERITIES) {
        const got = await entitle(db, { requester, service, universe, severity });
        const aroundTheClock =
          terms.coverage === "24x7" ||
          (terms.coverage === "24x7-critical" && severity === "critical");
        expect(got).toEqual({
          level,
          levelRank: expect.any(Number),
          offerId: offer.id,
          universe,
          coverage: terms.coverage,
          calendar: aroundTheClock ? null : calendar,
          firstResponseMinutes: terms.firstResponse[severity],
          updateMinutes: terms.update[severity],
          targets: { firstResponse: terms.firstResponse, update: terms.update },
          entryTier: terms.entryTier,
          queuePriority: terms.queuePriority,
          fastPath: false,
          subscriberAccountId: customer.account.id,
          subscriberNic: customer.account.nic,
          subscriberRegion: customer.account.region,
          reasonCode: "service-admin-subscription",
          reason: expect.stringContaining(customer.account.nic),
        });
        expect(got.reason).toContain(service.name);
      }
    },
  );

  it("uses the requester's own level in the chosen universe for a ticket without service", async () => {
    const { db } = await testContext();
    const customer = await createCustomer(db, { region: "CA" });
    await subscribe(db, customer.account.id, "public-cloud", "business");
    const requester = await principalOf(db, customer);
    const cloud = await entitle(db, {
      requester,
      service: null,
      universe: "public-cloud",
      severity: "low",
    });
    expect(cloud).toMatchObject({
      level: "business",
      reasonCode: "requester-subscription",
      subscriberNic: customer.account.nic,
      calendar: null,
      firstResponseMinutes: 720,
    });
    const market = await entitle(db, {
      requester,
      service: null,
      universe: "market",
      severity: "low",
    });
    expect(market).toMatchObject({
      level: "standard",
      coverage: "business-hours",
      calendar: await calendarOfRegion(db, "CA"),
      firstResponseMinutes: 4320,
    });
  });

  it("follows the admin account, not a tech contact who is not a commercial partner", async () => {
    const { db } = await testContext();
    const owner = await createCustomer(db);
    const tech = await createCustomer(db, { region: "US" });
    await subscribe(db, tech.account.id, "server", "business");
    const service = await serviceIn(db, "server", { admin: owner.account, tech: tech.account });
    const got = await entitle(db, {
      requester: await principalOf(db, tech),
      service,
      universe: "server",
      severity: "high",
    });
    expect(got).toMatchObject({
      level: "standard",
      subscriberAccountId: owner.account.id,
      reasonCode: "service-admin-subscription",
      calendar: await calendarOfRegion(db, "EU"),
    });
  });
});

describe("a commercial partner acting as tech contact", () => {
  it.each(UNIVERSE_LIST)(
    "%s: the partner level beats the client's default level",
    async (universe) => {
      const { db } = await testContext();
      const partner = await createCommercialPartner(db, [universe], { region: "CA" });
      await subscribe(db, partner.account.id, universe, "partner");
      const client = await createAccount(db);
      const service = await serviceIn(db, universe, { admin: client, tech: partner.account });
      const got = await entitle(db, {
        requester: await principalOf(db, partner),
        service,
        universe,
        severity: "medium",
      });
      expect(got).toMatchObject({
        level: "partner",
        levelRank: 25,
        offerId: (await offerOf(db, universe, "partner")).id,
        coverage: "24x7-critical",
        calendar: await calendarOfRegion(db, "CA"),
        entryTier: TERMS.partner.entryTier,
        queuePriority: TERMS.partner.queuePriority,
        firstResponseMinutes: TERMS.partner.firstResponse.medium,
        subscriberAccountId: partner.account.id,
        subscriberNic: partner.account.nic,
        reasonCode: "partner-level",
        fastPath: false,
      });
      expect(got.reason).toContain(client.nic);
    },
  );

  it("keeps the client's level when it is better than the partner's", async () => {
    const { db } = await testContext();
    const partner = await createCommercialPartner(db, ["enterprise"]);
    await subscribe(db, partner.account.id, "enterprise", "partner");
    const client = await createAccount(db);
    await subscribe(db, client.id, "enterprise", "business");
    const service = await serviceIn(db, "enterprise", { admin: client, tech: partner.account });
    const got = await entitle(db, {
      requester: await principalOf(db, partner),
      service,
      universe: "enterprise",
      severity: "critical",
    });
    expect(got).toMatchObject({
      level: "business",
      reasonCode: "service-admin-subscription",
      subscriberAccountId: client.id,
    });
  });

  it("keeps the client's level when the partner holds no partner level, or no programme there", async () => {
    const { db } = await testContext();
    const noLevel = await createCommercialPartner(db, ["server"]);
    const elsewhere = await createCommercialPartner(db, ["market"]);
    await subscribe(db, elsewhere.account.id, "server", "partner");
    for (const partner of [noLevel, elsewhere]) {
      const client = await createAccount(db);
      const service = await serviceIn(db, "server", { admin: client, tech: partner.account });
      const got = await entitle(db, {
        requester: await principalOf(db, partner),
        service,
        universe: "server",
        severity: "low",
      });
      expect(got).toMatchObject({ level: "standard", reasonCode: "service-admin-subscription" });
    }
  });

  it("does not apply the partner level when the partner is only the billing contact", async () => {
    const { db } = await testContext();
    const partner = await createCommercialPartner(db, ["server"]);
    await subscribe(db, partner.account.id, "server", "partner");
    const client = await createAccount(db);
    const service = await serviceIn(db, "server", { admin: client, billing: partner.account });
    const got = await entitle(db, {
      requester: await principalOf(db, partner),
      service,
      universe: "server",
      severity: "low",
    });
    expect(got.reasonCode).toBe("service-admin-subscription");
  });
});
