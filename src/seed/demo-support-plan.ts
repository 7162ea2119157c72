import type { LevelCode, Scale, Universe } from "../db/schema.ts";
import type { UserPrincipal } from "../http/principal.ts";
import type { AreaRow } from "../modules/tickets/perimeter.ts";
import type { DemoTicket, Scenario } from "./demo-support-life.ts";
import { FAMILY_OF, LINES, TEMPLATES, type TicketTemplate } from "./demo-support-texts.ts";
import type { Prng } from "./prng.ts";

/** Who asks the demo's support what, about which service, when, and how it goes. */

const DAY_MS = 86_400_000;
export const DEMO_TICKETS = 84;

/** Levels above the default, by account slug; `downgradeTo` is a downgrade waiting for the month's end. */
export const SUBSCRIPTIONS: {
  slug: string;
  universe: Universe;
  level: LevelCode;
  downgradeTo?: LevelCode;
}[] = [
  { slug: "atelier-lumiere", universe: "market", level: "premium" },
  { slug: "harbor-analytics", universe: "server", level: "business" },
  { slug: "ironbridge-fintech", universe: "public-cloud", level: "business" },
  { slug: "ironbridge-fintech", universe: "market", level: "premium" },
  { slug: "lantern-health", universe: "server", level: "business" },
  { slug: "lantern-health", universe: "market", level: "premium" },
  { slug: "redwood-robotics", universe: "server", level: "business" },
  { slug: "bluefin-games", universe: "server", level: "premium" },
  { slug: "severny-veter", universe: "server", level: "premium" },
  { slug: "severny-veter", universe: "enterprise", level: "premium" },
  { slug: "boreal-sante", universe: "market", level: "premium" },
  { slug: "boreal-sante", universe: "enterprise", level: "business" },
  { slug: "nordhavn-robotics", universe: "enterprise", level: "enterprise" },
  { slug: "copperleaf-media", universe: "enterprise", level: "business" },
  { slug: "cabinet-garnier", universe: "server", level: "premium", downgradeTo: "standard" },
  { slug: "tundra-analytics", universe: "public-cloud", level: "business", downgradeTo: "premium" },
  { slug: "willow-creek-schools", universe: "market", level: "premium", downgradeTo: "standard" },
  { slug: "meridian-reseller", universe: "server", level: "partner" },
  { slug: "meridian-reseller", universe: "public-cloud", level: "partner" },
  { slug: "erable-distribution", universe: "market", level: "partner" },
];

/** Technical partners with Fast-Path, their yearly quota and how many uses the demo shows. */
export const FAST_PATH: { slug: string; quota: number; uses: number }[] = [
  { slug: "kestrel-ops", quota: 6, uses: 3 },
  { slug: "infogerance-lavande", quota: 6, uses: 1 },
];

export interface ServiceRow {
  id: string;
  name: string;
  product: string;
  universe: Universe;
  admin_account_id: string;
  tech_account_id: string;
  billing_account_id: string;
  status: string;
}

/** What planning needs from the seeded demo: account ids, who speaks for each, services. */
export interface Refs {
  accountOf: Map<string, string>;
  requesterOf: Map<string, UserPrincipal>;
  services: ServiceRow[];
}
export type Area = AreaRow & { product: string };

const SCALES: Scale[] = ["low", "medium", "high"];

function scenarioFor(prng: Prng, ageDays: number, template: TicketTemplate): Scenario {
  if (ageDays < 0.25) return prng.chance(0.15) ? "on-hold" : "fresh";
  if (template.customerArea) return "out-of-perimeter";
  if (ageDays < 3) {
    return prng.weighted<Scenario>([
      ["fresh", 2],
      ["waiting-customer", 3],
      ["customer-replied", 3],
      ["on-hold", 1],
      ["escalated", 1],
    ]);
  }
  return prng.weighted<Scenario>([
    ["solved", 9],
    ["solved-after-reply", 5],
    ["rated-not-answered", 1.5],
    ["waiting-customer", 1.5],
    ["escalated", 2],
    ["customer-replied", 1],
  ]);
}

