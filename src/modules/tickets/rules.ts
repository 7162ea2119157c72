import type { Scale, Severity, TicketCategory, TicketStatus } from "../../db/schema.ts";
import type { ServiceAction } from "../services/policy.ts";

/**
 * Severity from impact × urgency (rows: impact, columns: urgency). Both high is critical; one
 * high and one medium is high; one high and one low, or both medium, is medium; the rest low.
 */
export const SEVERITY_MATRIX: Readonly<Record<Scale, Readonly<Record<Scale, Severity>>>> = {
  high: { high: "critical", medium: "high", low: "medium" },
  medium: { high: "high", medium: "medium", low: "low" },
  low: { high: "medium", medium: "low", low: "low" },
};

export function severityOf(impact: Scale, urgency: Scale): Severity {
  return SEVERITY_MATRIX[impact][urgency];
}

/** Categories about one service, and the contact-role action each needs on it. */
export const SERVICE_CATEGORY_ACTION: Readonly<Partial<Record<TicketCategory, ServiceAction>>> = {
  incident: "ticket.technical.open",
  assistance: "ticket.technical.open",
  billing: "ticket.billing.open",
};

/** Incident and assistance tickets must name the area of the product's matrix they concern. */
export const CATEGORIES_NEEDING_AREA: readonly TicketCategory[] = ["incident", "assistance"];

export function needsService(category: TicketCategory): boolean {
  return SERVICE_CATEGORY_ACTION[category] !== undefined;
}

/** Statuses an SLA clock does not run in; it resumes with the time it had left. */
export const PAUSED_STATUSES: readonly TicketStatus[] = ["waiting-for-customer", "on-hold"];
/** Statuses in which no clock exists: the provider has nothing left to answer. */
export const STOPPED_STATUSES: readonly TicketStatus[] = ["solved", "closed"];

/** Statuses staff may set by hand; closing is the customer's or the auto-close job's. */
export const STAFF_STATUSES = [
  "waiting-for-customer",
  "waiting-for-provider",
  "on-hold",
  "solved",
] as const satisfies readonly TicketStatus[];

export const AUTO_CLOSE_AFTER_DAYS = 7;
export const REOPEN_WITHIN_DAYS = 30;
export const DAY_MS = 86_400_000;

const NUMBER_PREFIX = "PAL-";

/** The number customers read and quote, e.g. PAL-100123. */
export function formatTicketNumber(number: number): string {
  return `${NUMBER_PREFIX}${number}`;
}

/** Accepts "PAL-100123" (any case) or the bare number; null when it is neither. */
export function parseTicketNumber(text: string): number | null {
  const match = /^(?:pal-)?([0-9]{1,15})$/i.exec(text);
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  return Number.isSafeInteger(value) ? value : null;
}
