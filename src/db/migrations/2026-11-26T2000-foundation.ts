import { type Kysely, sql } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table regions (
      code text primary key check (code ~ '^[A-Z]{2}$'),
      name text not null,
      time_zone text not null,
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      languages text[] not null
    );

    create table universes (
      code text primary key check (code in ('market', 'server', 'public-cloud', 'enterprise')),
      name text not null,
      position int not null
    );

    create table product_units (
      code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null,
      universe text not null references universes (code)
    );

    create table products (
      code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null,
      universe text not null references universes (code),
      product_unit text not null references product_units (code),
      description text not null default ''
    );
    create index products_universe_idx on products (universe);

    create table responsibility_areas (
      product text not null references products (code) on delete cascade,
      area text not null check (area ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      owner text not null check (owner in ('provider', 'customer', 'shared')),
      explanation jsonb not null,
      position int not null default 0,
      primary key (product, area)
    );

    create table accounts (
      id uuid primary key default gen_random_uuid(),
      nic_handle text not null unique check (nic_handle ~ '^[a-z]{2}[0-9]{1,6}-pal$'),
      kind text not null check (kind in ('individual', 'company')),
      name text not null,
      region text not null references regions (code),
      language text not null check (language in ('en', 'fr', 'ru')),
      programme text not null default 'direct'
        check (programme in ('direct', 'technical-partner', 'commercial-partner')),
      certified_at date,
      created_at timestamptz not null default now(),
      check (programme <> 'technical-partner' or certified_at is not null)
    );

    create table partner_programmes (
      account_id uuid not null references accounts (id) on delete cascade,
      universe text not null references universes (code),
      tier text not null check (tier in ('registered', 'advanced', 'premier')),
      joined_at date not null default current_date,
      primary key (account_id, universe)
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      email text not null,
      name text not null,
      password_hash text not null,
      language text not null check (language in ('en', 'fr', 'ru')),
      time_zone text not null default 'UTC',
      created_at timestamptz not null default now()
    );
    create unique index users_email_idx on users (lower(email));
    create index users_account_idx on users (account_id);

    create table staff (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text not null,
      role text not null check (role in ('agent', 'lead', 'admin')),
      tier text not null check (tier in ('L1', 'L2', 'L3', 'TAM')),
      languages text[] not null,
      universes text[] not null default '{}',
      products text[] not null default '{}',
      region text not null references regions (code),
      max_concurrent_tickets int not null default 10 check (max_concurrent_tickets between 1 and 200),
      active boolean not null default true,
      created_at timestamptz not null default now()
    );
    create unique index staff_email_idx on staff (lower(email));

    create table sessions (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      csrf_token text not null,
      user_id uuid references users (id) on delete cascade,
      staff_id uuid references staff (id) on delete cascade,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      check ((user_id is null) <> (staff_id is null))
    );

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      prefix text not null,
      name text not null,
      scope text not null check (scope in ('read', 'write')),
      user_id uuid references users (id) on delete cascade,
      staff_id uuid references staff (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      last_used_at timestamptz,
      check ((user_id is null) <> (staff_id is null))
    );
    create index api_tokens_user_idx on api_tokens (user_id);
    create index api_tokens_staff_idx on api_tokens (staff_id);

    create table services (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$'),
      product text not null references products (code),
      region text not null references regions (code),
      datacenter text not null,
      status text not null default 'active'
        check (status in ('active', 'suspended', 'expired', 'terminated')),
      admin_account_id uuid not null references accounts (id),
      tech_account_id uuid not null references accounts (id),
      billing_account_id uuid not null references accounts (id),
      created_at timestamptz not null default now()
    );
    create index services_admin_idx on services (admin_account_id, name);
    create index services_tech_idx on services (tech_account_id, name);
    create index services_billing_idx on services (billing_account_id, name);
    create index services_product_idx on services (product, name);

    create table service_resources (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references services (id) on delete cascade,
      kind text not null check (kind in ('ipv4', 'ipv6', 'ip-range', 'domain', 'hostname')),
      value text not null,
      network cidr,
      unique (service_id, kind, value)
    );
    create index service_resources_service_idx on service_resources (service_id);
    create index service_resources_value_idx on service_resources (lower(value));

    create table contact_changes (
      id uuid primary key default gen_random_uuid(),
      service_id uuid not null references services (id) on delete cascade,
      role text not null check (role in ('admin', 'tech', 'billing')),
      from_account_id uuid not null references accounts (id),
      to_account_id uuid not null references accounts (id),
      state text not null default 'todo'
        check (state in ('todo', 'validating', 'done', 'refused', 'expired', 'aborted')),
      requested_by_user_id uuid references users (id) on delete set null,
      requested_by_staff_id uuid references staff (id) on delete set null,
      from_token_hash text not null,
      to_token_hash text not null,
      from_decision text check (from_decision in ('accepted', 'refused')),
      from_decided_at timestamptz,
      to_decision text check (to_decision in ('accepted', 'refused')),
      to_decided_at timestamptz,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      closed_at timestamptz,
      check (from_account_id <> to_account_id)
    );
    -- The database itself refuses a second open task for the same service and role.
    create unique index contact_changes_open_idx on contact_changes (service_id, role)
      where state in ('todo', 'validating');
    create index contact_changes_from_idx on contact_changes (from_account_id, created_at);
    create index contact_changes_to_idx on contact_changes (to_account_id, created_at);
    create index contact_changes_expiry_idx on contact_changes (expires_at)
      where state in ('todo', 'validating');

    create table outbox (
      id bigint generated always as identity primary key,
      topic text not null,
      recipient_account_id uuid references accounts (id) on delete cascade,
      recipient_staff_id uuid references staff (id) on delete cascade,
      payload jsonb not null,
      created_at timestamptz not null default now(),
      delivered_at timestamptz
    );
    create index outbox_pending_idx on outbox (id) where delivered_at is null;
    create index outbox_account_idx on outbox (recipient_account_id, id);

    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_kind text not null check (actor_kind in ('user', 'staff', 'system', 'anonymous')),
      actor_id uuid,
      actor_label text not null,
      account_id uuid references accounts (id) on delete set null,
      action text not null,
      subject_kind text not null,
      subject_id text not null,
      ip text,
      request_id text,
      details jsonb not null default '{}'
    );
    create index audit_log_account_idx on audit_log (account_id, id);
    create index audit_log_subject_idx on audit_log (subject_kind, subject_id, id);

    create table idempotency_keys (
      principal text not null,
      key text not null,
      method text not null,
      path text not null,
      request_hash text not null,
      status_code int,
      response_body jsonb,
      created_at timestamptz not null default now(),
      primary key (principal, key)
    );
    create index idempotency_keys_created_idx on idempotency_keys (created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists idempotency_keys, audit_log, outbox, contact_changes, service_resources,
      services, api_tokens, sessions, staff, users, partner_programmes, accounts,
      responsibility_areas, products, product_units, universes, regions cascade;
  `.execute(db);
}
