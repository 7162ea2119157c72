import type { Principal } from "../../http/principal.ts";
import type { AttachmentRow, MessageRow } from "./message-repository.ts";
import type { TicketSummaryRow, TicketView } from "./repository.ts";
import { formatTicketNumber } from "./rules.ts";

/**
 * What leaves the API about tickets. Staff-only fields (tier, queue priority, assignee, SLA
 * warning) sit under `staff` and exist only for staff callers; internal notes never reach a
 * customer presenter because customers' queries never load them.
 */

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

type Stored = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown, fallback = 0): number =>
  typeof value === "number" && Number.isFinite(value) ? value : fallback;

function severityMinutes(value: unknown) {
  const v = (value ?? {}) as Stored;
  return { critical: num(v.critical), high: num(v.high), medium: num(v.medium), low: num(v.low) };
}

/** The entitlement recorded at creation: level, offer, coverage, targets, entry tier, why. */
export function presentEntitlement(stored: Stored) {
  const targets = (stored.targets ?? {}) as Stored;
  return {
    level: text(stored.level) ?? "standard",
    levelRank: num(stored.levelRank),
    offerId: text(stored.offerId),
    universe: text(stored.universe) ?? "",
    coverage: text(stored.coverage) ?? "",
    calendar: text(stored.calendar),
    firstResponseMinutes: num(stored.firstResponseMinutes),
    updateMinutes: num(stored.updateMinutes),
    targets: {
      firstResponse: severityMinutes(targets.firstResponse),
      update: severityMinutes(targets.update),
    },
    entryTier: text(stored.entryTier) ?? "",
    fastPath: stored.fastPath === true,
    subscriberNic: text(stored.subscriberNic),
    reasonCode: text(stored.reasonCode) ?? "",
    reason: text(stored.reason) ?? "",
  };
}

function staffFields(principal: Principal, row: TicketSummaryRow) {
  if (principal.kind !== "staff") return {};
  return {
    staff: {
      tier: row.tier,
      queuePriority: row.queue_priority,
      assignedStaffId: row.assigned_staff_id,
      warnedAt: iso(row.warned_at),
      slaWarnAt: iso(row.sla_warn_at),
    },
  };
}

function summary(principal: Principal, row: TicketSummaryRow) {
  return {
    number: formatTicketNumber(row.number),
    subject: row.subject,
    category: row.category,
    status: row.status,
    severity: row.severity,
    universe: row.universe,
    product: row.product,
    serviceName: row.service_name,
    accountNic: row.account_nic,
    language: row.language,
    responsibilityArea: row.responsibility_area,
    outOfPerimeter: row.out_of_perimeter,
    fastPath: row.fast_path,
    level: row.level ?? "standard",
    dueAt: iso(row.due_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...staffFields(principal, row),
  };
}

export function presentTicketSummary(principal: Principal, row: TicketSummaryRow) {
  return summary(principal, row);
}

export function presentTicket(principal: Principal, view: TicketView) {
  const paused = view.sla_paused_remaining_minutes;
  return {
    ...summary(principal, { ...view, level: text((view.entitlement as Stored).level) }),
    impact: view.impact,
    urgency: view.urgency,
    requester: { nicHandle: view.account_nic, name: view.requester_name },
    entitlement: presentEntitlement(view.entitlement as Stored),
    sla: {
      clock: view.sla_clock,
      paused: view.sla_clock !== null && paused !== null,
      dueAt: iso(view.due_at),
      pausedRemainingMinutes: paused === null ? null : Number(paused),
      firstResponseDueAt: iso(view.first_response_due_at),
      firstRespondedAt: iso(view.first_responded_at),
      nextResponseDueAt: iso(view.next_response_due_at),
      breachedAt: iso(view.breached_at),
    },
    solvedAt: iso(view.solved_at),
    closedAt: iso(view.closed_at),
    reopenedCount: view.reopened_count,
  };
}
export type PresentedTicket = ReturnType<typeof presentTicket>;

export function presentAttachment(row: Omit<AttachmentRow, "message_id">) {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
  };
}

function author(row: MessageRow) {
  if (row.kind === "system") return { kind: "system" as const };
  if (row.author_staff_id !== null || row.kind === "agent" || row.kind === "internal") {
    return { kind: "staff" as const, name: row.staff_name };
  }
  return { kind: "customer" as const, name: row.user_name, nicHandle: row.user_nic };
}

export function presentMessage(row: MessageRow, attachments: AttachmentRow[]) {
  return {
    id: row.id,
    kind: row.kind,
    author: author(row),
    body: row.body,
    attachments: attachments.filter((a) => a.message_id === row.id).map(presentAttachment),
    createdAt: row.created_at.toISOString(),
    rating: presentRating(row),
  };
}

/** How the customer rated this answer; null for unrated answers and for other messages. */
function presentRating(row: MessageRow) {
  if (row.rating === null || row.rated_at === null) return null;
  return { value: row.rating, comment: row.rating_comment, createdAt: row.rated_at.toISOString() };
}
