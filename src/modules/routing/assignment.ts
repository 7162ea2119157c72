import { sql } from "kysely";
import type { Database } from "../../db/database.ts";
import type { StaffTier } from "../../db/schema.ts";
import type { Actor } from "../../http/principal.ts";
import { enqueue, outboxRows } from "../../jobs/outbox.ts";
import { auditRows, recordAudit } from "../audit/recorder.ts";
import type { AnnouncedTicket, AssignmentRows } from "../tickets/hooks.ts";
import { type TicketRow, updateTicket } from "../tickets/repository.ts";
import { formatTicketNumber } from "../tickets/rules.ts";
import { type Candidate, lockLeastLoaded, regionOfAccount, type Skills } from "./repository.ts";
import { routeTiers } from "./rules.ts";

/**
 * Choosing and recording who handles a ticket. Everything here runs inside the caller's
 * transaction (ticket creation, an escalation, a rating, the SLA sweeper), with the ticket row
 * already locked or just written.
 */

/** What staff notices say about a ticket. */
export function staffNotice(ticket: AnnouncedTicket) {
  return {
    ticketId: ticket.id,
    number: formatTicketNumber(ticket.number),
    subject: ticket.subject,
    severity: ticket.severity,
    universe: ticket.universe,
    language: ticket.language,
    tier: ticket.tier,
    dueAt: ticket.due_at?.toISOString() ?? null,
  };
}

/**
 * The skills a ticket asks for. Business-hours tickets (those measured on a calendar) need an
 * agent in the customer's region, the region of the account whose subscription applies; 24/7
 * tickets take anyone.
 */
export async function skillsFor(
  db: Database,
  ticket: SkillsSource,
  exclude: readonly string[] = [],
): Promise<Skills> {
  const recorded = recordedSkills(ticket, exclude);
  if (recorded) return recorded;
  // Entitlements record the subscriber's region; older ones only its id.
  const subscriber = (ticket.entitlement as Record<string, unknown>).subscriberAccountId;
  const region =
    (typeof subscriber === "string" ? await regionOfAccount(db, subscriber) : null) ??
    (await regionOfAccount(db, ticket.account_id));
  return { ...anyRegion(ticket, exclude), region };
}

type SkillsSource = Pick<
  TicketRow,
  "calendar" | "entitlement" | "account_id" | "universe" | "product" | "language"
>;

/** The skills with no region asked for (24/7 tickets). */
const anyRegion = (ticket: SkillsSource, exclude: readonly string[]): Skills => ({
  universe: ticket.universe,
  product: ticket.product,
  language: ticket.language,
  region: null,
  exclude,
});

/**
 * The skills when the ticket itself says all of them: always for 24/7 tickets and for
 * entitlements that record the subscriber's region (every new ticket's); null otherwise.
 */
export function recordedSkills(ticket: SkillsSource, exclude: readonly string[] = []) {
  const skills = anyRegion(ticket, exclude);
  if (ticket.calendar === null) return skills;
  const region = (ticket.entitlement as Record<string, unknown>).subscriberRegion;
  return typeof region === "string" ? { ...skills, region } : null;
}

/**
 * The least loaded available staff member of the tier with the skills, its row locked until
 * the caller commits, or null. The lock re-checks the load, so two concurrent assignments
 * never push anyone past capacity.
 */
export async function pickAgent(
  db: Database,
  tier: StaffTier,
  skills: Skills,
): Promise<Candidate | null> {
  return (await lockLeastLoaded(db, [tier], skills)) ?? null;
}

export interface Assignment {
  staffId: string;
  tier: StaffTier;
  /** Why: routing by Palier, or a person's decision. */
  how: "automatic" | "assigned" | "taken";
  actor: Actor | null;
}

/**
 * Hands the ticket to a staff member: the assignee, and the tier when an L3 expert takes an
 * Enterprise ticket from the TAM team. Audited without a customer account (routing is staff
 * business) and announced to the new and the previous assignee.
 */
export async function assignTicket(
  db: Database,
  ticket: TicketRow,
  assignment: Assignment,
): Promise<void> {
  await updateTicket(db, ticket.id, {
    assigned_staff_id: assignment.staffId,
    tier: assignment.tier,
  });
  await announceAssignment(db, ticket, assignment);
}

/**
 * Audits an assignment and tells the new and the previous assignee; `ticket` is the row as it
 * was before the assignment (its assignee and tier are the previous ones).
 */
