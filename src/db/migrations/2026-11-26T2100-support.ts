import { type Kysely, sql } from "kysely";

// Support levels, offers, subscriptions, Fast-Path, business calendars, tickets and SLA.
// Frozen once shipped: add a new migration instead of editing this one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table support_levels (
      code text primary key check (code in ('standard', 'premium', 'business', 'enterprise', 'partner')),
      rank int not null unique,
      name jsonb not null
    );

    create table offers (
      id uuid primary key default gen_random_uuid(),
      universe text not null references universes (code),
      level text not null references support_levels (code),
      -- 'all' offers are sold to everyone; 'commercial-partner' only to partners of that universe.
      audience text not null default 'all' check (audience in ('all', 'commercial-partner')),
      price_model text not null check (price_model in ('flat', 'percent')),
      price_cents int not null default 0 check (price_cents >= 0),
      price_percent numeric(5, 2) check (price_percent is null or price_percent between 0 and 100),
      price_minimum_cents int not null default 0 check (price_minimum_cents >= 0),
      currency text not null default 'EUR',
      channels text[] not null,
      coverage text not null check (coverage in ('business-hours', '24x7', '24x7-critical')),
      languages text[] not null,
      entry_tier text not null check (entry_tier in ('L1', 'L2', 'L3', 'TAM')),
      -- Higher goes first in a queue at equal due time.
      queue_priority int not null,
      first_response_minutes jsonb not null,
      update_minutes jsonb not null,
      active boolean not null default true,
      unique (universe, level),
      check (price_model <> 'percent' or price_percent is not null)
    );

    create table subscriptions (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      universe text not null references universes (code),
      offer_id uuid not null references offers (id),
      starts_at timestamptz not null,
      ends_at timestamptz,
      created_at timestamptz not null default now(),
      check (ends_at is null or ends_at > starts_at)
    );
    create index subscriptions_account_idx on subscriptions (account_id, universe, starts_at);

    create table fast_path_subscriptions (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references accounts (id) on delete cascade,
      price_cents int not null,
      currency text not null default 'EUR',
      yearly_quota int not null check (yearly_quota > 0),
      starts_at timestamptz not null,
      ends_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index fast_path_account_idx on fast_path_subscriptions (account_id, starts_at);

    create table business_calendars (
      code text primary key check (code ~ '^[A-Za-z0-9-]{2,32}$'),
      name text not null,
      time_zone text not null,
      -- {"mon": [["09:00","18:00"]], ...} in the calendar's own time zone.
      weekly_hours jsonb not null,
      -- ["2026-12-25", ...] local dates on which the calendar is closed all day.
      holidays jsonb not null default '[]'
    );
    alter table regions add column calendar text references business_calendars (code);

    create sequence ticket_number_seq start 100000;

    create table tickets (
      id uuid primary key default gen_random_uuid(),
      number bigint not null unique default nextval('ticket_number_seq'),
      account_id uuid not null references accounts (id),
      requester_user_id uuid references users (id) on delete set null,
      service_id uuid references services (id) on delete set null,
      product text references products (code),
      universe text not null references universes (code),
      category text not null
        check (category in ('incident', 'assistance', 'billing', 'commercial', 'account')),
      impact text not null check (impact in ('low', 'medium', 'high')),
      urgency text not null check (urgency in ('low', 'medium', 'high')),
      severity text not null check (severity in ('critical', 'high', 'medium', 'low')),
      subject text not null,
      language text not null check (language in ('en', 'fr', 'ru')),
      status text not null default 'open' check (status in
        ('open', 'waiting-for-customer', 'waiting-for-provider', 'on-hold', 'solved', 'closed')),
      responsibility_area text,
      out_of_perimeter boolean not null default false,
      fast_path boolean not null default false,
      -- The entitlement decided at creation: level, offer, coverage, targets, entry tier, why.
      entitlement jsonb not null,
      calendar text references business_calendars (code),
      queue_priority int not null,
      tier text not null check (tier in ('L1', 'L2', 'L3', 'TAM')),
      assigned_staff_id uuid references staff (id) on delete set null,
      -- SLA clocks: the running one has a due time; a paused one keeps its remaining minutes.
      first_response_due_at timestamptz,
      first_responded_at timestamptz,
      next_response_due_at timestamptz,
      sla_clock text check (sla_clock in ('first-response', 'next-response')),
      sla_paused_remaining_minutes numeric,
      due_at timestamptz,
      warned_at timestamptz,
      breached_at timestamptz,
      solved_at timestamptz,
      closed_at timestamptz,
      reopened_count int not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    -- Agent queues: unassigned open tickets of one (universe, tier, language), most urgent first.
    create index tickets_queue_idx on tickets (universe, tier, language, due_at, queue_priority desc)
      where assigned_staff_id is null and status in ('open', 'waiting-for-provider');
    create index tickets_assignee_idx on tickets (assigned_staff_id, status, due_at)
      where assigned_staff_id is not null;
    create index tickets_account_idx on tickets (account_id, created_at desc, id);
    create index tickets_service_idx on tickets (service_id, created_at desc, id);
    -- The SLA sweeper reads only tickets whose running clock is due soon.
    create index tickets_due_idx on tickets (due_at) where due_at is not null;
    create index tickets_solved_idx on tickets (solved_at) where status = 'solved';

    create table ticket_messages (
      id uuid primary key default gen_random_uuid(),
      ticket_id uuid not null references tickets (id) on delete cascade,
      kind text not null check (kind in ('customer', 'agent', 'internal', 'system')),
      author_user_id uuid references users (id) on delete set null,
      author_staff_id uuid references staff (id) on delete set null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index ticket_messages_ticket_idx on ticket_messages (ticket_id, created_at, id);

    create table ticket_attachments (
      id uuid primary key default gen_random_uuid(),
      message_id uuid not null references ticket_messages (id) on delete cascade,
      filename text not null,
      content_type text not null,
      size_bytes int not null check (size_bytes > 0),
      sha256 text not null,
      storage_key text not null,
      created_at timestamptz not null default now()
    );
    create index ticket_attachments_message_idx on ticket_attachments (message_id);

    create table sla_events (
      id bigint generated always as identity primary key,
      ticket_id uuid not null references tickets (id) on delete cascade,
      clock text not null check (clock in ('first-response', 'next-response')),
      kind text not null check (kind in ('warning', 'breach')),
      due_at timestamptz not null,
      at timestamptz not null,
      unique (ticket_id, clock, kind, due_at)
    );
    create index sla_events_at_idx on sla_events (at);

    create table ticket_escalations (
      id bigint generated always as identity primary key,
      ticket_id uuid not null references tickets (id) on delete cascade,
      from_tier text not null,
      to_tier text not null,
      reason text not null check (reason in ('manual', 'breach', 'rating')),
      by_staff_id uuid references staff (id) on delete set null,
      at timestamptz not null
    );
    create index ticket_escalations_ticket_idx on ticket_escalations (ticket_id, at);

    create table answer_ratings (
      message_id uuid primary key references ticket_messages (id) on delete cascade,
      ticket_id uuid not null references tickets (id) on delete cascade,
      staff_id uuid references staff (id) on delete set null,
      user_id uuid references users (id) on delete set null,
      rating text not null check (rating in ('solved', 'not-answered')),
      comment text,
      created_at timestamptz not null
    );
    create index answer_ratings_staff_idx on answer_ratings (staff_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists answer_ratings, ticket_escalations, sla_events, ticket_attachments,
      ticket_messages, tickets, fast_path_subscriptions, subscriptions, offers, support_levels
      cascade;
    drop sequence if exists ticket_number_seq;
    alter table regions drop column if exists calendar;
    drop table if exists business_calendars cascade;
  `.execute(db);
}
