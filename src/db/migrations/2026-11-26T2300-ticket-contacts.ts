import { type Kysely, sql } from "kysely";

// Customers see tickets of services where they hold a contact role. Probing each service of a
// partner with hundreds of them cost tens of milliseconds on a million tickets, so each ticket
// carries a copy of its service's three contacts, indexed for keyset lists, and the database
// keeps the copy true: on insert, and whenever a contact change moves a role.
// The queue index also gains `number`, the last key of the queue order, so a page stops early.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tickets
      add column admin_contact_id uuid,
      add column tech_contact_id uuid,
      add column billing_contact_id uuid;

    update tickets t
      set admin_contact_id = s.admin_account_id,
          tech_contact_id = s.tech_account_id,
          billing_contact_id = s.billing_account_id
      from services s
      where s.id = t.service_id;

    create function tickets_copy_contacts() returns trigger language plpgsql as $$
    begin
      if new.service_id is null then
        new.admin_contact_id := null;
        new.tech_contact_id := null;
        new.billing_contact_id := null;
      else
        select s.admin_account_id, s.tech_account_id, s.billing_account_id
          into new.admin_contact_id, new.tech_contact_id, new.billing_contact_id
          from services s where s.id = new.service_id;
      end if;
      return new;
    end $$;

    create trigger tickets_copy_contacts before insert or update of service_id on tickets
      for each row execute function tickets_copy_contacts();

    create function services_propagate_contacts() returns trigger language plpgsql as $$
    begin
      update tickets
        set admin_contact_id = new.admin_account_id,
            tech_contact_id = new.tech_account_id,
            billing_contact_id = new.billing_account_id
        where service_id = new.id;
      return null;
    end $$;

    create trigger services_propagate_contacts
      after update of admin_account_id, tech_account_id, billing_account_id on services
      for each row
      when (old.admin_account_id is distinct from new.admin_account_id
        or old.tech_account_id is distinct from new.tech_account_id
        or old.billing_account_id is distinct from new.billing_account_id)
      execute function services_propagate_contacts();

    create index tickets_admin_contact_idx on tickets (admin_contact_id, created_at desc, id)
      where admin_contact_id is not null;
    create index tickets_tech_contact_idx on tickets (tech_contact_id, created_at desc, id)
      where tech_contact_id is not null;
    create index tickets_billing_contact_idx on tickets (billing_contact_id, created_at desc, id)
      where billing_contact_id is not null;

    drop index tickets_queue_idx;
    create index tickets_queue_idx
      on tickets (universe, tier, language, due_at, queue_priority desc, number)
      where assigned_staff_id is null and status in ('open', 'waiting-for-provider');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists tickets_queue_idx;
    create index tickets_queue_idx on tickets (universe, tier, language, due_at, queue_priority desc)
      where assigned_staff_id is null and status in ('open', 'waiting-for-provider');
    drop trigger if exists services_propagate_contacts on services;
    drop function if exists services_propagate_contacts();
    drop trigger if exists tickets_copy_contacts on tickets;
    drop function if exists tickets_copy_contacts();
    alter table tickets
      drop column if exists admin_contact_id,
      drop column if exists tech_contact_id,
      drop column if exists billing_contact_id;
  `.execute(db);
}