export async function announceAssignment(
  db: Database,
  ticket: TicketRow,
  assignment: Assignment,
): Promise<void> {
  const previous = ticket.assigned_staff_id;
  const tier = assignment.tier;
  await recordAudit(db, assignment.actor, {
    action: "ticket.assigned",
    subjectKind: "ticket",
    subjectId: ticket.id,
    accountId: null,
    details: {
      number: formatTicketNumber(ticket.number),
      staffId: assignment.staffId,
      previousStaffId: previous,
      tier,
      ...(tier !== ticket.tier ? { fromTier: ticket.tier } : {}),
      how: assignment.how,
    },
  });
  const notice = { ...staffNotice(ticket), tier, how: assignment.how };
  await enqueue(db, {
    topic: "ticket.assigned",
    recipientStaffId: assignment.staffId,
    payload: notice,
  });
  if (previous !== null && previous !== assignment.staffId) {
    await enqueue(db, { topic: "ticket.unassigned", recipientStaffId: previous, payload: notice });
  }
}

/**
 * What `announceAssignment` writes for the automatic assignment of a ticket being created, as
 * rows over the creating statement's `pick`: only that statement knows the assignee and tier.
 * `ticket` is the row as it would be written unassigned, in its entry tier.
 */
export function automaticAssignmentRows(ticket: AnnouncedTicket): AssignmentRows {
  const how = "automatic";
  const [audit] = auditRows(null, [
    {
      action: "ticket.assigned",
      subjectKind: "ticket",
      subjectId: ticket.id,
      accountId: null,
      details: { number: formatTicketNumber(ticket.number), previousStaffId: null, how },
    },
  ]);
  const [outbox] = outboxRows([
    { topic: "ticket.assigned", payload: { ...staffNotice(ticket), how } },
  ]);
  if (!audit || !outbox) throw new Error("one audit entry and one notice were built");
  const fromTier = sql`case when pick.tier = ${ticket.tier} then '{}'::jsonb
    else jsonb_build_object('fromTier', ${ticket.tier}::text) end`;
  return {
    audit: {
      ...audit,
      details: sql`${audit.details}::jsonb
        || jsonb_build_object('staffId', pick.id, 'tier', pick.tier) || ${fromTier}`,
    },
    outbox: {
      ...outbox,
      recipient_staff_id: sql`pick.id`,
      payload: sql`${outbox.payload}::jsonb || jsonb_build_object('tier', pick.tier)`,
    },
  };
}

/** Takes the ticket out of anyone's hands: it waits in its queue again. */
export async function releaseTicket(
  db: Database,
  ticket: TicketRow,
  actor: Actor | null,
  why: string,
): Promise<void> {
  const previous = ticket.assigned_staff_id;
  if (previous === null) return;
  await updateTicket(db, ticket.id, { assigned_staff_id: null });
  await recordAudit(db, actor, {
    action: "ticket.unassigned",
    subjectKind: "ticket",
    subjectId: ticket.id,
    accountId: null,
    details: { number: formatTicketNumber(ticket.number), previousStaffId: previous, why },
  });
  await enqueue(db, {
    topic: "ticket.unassigned",
    recipientStaffId: previous,
    payload: { ...staffNotice(ticket), why },
  });
}

/**
 * Routes an unassigned ticket: the least loaded available agent of its tier (Enterprise: TAM,
 * then L3), else it stays in its queue. Returns the assignee, or null.
 */
export async function autoAssign(
  db: Database,
  ticket: TicketRow,
  options: { exclude?: readonly string[]; actor?: Actor | null } = {},
): Promise<Candidate | null> {
  const chosen = await chooseAgent(db, ticket, options.exclude ?? []);
  if (!chosen) return null;
  await assignTicket(db, ticket, {
    staffId: chosen.id,
    tier: chosen.tier,
    how: "automatic",
    actor: options.actor ?? null,
  });
  return chosen;
}

/**
 * The agent routing gives a ticket (its row locked until the caller commits) and the tier it
 * works in, or null when nobody with the skills has room: one query over the ticket's tiers
 * (Enterprise: TAM, then L3).
 */
export async function chooseAgent(
  db: Database,
  ticket: Parameters<typeof skillsFor>[1] & Pick<TicketRow, "tier">,
  exclude: readonly string[] = [],
): Promise<Candidate | null> {
  const skills = await skillsFor(db, ticket, exclude);
  return (await lockLeastLoaded(db, routeTiers(ticket.tier), skills)) ?? null;
}
