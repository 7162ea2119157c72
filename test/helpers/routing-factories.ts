import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import type { Database } from "../../src/db/database.ts";
import type { Language, LevelCode, StaffRole, StaffTier, Universe } from "../../src/db/schema.ts";
import { type TestContext, testContext } from "./context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestStaff,
  type TestUser,
} from "./factories.ts";
import { subscribe } from "./support-factories.ts";
import { type Json, postTicket, thawClock, ticketRow } from "./ticket-factories.ts";

/**
 * Routing tests share the worker's database with every other test file, whose staff are
 * candidates too. Tickets here are written in Russian, for customers outside the EU where a
 * business-hours level asks for a local agent; the staff other files create speak English (or
 * French), so the candidates are the ones a test creates. Each test retires its crew
 * (deactivates it) when it ends, so the next test starts with no candidate of its own.
 *
 * On PostgreSQL every worker shares one database, so two routing files running at once would
 * see each other's crews: `routingWorld` holds an advisory lock for the whole file, and the
 * routing files run one after the other (PGlite gives each worker a database of its own).
 */

/** Holds the routing tests' advisory lock on PostgreSQL; returns its release. */
async function holdRoutingLock(): Promise<() => Promise<void>> {
  const url = inject("testDatabaseUrl");
  if (!url) return async () => {};
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("select pg_advisory_lock(hashtext('palier-routing-tests'))");
  return async () => {
    await client.query("select pg_advisory_unlock(hashtext('palier-routing-tests'))");
    await client.end();
  };
}

export interface RoutingWorld {
  ctx: TestContext;
  crew: Crew;
}

/**
 * The hooks every routing test file needs: the lock, the shared context, a crew retired after
 * each test, and the shared test clock thawed. The world is filled in by the first beforeAll.
 */
export function routingWorld(): RoutingWorld {
  const world = {} as RoutingWorld;
  let release = async () => {};
  beforeAll(async () => {
    release = await holdRoutingLock();
    world.ctx = await testContext();
    world.crew = new Crew(world.ctx.db);
  });
  afterEach(async () => {
    thawClock(world.ctx.clock);
    await world.crew.retire();
  });
  afterAll(async () => {
    await world.crew?.retire();
    await release();
  });
  return world;
}

/** Products whose matrix has a "hypervisor" area, the ticket factories' default. */
export const PRODUCT_IN: Record<Exclude<Universe, "market">, string> = {
  server: "vps",
  "public-cloud": "instance",
  enterprise: "hosted-private-cloud",
};

export interface CrewMember extends TestStaff {
  tier: StaffTier;
}

export interface MemberOptions {
  tier: StaffTier;
  role?: StaffRole;
  languages?: Language[];
  universes?: string[];
  products?: string[];
  region?: string;
  max?: number;
}

/** Staff created for one test and deactivated together at its end. */
export class Crew {
  readonly ids: string[] = [];
  constructor(private readonly db: Database) {}

  async add(options: MemberOptions): Promise<CrewMember> {
    const staff = await createStaff(this.db, {
      role: options.role ?? "agent",
      tier: options.tier,
      universes: options.universes ?? ["enterprise"],
      region: options.region ?? "US",
    });
    await this.db
      .updateTable("staff")
      .set({
        languages: options.languages ?? ["ru"],
        products: options.products ?? [],
        max_concurrent_tickets: options.max ?? 10,
      })
      .where("id", "=", staff.id)
      .execute();
    this.ids.push(staff.id);
    return { ...staff, tier: options.tier };
  }

  /** Deactivates every member, so no later test routes to them. */
  async retire(): Promise<void> {
    if (this.ids.length === 0) return;
    await this.db.updateTable("staff").set({ active: false }).where("id", "in", this.ids).execute();
    this.ids.length = 0;
  }
}

export interface RoutingCustomer {
  user: TestUser;
  service: TestService;
}

/** A direct customer of the region with one service in the universe, on `level` there. */
export async function customerWith(
  db: Database,
  options: {
    universe: Exclude<Universe, "market">;
    level?: LevelCode;
    region?: string;
    since?: Date;
  },
): Promise<RoutingCustomer> {
  const account = await createAccount(db, { region: options.region ?? "US", language: "ru" });
  const user = await createUser(db, account);
  const service = await createService(
    db,
    { admin: account },
    { product: PRODUCT_IN[options.universe] },
  );
  if (options.level) {
    await subscribe(db, account.id, options.universe, options.level, options.since);
  }
  return { user, service };
}

/** Opens a Russian incident on the customer's service; returns the presented ticket. */
export async function openRussian(
  ctx: TestContext,
  customer: RoutingCustomer,
  input: { impact?: string; urgency?: string; fastPath?: boolean; by?: TestUser } = {},
): Promise<Json> {
  const { by, ...rest } = input;
  const res = await postTicket(ctx, by ?? customer.user, {
    service: customer.service.name,
    language: "ru",
    ...rest,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Who holds the ticket now, and in which tier. */
export async function routingOf(db: Database, number: string) {
  const row = await ticketRow(db, number);
  return { id: row.id, tier: row.tier, assignee: row.assigned_staff_id, row };
}

/** How many tickets the staff member holds (not solved, not closed). */
export async function loadOf(db: Database, staffId: string): Promise<number> {
  const row = await db
    .selectFrom("tickets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("assigned_staff_id", "=", staffId)
    .where("status", "not in", ["solved", "closed"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Outbox topics sent to one staff member about one ticket, oldest first. */
export async function staffNotices(db: Database, staffId: string, ticketId: string) {
  const rows = await db
    .selectFrom("outbox")
    .select(["topic", "payload"])
    .where("recipient_staff_id", "=", staffId)
    .where((eb) => eb(eb.ref("payload", "->>").key("ticketId" as never), "=", ticketId))
    .orderBy("id")
    .execute();
  return rows.map((row) => row.topic);
}

/** The ticket's `ticket.assigned` audit entries. */
export function assignmentAudits(db: Database, ticketId: string) {
  return db
    .selectFrom("audit_log")
    .select(["account_id", "actor_kind", "details"])
    .where("subject_id", "=", ticketId)
    .where("action", "=", "ticket.assigned")
    .execute();
}
