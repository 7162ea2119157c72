import { type Kysely, sql } from "kysely";

// Webhook subscriptions and their delivery log. A subscription belongs to an account (its own
// events) or to no account (a staff admin's global subscription, every event). The signing
// secret is sealed with the instance key, since Palier must read it back to sign. Deleting a
// subscription only marks it, so jobs still queued for it find it and record their skip.
// Frozen once shipped: add a new migration instead of editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_subscriptions (
      id uuid primary key default gen_random_uuid(),
      account_id uuid references accounts (id) on delete cascade,
      created_by_user_id uuid references users (id) on delete set null,
      created_by_staff_id uuid references staff (id) on delete set null,
      url text not null check (length(url) between 1 and 2048),
      event_types text[] not null check (cardinality(event_types) > 0),
      description text not null default '',
      secret_sealed text not null,
      active boolean not null default true,
      failing_since timestamptz,
      disabled_at timestamptz,
      disabled_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz
    );
    -- Listing an owner's subscriptions newest first, and the dispatcher's match per batch
    -- (account_id is null for global subscriptions).
    create index webhook_subscriptions_owner_idx
      on webhook_subscriptions (account_id, created_at desc, id) where deleted_at is null;

    -- One row per attempt; attempt 1 is written pending when the event is dispatched.
    create table webhook_deliveries (
      id bigint generated always as identity primary key,
      subscription_id uuid not null references webhook_subscriptions (id) on delete cascade,
      event_id uuid not null,
      event_type text not null,
      attempt int not null check (attempt >= 1),
      status text not null default 'pending'
        check (status in ('pending', 'delivered', 'failed', 'skipped')),
      status_code int,
      error text,
      duration_ms int,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      unique (subscription_id, event_id, attempt)
    );
    -- At most one success per subscription and event: a re-run job sees it and sends nothing.
    create unique index webhook_deliveries_delivered_idx
      on webhook_deliveries (subscription_id, event_id) where status = 'delivered';
    create index webhook_deliveries_log_idx on webhook_deliveries (subscription_id, id desc);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists webhook_deliveries, webhook_subscriptions`.execute(db);
}
