import { type Kysely, sql } from "kysely";

// Routing picks the least loaded agent under capacity on every ticket creation. Counting each
// candidate's open tickets cost about 1 ms of PostgreSQL time per creation on a million
// tickets (a busy agent holds hundreds), plus a recount once the agent's row was locked. Each
// staff row now carries its load, kept by the database: statement-level triggers with
// transition tables, so a bulk insert adds one update per agent, not one per ticket. Because
// the count lives on the row that routing locks, `for update` re-reads it after a concurrent
// commit and re-checks the capacity condition: no recount is needed.
// The statuses are routing's LOAD_STATUSES (src/modules/routing/rules.ts).
const counted = (alias: string) =>
  `${alias}.assigned_staff_id is not null
   and ${alias}.status in ('open', 'waiting-for-provider', 'waiting-for-customer', 'on-hold')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
    alter table staff add column open_tickets int not null default 0;

    create function tickets_load_insert() returns trigger language plpgsql as $$
    begin
      update staff s set open_tickets = s.open_tickets + d.n
        from (select assigned_staff_id as id, count(*)::int as n from new_rows n
              where ${counted("n")} group by assigned_staff_id) d
        where s.id = d.id;
      return null;
    end $$;

    create function tickets_load_update() returns trigger language plpgsql as $$
    begin
      update staff s set open_tickets = s.open_tickets + d.delta
        from (select id, sum(delta)::int as delta from (
                select o.assigned_staff_id as id, -1 as delta from old_rows o where ${counted("o")}
                union all
                select n.assigned_staff_id, 1 from new_rows n where ${counted("n")}
              ) x group by id having sum(delta) <> 0) d
        where s.id = d.id;
      return null;
    end $$;

    create function tickets_load_delete() returns trigger language plpgsql as $$
    begin
      update staff s set open_tickets = s.open_tickets - d.n
        from (select assigned_staff_id as id, count(*)::int as n from old_rows o
              where ${counted("o")} group by assigned_staff_id) d
        where s.id = d.id;
      return null;
    end $$;

    create trigger tickets_load_insert after insert on tickets
      referencing new table as new_rows for each statement execute function tickets_load_insert();
    create trigger tickets_load_update after update on tickets
      referencing old table as old_rows new table as new_rows
      for each statement execute function tickets_load_update();
    create trigger tickets_load_delete after delete on tickets
      referencing old table as old_rows for each statement execute function tickets_load_delete();

    update staff s set open_tickets = (
      select count(*) from tickets t where t.assigned_staff_id = s.id and ${counted("t")});
  `)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists tickets_load_insert on tickets;
    drop trigger if exists tickets_load_update on tickets;
    drop trigger if exists tickets_load_delete on tickets;
    drop function if exists tickets_load_insert();
    drop function if exists tickets_load_update();
    drop function if exists tickets_load_delete();
    alter table staff drop column if exists open_tickets;
  `.execute(db);
}
