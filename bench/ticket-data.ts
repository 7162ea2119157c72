import { sql } from "kysely";
import type { Database } from "../src/db/database.ts";
import type { StaffRole, StaffTier } from "../src/db/schema.ts";
import { alwaysOpen, type BusinessCalendar } from "../src/modules/sla/calendar.ts";
import { loadCalendar } from "../src/modules/sla/service.ts";

/** Bench staff: three agents per universe and tier, speaking every language, plus a lead. */
const TIERS = ["L1", "L2", "L3", "TAM"] as const;
const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
const AGENTS_PER_QUEUE = 3;
export const BENCH_AGENT_DOMAIN = "bench.palier.test";
const TWO_YEARS_SECONDS = 730 * 86_400;

export const agentLocal = (universe: string, tier: string, k = 0) =>
  `agent-${universe}-${tier.toLowerCase()}-${k}`;

async function seedAgents(db: Database): Promise<void> {
  const member = (role: StaffRole, tier: StaffTier, universes: string[], email: string) => ({
    email: `${email}@${BENCH_AGENT_DOMAIN}`,
    name: `Bench ${email}`,
    password_hash: "unused",
    role,
    tier,
    languages: ["en", "fr", "ru"],
    universes,
    region: "EU",
    max_concurrent_tickets: 200,
  });
  const rows = UNIVERSES.flatMap((universe) =>
    TIERS.flatMap((tier) =>
      Array.from({ length: AGENTS_PER_QUEUE }, (_, k) =>
        member("agent", tier, [universe], agentLocal(universe, tier, k)),
      ),
    ),
  );
  rows.push(member("lead", "L2", [...UNIVERSES], "lead"));
  await db
    .insertInto("staff")
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Bulk-inserts `count` tickets over the existing services, in batches, inside PostgreSQL with
 * generate_series, shaped as the tickets module writes them: the entitlement of an offer the
 * service's universe sells (60 % the universe's lowest level, 30 % the next, 10 % the one
 * above), the region's business calendar unless the level runs 24/7, the entry tier (one
 * ticket in twenty escalated one tier, with its escalation row), a customer message, the
 * agent's first answer, ratings of some answers, and breach events for late first responses.
 *
 * Tickets arrive evenly over two years. Those of the last 7 days are still in progress (open,
 * waiting for the provider or the customer, solved) or closed; half of the ones waiting for the
 * provider wait unassigned in their queue, the rest are spread over the agents within their
 * capacity. Their running clocks' due times and warning instants are computed with the calendar
 * arithmetic, as the tickets module does. Older tickets are closed; for those, a business-hours
 * target is stretched by the open share of a week (45 of 168 hours), which is what the calendar
 * gives on average and keeps a million rows inside one SQL statement per batch.
 */
