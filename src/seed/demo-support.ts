import { loadConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { Language, LevelCode, StaffTier, Universe } from "../db/schema.ts";
import type { UserPrincipal } from "../http/principal.ts";
import { startOfNextMonthUtc } from "../modules/support/time.ts";
import { helpFor, outOfPerimeterAnswer } from "../modules/tickets/perimeter.ts";
import type { DemoPlan } from "./demo-plan.ts";
import type { DemoTicket, StaffRef } from "./demo-support-life.ts";
import {
  DEMO_TICKETS,
  FAST_PATH,
  planTickets,
  type Refs,
  type ServiceRow,
  SUBSCRIPTIONS,
} from "./demo-support-plan.ts";
import { insertDemoTicket } from "./demo-support-tickets.ts";
import { Prng } from "./prng.ts";

/**
 * The support side of the demo: accounts on higher levels (some downgrades pending at the
 * month's end), Fast-Path for two technical partners, and about eighty tickets of the last six
 * weeks across universes, categories, statuses and languages, played through the tickets
 * module's own rules so that their SLA fields, events and messages agree.
 */

const DAY_MS = 86_400_000;
const SUPPORT_SEED = 20_261_127;

export { DEMO_TICKETS };

export interface DemoSupportCounts {
  subscriptions: number;
  fastPath: number;
  tickets: number;
  messages: number;
}

async function references(
  trx: Database,
  plan: DemoPlan,
): Promise<Refs & { staff: (StaffRef & { role: string })[] }> {
  const accounts = await trx.selectFrom("accounts").select(["id", "nic_handle"]).execute();
  const idOfNic = new Map(accounts.map((a) => [a.nic_handle, a.id]));
  const accountOf = new Map(plan.accounts.map((a) => [a.slug, idOfNic.get(a.nic) as string]));
  const users = await trx
    .selectFrom("users as u")
    .innerJoin("accounts as a", "a.id", "u.account_id")
    .select([
      "u.id",
      "u.email",
      "u.name",
      "u.language",
      "a.id as account_id",
      "a.nic_handle",
      "a.region",
    ])
    .orderBy("u.created_at")
    .orderBy("u.email")
    .execute();
  // Each account's first planned user (its owner) speaks for it.
  const requesterOf = new Map<string, UserPrincipal>();
  for (const planned of plan.users) {
    const accountId = accountOf.get(planned.account);
    const user = users.find((u) => u.email === planned.email);
    if (!accountId || !user || requesterOf.has(accountId)) continue;
    requesterOf.set(accountId, {
      kind: "user",
      userId: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      accountId,
      nicHandle: user.nic_handle,
      region: user.region,
    });
  }
  const services = (await trx
    .selectFrom("services as s")
    .innerJoin("products as p", "p.code", "s.product")
    .select([
      "s.id",
      "s.name",
      "s.product",
      "p.universe",
      "s.admin_account_id",
      "s.tech_account_id",
      "s.billing_account_id",
      "s.status",
    ])
    .orderBy("s.name")
    .execute()) as ServiceRow[];
  const staff = (await trx
    .selectFrom("staff")
    .select(["id", "tier", "universes", "languages", "role"])
    .orderBy("email")
    .execute()) as (StaffRef & { role: string })[];
  return { accountOf, requesterOf, services, staff };
}

async function seedSubscriptions(trx: Database, accountOf: Map<string, string>, now: Date) {
  const offers = await trx.selectFrom("offers").select(["id", "universe", "level"]).execute();
  const offerId = (universe: Universe, level: LevelCode) => {
    const offer = offers.find((o) => o.universe === universe && o.level === level);
    if (!offer) throw new Error(`no ${level} offer in ${universe}: seed support before the demo`);
    return offer.id;
  };
  const monthEnd = startOfNextMonthUtc(now);
  const rows = SUBSCRIPTIONS.flatMap((s, k) => {
    const account = accountOf.get(s.slug);
    if (!account) throw new Error(`demo subscription for unknown account ${s.slug}`);
    const since = new Date(now.getTime() - (90 + 17 * k) * DAY_MS);
    const current = {
      account_id: account,
      universe: s.universe,
      offer_id: offerId(s.universe, s.level),
      starts_at: since,
      ends_at: s.downgradeTo ? monthEnd : null,
      created_at: since,
    };
    if (!s.downgradeTo) return [current];
    const pending = {
      account_id: account,
      universe: s.universe,
      offer_id: offerId(s.universe, s.downgradeTo),
      starts_at: monthEnd,
      ends_at: null,
      created_at: new Date(now.getTime() - 3 * DAY_MS),
    };
    return [current, pending];
  });
  await trx.insertInto("subscriptions").values(rows).execute();
  const fastPath = FAST_PATH.map((f, k) => {
    const since = new Date(now.getTime() - (200 - 80 * k) * DAY_MS);
    return {
      account_id: accountOf.get(f.slug) as string,
      price_cents: 5_000,
      yearly_quota: f.quota,
      starts_at: since,
      ends_at: null,
      created_at: since,
    };
  });
  await trx.insertInto("fast_path_subscriptions").values(fastPath).execute();
  return rows.length;
}

/** Inserts the support demo inside seedDemo's transaction; the catalogue and offers exist. */
export async function seedDemoSupport(
  trx: Database,
  plan: DemoPlan,
  now: Date,
): Promise<DemoSupportCounts> {
  const refs = await references(trx, plan);
  const subscriptions = await seedSubscriptions(trx, refs.accountOf, now);
  const areas = await trx
    .selectFrom("responsibility_areas")
    .select(["product", "area", "owner", "explanation"])
    .orderBy("position")
    .execute();
  const prng = new Prng(SUPPORT_SEED);
  const config = loadConfig();

  const agentFor = (
    tier: StaffTier,
    universe: Universe,
    language: Language,
    random: Prng,
    except?: string,
  ) => {
    const working = refs.staff.filter((s) => s.role !== "admin" && s.id !== except);
    const pick = (list: StaffRef[]) => (list.length > 0 ? random.pick(list) : null);
    return (
      pick(
        working.filter(
          (s) =>
            s.tier === tier && s.universes.includes(universe) && s.languages.includes(language),
        ),
      ) ??
      pick(working.filter((s) => s.tier === tier && s.universes.includes(universe))) ??
      // Someone of the universe before anyone of the tier: agents read only their universes'
      // tickets, so an assignee outside it could not even open the ticket it holds.
      pick(
        working.filter((s) => s.universes.includes(universe) && s.languages.includes(language)),
      ) ??
      pick(working.filter((s) => s.universes.includes(universe))) ??
      pick(working.filter((s) => s.tier === tier))
    );
  };
  const outOfPerimeterText = async (ticket: DemoTicket) => {
    const service = ticket.service;
    if (!service || !ticket.area) return ticket.answer;
    const help = await helpFor(
      trx,
      config,
      service.product,
      service.universe,
      ticket.requester.accountId,
    );
    return outOfPerimeterAnswer(ticket.requester.language, service.product, ticket.area, help);
  };

  const tickets = planTickets(prng, refs, areas, now).sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  let messages = 0;
  for (const [k, ticket] of tickets.entries()) {
    const own = new Prng(SUPPORT_SEED + 1 + k);
    messages += await insertDemoTicket(trx, ticket, now, own, agentFor, outOfPerimeterText);
  }
  return { subscriptions, fastPath: FAST_PATH.length, tickets: tickets.length, messages };
}
