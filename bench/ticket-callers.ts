import { sql } from "kysely";
import type { Database } from "../src/db/database.ts";
import { insertApiToken, type TokenOwner } from "../src/modules/auth/repository.ts";
import { agentLocal, BENCH_AGENT_DOMAIN } from "./ticket-data.ts";

export interface TicketCallers {
  /** Write-scoped token of the bench partner's user, who is admin of `billingService`. */
  customerWriteToken: string;
  billingService: string;
  /** Read token of an L1 agent of the busiest queue, and that queue. */
  agentToken: string;
  queue: { universe: string; tier: string; language: string; size: number };
  /** Read token of the bench lead (reports). */
  leadToken: string;
}

async function issueToken(
  db: Database,
  owner: TokenOwner,
  scope: "read" | "write",
): Promise<string> {
  const expiresAt = new Date(Date.now() + 86_400_000);
  return (await insertApiToken(db, owner, { name: "bench tickets", scope, expiresAt })).secret;
}

/**
 * Tokens and targets for the ticket benchmarks, on a database seeded by seedBulk and
 * seedTickets: the bench partner (the account with the most tickets) opening billing tickets
 * on a service it is admin of, and the agent of the busiest unassigned queue.
 */
export async function prepareTicketCallers(db: Database): Promise<TicketCallers> {
  const user = await db
    .selectFrom("users")
    .select(["id", "account_id"])
    .where("email", "=", "bench-partner@example.test")
    .executeTakeFirstOrThrow();
  const service = await db
    .selectFrom("services")
    .select("name")
    .where("admin_account_id", "=", user.account_id)
    .where("billing_account_id", "=", user.account_id)
    .orderBy("name")
    .limit(1)
    .executeTakeFirstOrThrow();
  const queue = await sql<{ universe: string; tier: string; language: string; size: number }>`
    select universe, tier, language, count(*)::int as size from tickets
    where assigned_staff_id is null and status in ('open', 'waiting-for-provider')
    group by 1, 2, 3 order by 4 desc, 1, 2, 3 limit 1
  `.execute(db);
  const busiest = queue.rows[0] ?? { universe: "server", tier: "L1", language: "en", size: 0 };
  const agent = await db
    .selectFrom("staff")
    .select("id")
    .where("email", "=", `${agentLocal(busiest.universe, busiest.tier)}@${BENCH_AGENT_DOMAIN}`)
    .executeTakeFirstOrThrow();
  const lead = await db
    .selectFrom("staff")
    .select("id")
    .where("email", "=", `lead@${BENCH_AGENT_DOMAIN}`)
    .executeTakeFirstOrThrow();
  return {
    customerWriteToken: await issueToken(db, { user_id: user.id, staff_id: null }, "write"),
    billingService: service.name,
    agentToken: await issueToken(db, { user_id: null, staff_id: agent.id }, "read"),
    queue: { ...busiest, size: Number(busiest.size) },
    leadToken: await issueToken(db, { user_id: null, staff_id: lead.id }, "read"),
  };
}