export async function seedTickets(
  db: Database,
  count: number,
  log: (line: string) => void = () => {},
): Promise<void> {
  const services = await db
    .selectFrom("services")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const total = Number(services.n);
  if (total === 0) throw new Error("seed services before tickets");
  const offers = await db
    .selectFrom("offers")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(offers.n) === 0) throw new Error("seed support offers (seedSupport) before tickets");
  await seedAgents(db);

  await sql`
    create temporary table bench_services as
    select s.id, s.product, s.admin_account_id, s.region, p.universe,
           coalesce(r.calendar, s.region) as calendar,
           (row_number() over (order by s.name) - 1)::int as rn
    from services s join products p on p.code = s.product join regions r on r.code = s.region
  `.execute(db);
  await sql`create index on bench_services (rn)`.execute(db);
  await sql`
    create temporary table bench_offers as
    select o.id, o.universe, o.level, l.rank, o.coverage, o.entry_tier, o.queue_priority,
           o.first_response_minutes, o.update_minutes,
           (row_number() over (partition by o.universe order by l.rank) - 1)::int as idx,
           (count(*) over (partition by o.universe))::int as n
    from offers o join support_levels l on l.code = o.level
    where o.audience = 'all' and o.active
  `.execute(db);
  await sql`
    create temporary table bench_agents as
    select id, universes[1] as universe, tier,
           (regexp_replace(email, '^.*-([0-9]+)@.*$', '\\1'))::int as k
    from staff
    where role = 'agent' and email like ${`agent-%@${BENCH_AGENT_DOMAIN}`}
  `.execute(db);

  const batch = 100_000;
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch) - 1;
    await sql`
      with g0 as (
        select i,
               (i::bigint * 7919 % ${total})::int as rn,
               (array['critical','high','medium','low'])[1 + (i % 97) % 4] as severity,
               (array['en','fr','ru'])[1 + (i % 89) % 3] as language,
               case when i % 10 < 6 then 0 when i % 10 < 9 then 1 else 2 end as level_pick,
               i % 20 = 7 as escalated,
               now() - make_interval(secs => i::float8 * ${TWO_YEARS_SECONDS} / ${count})
                 as created_at
        from generate_series(${start}::int, ${end}::int) as i
      ),
      g as (
        select g0.*,
               case when g0.created_at < now() - interval '7 days' then 'closed'
                    when i % 19 < 5 then 'open'
                    when i % 19 < 8 then 'waiting-for-provider'
                    when i % 19 < 12 then 'waiting-for-customer'
                    when i % 19 < 16 then 'solved'
                    else 'closed' end as status
        from g0
      ),
      t as (
        select g.*, s.id as service_id, s.product, s.admin_account_id, s.universe,
               o.id as offer_id, o.level, o.rank, o.coverage, o.entry_tier, o.queue_priority,
               (o.first_response_minutes ->> g.severity)::int as target,
               (o.update_minutes ->> g.severity)::int as update_target,
               case when o.coverage = '24x7'
                      or (o.coverage = '24x7-critical' and g.severity = 'critical')
                    then null else s.calendar end as clock_calendar
        from g
        join bench_services s on s.rn = g.rn
        join bench_offers o on o.universe = s.universe and o.idx = least(g.level_pick, o.n - 1)
      ),
      d as (
        select t.*,
               case when t.escalated then
                 case t.entry_tier when 'L1' then 'L2' else 'L3' end
               else t.entry_tier end as tier,
               t.created_at + make_interval(mins => case when t.clock_calendar is null
                 then t.target else ceil(t.target * 168.0 / 45)::int end) as fr_due
        from t
      ),
      r as (
        -- Answers come at 0 to 120 % of the target (about one in seven late), never in the
        -- future; solutions follow within three days, closing a week later.
        select d.*,
               case when d.status = 'open' then null
                    else greatest(d.created_at, least(now() - interval '2 hours',
                      d.created_at + (d.fr_due - d.created_at) * ((d.i % 13) / 10.0))) end
                 as responded_at
        from d
      ),
      e as (
        select r.*,
               case when r.status in ('solved', 'closed') then least(now(),
                 r.responded_at + make_interval(mins => 60 + r.i % 4000)) end as solved_at
        from r
      )
      insert into tickets (
        account_id, service_id, product, universe, category, impact, urgency, severity, subject,
        language, status, entitlement, calendar, queue_priority, tier, assigned_staff_id,
        first_response_due_at, first_responded_at, sla_clock, solved_at, closed_at,
        reopened_count, created_at, updated_at
      )
      select e.admin_account_id, e.service_id, e.product, e.universe,
             (array['incident','assistance','billing'])[1 + e.i % 3],
             case e.severity when 'critical' then 'high' when 'high' then 'high'
                             when 'medium' then 'medium' else 'low' end,
             case e.severity when 'critical' then 'high' when 'high' then 'medium'
                             when 'medium' then 'medium' else 'low' end,
             e.severity, 'Bench ticket ' || e.i, e.language, e.status,
             jsonb_build_object(
               'level', e.level, 'levelRank', e.rank, 'offerId', e.offer_id,
               'universe', e.universe, 'coverage', e.coverage, 'calendar', e.clock_calendar,
               'firstResponseMinutes', e.target, 'updateMinutes', e.update_target,
               'entryTier', e.entry_tier, 'queuePriority', e.queue_priority, 'fastPath', false,
               'reasonCode', 'service-admin-subscription', 'reason', 'bench data'),
             e.clock_calendar, e.queue_priority, e.tier,
             -- Half the tickets waiting for the provider wait unassigned in their queue.
             case when e.status in ('open', 'waiting-for-provider') and (e.i / 19) % 2 = 0
                  then null else a.id end,
             e.fr_due, e.responded_at,
             case when e.status = 'open' then 'first-response'
                  when e.status = 'waiting-for-provider' then 'next-response' end,
             e.solved_at,
             case when e.status = 'closed' then least(now(), e.solved_at + interval '7 days') end,
             case when e.status = 'closed' and e.i % 40 = 4 then 1 else 0 end,
             e.created_at, coalesce(e.solved_at, e.responded_at, e.created_at)
      from e left join bench_agents a
        on a.universe = e.universe and a.tier = e.tier and a.k = e.i % ${AGENTS_PER_QUEUE}
    `.execute(db);
    log(`tickets: ${end + 1} / ${count}`);
  }
  await sql`drop table bench_services`.execute(db);
  await sql`drop table bench_offers`.execute(db);

  await seedConversations(db, log);
  await runningClocks(db, log);
  await sql`drop table bench_agents`.execute(db);
  // As autovacuum would: statistics, and the visibility map that lets counts use the indexes.
  await sql`vacuum analyze`.execute(db);
}

