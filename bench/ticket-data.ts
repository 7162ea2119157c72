import { sql } from "kysely";
import type { Database } from "../src/db/database.ts";

/**
 * Bulk-inserts `count` tickets (and one customer message each) over the existing services, in
 * batches, entirely inside PostgreSQL with generate_series. History spans two years; about 2 %
 * of tickets are still open and unassigned, spread over every (universe, tier, language) queue.
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
  await sql`
    create temporary table bench_services as
    select s.id, s.product, s.admin_account_id, p.universe,
           (row_number() over (order by s.name) - 1)::int as rn
    from services s join products p on p.code = s.product
  `.execute(db);
  await sql`create index on bench_services (rn)`.execute(db);
  const batch = 100_000;
  for (let start = 0; start < count; start += batch) {
    const end = Math.min(count, start + batch) - 1;
    await sql`
      with g as (
        select i,
               (i::bigint * 7919 % ${total})::int as rn,
               case when i % 50 = 0 then 'open'
                    when i % 50 = 1 then 'waiting-for-customer'
                    when i % 50 = 2 then 'waiting-for-provider'
                    when i % 50 = 3 then 'solved'
                    else 'closed' end as status,
               (array['critical','high','medium','low'])[1 + (i % 97) % 4] as severity,
               (array['en','fr','ru'])[1 + (i % 89) % 3] as language,
               (array['L1','L1','L2','L3','TAM'])[1 + (i % 83) % 5] as tier,
               now() - make_interval(mins => (i % 1051200)) as created_at
        from generate_series(${start}::int, ${end}::int) as i
      )
      insert into tickets (
        account_id, service_id, product, universe, category, impact, urgency, severity, subject,
        language, status, entitlement, calendar, queue_priority, tier, due_at,
        first_response_due_at, solved_at, closed_at, created_at, updated_at
      )
      select s.admin_account_id, s.id, s.product, s.universe,
             (array['incident','assistance','billing'])[1 + g.i % 3], 'medium', 'medium',
             g.severity, 'Bench ticket ' || g.i, g.language, g.status,
             jsonb_build_object('level', 'standard', 'reasonCode', 'service-admin-subscription',
               'reason', 'bench data'),
             null, (array[10, 20, 30, 40, 50])[1 + g.i % 5], g.tier,
             case when g.status in ('open', 'waiting-for-provider')
                  then g.created_at + interval '8 hours' end,
             g.created_at + interval '8 hours',
             case when g.status in ('solved', 'closed') then g.created_at + interval '1 day' end,
             case when g.status = 'closed' then g.created_at + interval '8 days' end,
             g.created_at, g.created_at
      from g join bench_services s on s.rn = g.rn
    `.execute(db);
    log(`tickets: ${end + 1} / ${count}`);
  }
  await sql`
    insert into ticket_messages (ticket_id, kind, body, created_at)
    select id, 'customer', 'Bench message for ' || subject, created_at from tickets
  `.execute(db);
  await sql`drop table bench_services`.execute(db);
  await sql`analyze`.execute(db);
}