/** The demo's tickets: who asks what about which service, when, and how it went. */
export function planTickets(prng: Prng, refs: Refs, areas: Area[], now: Date): DemoTicket[] {
  const active = refs.services.filter(
    (s) => s.status === "active" && refs.requesterOf.has(s.admin_account_id),
  );
  const areaOf = (product: string, owner: "customer" | "provider") => {
    const rows = areas.filter((a) => a.product === product && a.owner === owner);
    return rows.find((a) => a.area === "applications") ?? rows[0] ?? null;
  };
  const tickets: DemoTicket[] = [];
  const ageOf = () => 42 * prng.next() ** 2;

  const build = (
    template: TicketTemplate,
    service: ServiceRow | null,
    requester: UserPrincipal,
    universe: Universe,
    ageDays: number,
    fastPath = false,
  ): DemoTicket => {
    const texts = template.texts[requester.language];
    const lines = LINES[requester.language];
    const technical = template.category === "incident" || template.category === "assistance";
    const area =
      service && technical
        ? areaOf(service.product, template.customerArea ? "customer" : "provider")
        : null;
    const incident = template.category === "incident";
    return {
      createdAt: new Date(now.getTime() - Math.max(0.02, ageDays) * DAY_MS),
      requester,
      service: service && {
        id: service.id,
        name: service.name,
        product: service.product,
        universe: service.universe,
        adminAccountId: service.admin_account_id,
        techAccountId: service.tech_account_id,
      },
      universe,
      category: template.category,
      impact: incident
        ? prng.pick<Scale>(["medium", "high", "high"])
        : prng.pick(SCALES.slice(0, 2)),
      urgency: incident ? prng.pick<Scale>(["medium", "high"]) : "low",
      area,
      fastPath,
      subject: texts.subject,
      body: texts.body,
      answer: texts.answer,
      lines: { ...lines, note: prng.chance(0.35) ? prng.pick(lines.notes) : null },
      scenario: fastPath
        ? ageDays < 0.25
          ? "fresh"
          : "solved"
        : scenarioFor(prng, ageDays, template),
    };
  };

  // Fast-Path: the partners' uses, on services they are the technical contact of.
  for (const f of FAST_PATH) {
    const partner = refs.accountOf.get(f.slug) as string;
    const requester = refs.requesterOf.get(partner) as UserPrincipal;
    const managed = active.filter(
      (s) =>
        s.tech_account_id === partner &&
        s.admin_account_id !== partner &&
        ["server", "cloud", "private", "web"].includes(FAMILY_OF[s.product] ?? ""),
    );
    for (let k = 0; k < f.uses; k++) {
      const service = prng.pick(managed);
      const template = prng.pick(
        TEMPLATES.filter(
          (t) => t.category === "incident" && t.family === FAMILY_OF[service.product],
        ),
      );
      tickets.push({
        ...build(template, service, requester, service.universe, 2 + 9 * k * prng.next(), true),
        impact: "high",
        urgency: "high",
      });
    }
  }

  // Accounts on a higher level in a universe write more there, so every level shows up.
  const subscribed = new Set(
    SUBSCRIPTIONS.map((sub) => `${refs.accountOf.get(sub.slug)}/${sub.universe}`),
  );
  const weightOf = (s: ServiceRow) =>
    subscribed.has(`${s.admin_account_id}/${s.universe}`) ? 6 : 1;
  const pickService = (list: ServiceRow[]) =>
    prng.weighted(list.map((s) => [s, weightOf(s)] as const));
  const templateWeight = (t: TicketTemplate) =>
    t.customerArea ? 1.2 : t.family === null ? 1.4 : 1;

  // One ticket from each account on a higher level, in that universe.
  for (const sub of SUBSCRIPTIONS) {
    const account = refs.accountOf.get(sub.slug) as string;
    const own = active.filter((s) => s.admin_account_id === account && s.universe === sub.universe);
    const requester = refs.requesterOf.get(account);
    if (own.length === 0 || !requester) continue;
    const service = prng.pick(own);
    const technical = TEMPLATES.filter(
      (t) => t.family === FAMILY_OF[service.product] && !t.customerArea,
    );
    const template = prng.pick(
      technical.length > 0 ? technical : TEMPLATES.filter((t) => t.category === "billing"),
    );
    tickets.push(build(template, service, requester, service.universe, ageOf()));
  }

  while (tickets.length < DEMO_TICKETS) {
    const template = prng.weighted(TEMPLATES.map((t) => [t, templateWeight(t)] as const));
    const ageDays = ageOf();
    if (template.category === "commercial" || template.category === "account") {
      const service = pickService(active);
      const requester = refs.requesterOf.get(service.admin_account_id) as UserPrincipal;
      tickets.push(build(template, null, requester, service.universe, ageDays));
      continue;
    }
    const fitting =
      template.family === null
        ? active.filter((s) => template.category === "billing" || FAMILY_OF[s.product] !== "domain")
        : active.filter((s) => FAMILY_OF[s.product] === template.family);
    if (fitting.length === 0) continue;
    const service = pickService(fitting);
    const byContact =
      template.category === "billing" ? service.billing_account_id : service.tech_account_id;
    const contact =
      byContact !== service.admin_account_id && prng.chance(0.5)
        ? refs.requesterOf.get(byContact)
        : undefined;
    const requester = contact ?? (refs.requesterOf.get(service.admin_account_id) as UserPrincipal);
    tickets.push(build(template, service, requester, service.universe, ageDays));
  }
  // A few customers said an answer missed their question: that reopens the ticket.
  const solvedTechnical = tickets.filter(
    (t) => t.scenario === "solved" && !t.fastPath && t.category === "incident",
  );
  for (const ticket of solvedTechnical.slice(0, 3)) ticket.scenario = "rated-not-answered";
  return tickets;
}