/** Messages, escalations, ratings and breach events of the tickets just inserted. */
async function seedConversations(db: Database, log: (line: string) => void): Promise<void> {
  await sql`
    insert into ticket_messages (ticket_id, kind, author_user_id, body, created_at)
    select id, 'customer', requester_user_id, 'Bench message for ' || subject, created_at
    from tickets
  `.execute(db);
  await sql`
    insert into ticket_messages (ticket_id, kind, author_staff_id, body, created_at)
    select id, 'agent', assigned_staff_id, 'Bench answer to ' || subject, first_responded_at
    from tickets where first_responded_at is not null
  `.execute(db);
  log("messages written");
  await sql`
    insert into ticket_escalations (ticket_id, from_tier, to_tier, reason, by_staff_id, at)
    select id, entitlement ->> 'entryTier', tier, 'manual', assigned_staff_id,
           created_at + interval '30 minutes'
    from tickets where tier <> entitlement ->> 'entryTier'
  `.execute(db);
  // One answer in eight of resolved tickets is rated; one rating in six says it missed.
  await sql`
    insert into answer_ratings (message_id, ticket_id, staff_id, user_id, rating, created_at)
    select m.id, m.ticket_id, m.author_staff_id, null,
           case when t.number % 6 = 0 then 'not-answered' else 'solved' end,
           least(now(), m.created_at + interval '2 hours')
    from ticket_messages m join tickets t on t.id = m.ticket_id
    where m.kind = 'agent' and t.status in ('solved', 'closed') and t.number % 8 = 0
  `.execute(db);
  await sql`
    insert into sla_events (ticket_id, clock, kind, due_at, at)
    select id, 'first-response', 'breach', first_response_due_at,
           first_response_due_at + interval '1 minute'
    from tickets
    where first_responded_at > first_response_due_at
  `.execute(db);
  log("escalations, ratings and breach events written");
}

interface RunningRow {
  id: string;
  calendar: string | null;
  sla_clock: "first-response" | "next-response";
  created_at: Date;
  first_responded_at: Date | null;
  entitlement: { firstResponseMinutes: number; updateMinutes: number };
}

/**
 * Exact due and warning instants for every running clock, as the tickets module computes them:
 * first response from creation; next response from a customer reply an hour after the answer
 * (whose first-response due time is exact too).
 */
async function runningClocks(db: Database, log: (line: string) => void): Promise<void> {
  const rows = (await db
    .selectFrom("tickets")
    .select(["id", "calendar", "sla_clock", "created_at", "first_responded_at", "entitlement"])
    .where("sla_clock", "is not", null)
    .execute()) as unknown as RunningRow[];
  const calendars = new Map<string, BusinessCalendar>();
  const calendarOf = async (code: string | null) => {
    if (code === null) return alwaysOpen;
    let calendar = calendars.get(code);
    if (!calendar) {
      calendar = await loadCalendar(db, code);
      calendars.set(code, calendar);
    }
    return calendar;
  };
  const now = new Date();
  const replies: { ticket_id: string; created_at: Date }[] = [];
  const updates: unknown[][] = [[], [], [], [], [], [], []];
  for (const row of rows) {
    const calendar = await calendarOf(row.calendar);
    const first = row.sla_clock === "first-response";
    const answered = (row.first_responded_at ?? row.created_at).getTime();
    // The customer replied an hour after the answer (or just now, for the newest tickets).
    const start = first
      ? row.created_at
      : new Date(Math.max(answered, Math.min(answered + 3_600_000, now.getTime() - 60_000)));
    if (!first) replies.push({ ticket_id: row.id, created_at: start });
    const target = first ? row.entitlement.firstResponseMinutes : row.entitlement.updateMinutes;
    const due = calendar.addMinutes(start, target);
    const warn = calendar.addMinutes(start, target * 0.75);
    const warned = warn <= now;
    const values = [
      row.id,
      due,
      warned ? null : warn,
      warned ? warn : null,
      due <= now ? due : null,
      first ? due : calendar.addMinutes(row.created_at, row.entitlement.firstResponseMinutes),
      first ? null : due,
    ];
    for (const [k, value] of values.entries()) updates[k]?.push(value);
  }
  const chunk = 5_000;
  for (let at = 0; at < rows.length; at += chunk) {
    const [ids, due, warnAt, warnedAt, breachedAt, firstDue, nextDue] = updates.map((column) =>
      column.slice(at, at + chunk),
    );
    await sql`
      update tickets t set
        due_at = v.due, sla_warn_at = v.warn_at, warned_at = v.warned_at,
        breached_at = v.breached_at,
        first_response_due_at = v.first_due,
        next_response_due_at = v.next_due
      from unnest(${ids}::uuid[], ${due}::timestamptz[], ${warnAt}::timestamptz[],
                  ${warnedAt}::timestamptz[], ${breachedAt}::timestamptz[],
                  ${firstDue}::timestamptz[], ${nextDue}::timestamptz[])
        as v(id, due, warn_at, warned_at, breached_at, first_due, next_due)
      where t.id = v.id
    `.execute(db);
  }
  for (let at = 0; at < replies.length; at += chunk) {
    await db
      .insertInto("ticket_messages")
      .values(
        replies.slice(at, at + chunk).map((reply) => ({
          ...reply,
          kind: "customer" as const,
          author_user_id: null,
          author_staff_id: null,
          body: "Bench follow-up: still not working",
        })),
      )
      .execute();
  }
  await sql`
    insert into sla_events (ticket_id, clock, kind, due_at, at)
    select id, sla_clock, 'warning', due_at, warned_at from tickets
    where warned_at is not null and sla_clock is not null
    union all
    select id, sla_clock, 'breach', due_at, breached_at from tickets
    where breached_at is not null and sla_clock is not null
  `.execute(db);
  log(`running clocks: ${rows.length} tickets with exact due times`);
}
