import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LevelCode, Severity, Universe } from "../../src/db/schema.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createAccount, createService, createUser } from "../helpers/factories.ts";
import { freezeClock, openIncident, subscribe, thawClock } from "../helpers/ticket-factories.ts";

/**
 * First-response due times on a fixed clock: Wednesday 2 December 2026, 10:00 in Paris, which
 * is 04:00 in Toronto and New York (both UTC-5 in December), before their desks open at 09:00.
 * Business-hours clocks follow the calendar of the subscriber's region (Monday to Friday
 * 09:00-18:00 local); 24/7 clocks (Business, Enterprise, and Premium for critical tickets) run
 * in plain elapsed time from the creation instant.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});
beforeEach(() => freezeClock(ctx.clock));
afterEach(() => thawClock(ctx.clock));

const SCALES: Record<Severity, { impact: string; urgency: string }> = {
  critical: { impact: "high", urgency: "high" },
  high: { impact: "high", urgency: "medium" },
  medium: { impact: "medium", urgency: "medium" },
  low: { impact: "low", urgency: "low" },
};

// Twelve and twenty-four hours of elapsed time from 09:00 UTC are the 24/7 deadlines.
const ELAPSED: Record<string, string> = {
  "15m": "2026-12-02T09:15:00.000Z",
  "1h": "2026-12-02T10:00:00.000Z",
  "2h": "2026-12-02T11:00:00.000Z",
  "4h": "2026-12-02T13:00:00.000Z",
  "8h": "2026-12-02T17:00:00.000Z",
  "12h": "2026-12-02T21:00:00.000Z",
};

// Business time. Paris: 8 h on Wednesday (10:00-18:00), then 9 h a day. Toronto and New York:
// 9 h a day from Wednesday 09:00 local (14:00 UTC).
const BUSINESS: Record<"EU" | "CA" | "US", Record<string, string>> = {
  EU: {
    "4h": "2026-12-02T13:00:00.000Z", // Wednesday 14:00 Paris
    "8h": "2026-12-02T17:00:00.000Z", // Wednesday 18:00
    "24h": "2026-12-04T15:00:00.000Z", // 8 + 9 + 7: Friday 16:00
    "48h": "2026-12-09T12:00:00.000Z", // 8 + 9 × 4 + 4: next Wednesday 13:00
    "72h": "2026-12-14T09:00:00.000Z", // 8 + 9 × 7 + 1: Monday 14 at 10:00
  },
  CA: {
    "4h": "2026-12-02T18:00:00.000Z", // Wednesday 13:00 Toronto
    "8h": "2026-12-02T22:00:00.000Z", // Wednesday 17:00
    "24h": "2026-12-04T20:00:00.000Z", // 9 + 9 + 6: Friday 15:00
    "48h": "2026-12-09T17:00:00.000Z", // 9 × 5 + 3: next Wednesday 12:00
    "72h": "2026-12-11T23:00:00.000Z", // 9 × 8: Friday 11 at closing, 18:00
  },
  US: {
    "4h": "2026-12-02T18:00:00.000Z",
    "8h": "2026-12-02T22:00:00.000Z",
    "24h": "2026-12-04T20:00:00.000Z",
    "48h": "2026-12-09T17:00:00.000Z",
    "72h": "2026-12-11T23:00:00.000Z",
  },
};

type Region = keyof typeof BUSINESS;
type Expect = { elapsed: string } | { business: string };

/** Per level: the universe and product it is sold with, and the expected deadline per severity. */
const LEVELS: Record<
  Exclude<LevelCode, "partner">,
  { universe: Universe; product: string; due: Record<Severity, Expect> }
> = {
  standard: {
    universe: "server",
    product: "vps",
    due: {
      critical: { business: "8h" },
      high: { business: "24h" },
      medium: { business: "48h" },
      low: { business: "72h" },
    },
  },
  premium: {
    universe: "server",
    product: "vps",
    due: {
      critical: { elapsed: "2h" },
      high: { business: "4h" },
      medium: { business: "8h" },
      low: { business: "24h" },
    },
  },
  business: {
    universe: "server",
    product: "vps",
    due: {
      critical: { elapsed: "1h" },
      high: { elapsed: "2h" },
      medium: { elapsed: "4h" },
      low: { elapsed: "12h" },
    },
  },
  enterprise: {
    universe: "enterprise",
    product: "hosted-private-cloud",
    due: {
      critical: { elapsed: "15m" },
      high: { elapsed: "1h" },
      medium: { elapsed: "2h" },
      low: { elapsed: "8h" },
    },
  },
};

function expected(region: Region, due: Expect): string {
  const value = "elapsed" in due ? ELAPSED[due.elapsed] : BUSINESS[region][due.business as string];
  if (!value) throw new Error(`no expectation for ${JSON.stringify(due)} in ${region}`);
  return value;
}

const regions: Region[] = ["EU", "CA", "US"];
const levels = Object.keys(LEVELS) as (keyof typeof LEVELS)[];

describe.each(regions)("first response due times in region %s", (region) => {
  it.each(levels)("%s, every severity", async (level) => {
    const { universe, product, due } = LEVELS[level];
    const account = await createAccount(ctx.db, { region });
    const user = await createUser(ctx.db, account);
    if (level !== "standard") await subscribe(ctx.db, account, universe, level);
    const service = await createService(ctx.db, { admin: account }, { product });

    for (const severity of Object.keys(SCALES) as Severity[]) {
      const ticket = await openIncident(ctx, user, service, SCALES[severity]);
      const wanted = expected(region, due[severity]);
      expect([level, severity, ticket.severity, ticket.entitlement.level]).toEqual([
        level,
        severity,
        severity,
        level,
      ]);
      expect([level, severity, ticket.sla.firstResponseDueAt]).toEqual([level, severity, wanted]);
      expect(ticket.sla).toMatchObject({ clock: "first-response", paused: false, dueAt: wanted });
      expect(ticket.dueAt).toBe(wanted);
      const aroundTheClock = "elapsed" in due[severity];
      expect(ticket.entitlement.calendar).toBe(aroundTheClock ? null : region);
    }
  });
});
