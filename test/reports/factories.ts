import { randomInt } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import type {
  Language,
  Severity,
  SlaClock,
  StaffTier,
  TicketStatus,
  Universe,
} from "../../src/db/schema.ts";
import { uniqueSuffix } from "../helpers/factories.ts";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * A two-day window in a random past month (1990-2019) that only this file's tickets occupy:
 * the database is shared with every other test file, so reports are asked about this window.
 */
export function pastWindow() {
  const start = Date.UTC(1990 + randomInt(30), randomInt(12), 1 + randomInt(25), randomInt(24));
  const from = new Date(start);
  const to = new Date(start + 2 * DAY);
  return {
    from,
    to,
    /** An instant `minutes` after the window opens. */
    at: (minutes: number) => new Date(start + minutes * MINUTE),
    query: `from=${from.toISOString()}&to=${to.toISOString()}`,
  };
}

export interface ReportTicket {
  accountId: string;
  universe: Universe;
  createdAt: Date;
  level?: string;
  severity?: Severity;
  status?: TicketStatus;
  tier?: StaffTier;
  language?: Language;
  fastPath?: boolean;
  assignedStaffId?: string | null;
  firstResponseDueAt?: Date | null;
  firstRespondedAt?: Date | null;
  slaClock?: SlaClock | null;
  dueAt?: Date | null;
  breachedAt?: Date | null;
  solvedAt?: Date | null;
  reopenedCount?: number;
}

/** A ticket row as the tickets module would leave it, with only what reports read set. */
export async function insertReportTicket(db: Database, t: ReportTicket): Promise<string> {
  const row = await db
    .insertInto("tickets")
    .values({
      account_id: t.accountId,
      requester_user_id: null,
      service_id: null,
      product: null,
      universe: t.universe,
      category: "commercial",
      impact: "medium",
      urgency: "medium",
      severity: t.severity ?? "medium",
      subject: `Report ticket ${uniqueSuffix()}`,
      language: t.language ?? "en",
      status: t.status ?? "open",
      fast_path: t.fastPath ?? false,
      entitlement: JSON.stringify({ level: t.level ?? "standard" }),
      calendar: null,
      queue_priority: 10,
      tier: t.tier ?? "L1",
      assigned_staff_id: t.assignedStaffId ?? null,
      first_response_due_at: t.firstResponseDueAt ?? null,
      first_responded_at: t.firstRespondedAt ?? null,
      sla_clock: t.slaClock ?? null,
      due_at: t.dueAt ?? null,
      breached_at: t.breachedAt ?? null,
      solved_at: t.solvedAt ?? null,
      reopened_count: t.reopenedCount ?? 0,
      created_at: t.createdAt,
      updated_at: t.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertBreachEvent(
  db: Database,
  ticketId: string,
  clock: SlaClock,
  dueAt: Date,
): Promise<void> {
  await db
    .insertInto("sla_events")
    .values({ ticket_id: ticketId, clock, kind: "breach", due_at: dueAt, at: dueAt })
    .execute();
}

/** A public agent answer on the ticket, rated by the customer at `at`. */
export async function rateAnswer(
  db: Database,
  input: {
    ticketId: string;
    staffId: string;
    rating: "solved" | "not-answered";
    at: Date;
  },
): Promise<void> {
  const message = await db
    .insertInto("ticket_messages")
    .values({
      ticket_id: input.ticketId,
      kind: "agent",
      author_user_id: null,
      author_staff_id: input.staffId,
      body: "An answer",
      created_at: input.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("answer_ratings")
    .values({
      message_id: message.id,
      ticket_id: input.ticketId,
      staff_id: input.staffId,
      user_id: null,
      rating: input.rating,
      comment: null,
      created_at: input.at,
    })
    .execute();
}
