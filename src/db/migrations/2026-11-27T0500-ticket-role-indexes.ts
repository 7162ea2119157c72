import { type Kysely, sql } from "kysely";

// A contact role reads only some categories of its services' tickets (tech: incident and
// assistance; billing: billing). The role indexes held every category, so a tech contact whose
// services carry many billing tickets walked and discarded them, page after page (10 ms on the
// bench partner). Each role index now holds only the categories the role reads; the list query
// names the same categories as literals so the planner always matches it. If the policy gives a
// role other categories, this index must follow (the list stays correct, only slower).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists tickets_tech_contact_idx;
    create index tickets_tech_contact_idx on tickets (tech_contact_id, created_at desc, id)
      where tech_contact_id is not null and category in ('incident', 'assistance');
    drop index if exists tickets_billing_contact_idx;
    create index tickets_billing_contact_idx on tickets (billing_contact_id, created_at desc, id)
      where billing_contact_id is not null and category in ('billing');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists tickets_tech_contact_idx;
    create index tickets_tech_contact_idx on tickets (tech_contact_id, created_at desc, id)
      where tech_contact_id is not null;
    drop index if exists tickets_billing_contact_idx;
    create index tickets_billing_contact_idx on tickets (billing_contact_id, created_at desc, id)
      where billing_contact_id is not null;
  `.execute(db);
}
