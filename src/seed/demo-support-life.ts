import type {
  MessageKind,
  Scale,
  Severity,
  SlaClock,
  StaffTier,
  TicketStatus,
  TicketsTable,
  Universe,
} from "../db/schema.ts";
import type { UserPrincipal } from "../http/principal.ts";
import { translator } from "../i18n/index.ts";
import type { BusinessCalendar } from "../modules/sla/calendar.ts";
import type { AreaRow } from "../modules/tickets/perimeter.ts";
import { AUTO_CLOSE_AFTER_DAYS, DAY_MS } from "../modules/tickets/rules.ts";
import {
  applyClockEvent,
  type ClockEvent,
  type ClockFields,
  noClock,
} from "../modules/tickets/sla-clock.ts";

/**
 * A demo ticket's life under the tickets module's own rules: every status change and message
 * moves the SLA clocks through the same pure functions, and warnings and breaches are recorded
 * when a clock passes them, as the sweeper would (a breach escalating one tier).
 */

export type Scenario =
  | "fresh"
  | "waiting-customer"
  | "customer-replied"
  | "solved"
  | "solved-after-reply"
  | "on-hold"
  | "escalated"
  | "out-of-perimeter"
  | "rated-not-answered";

export interface StaffRef {
  id: string;
  tier: StaffTier;
  universes: string[];
  languages: string[];
}

export interface DemoTicket {
  createdAt: Date;
  requester: UserPrincipal;
  service: {
    id: string;
    name: string;
    product: string;
    universe: Universe;
    adminAccountId: string;
    techAccountId: string;
  } | null;
  universe: Universe;
  category: TicketsTable["category"];
  impact: Scale;
  urgency: Scale;
  area: AreaRow | null;
  fastPath: boolean;
  subject: string;
  body: string;
  /** The first public answer; the scenario adds what follows. */
  answer: string;
  lines: {
    followUp: string;
    solved: string;
    note: string | null;
    escalation: string;
    hold: string;
  };
  scenario: Scenario;
}

export interface Message {
  kind: MessageKind;
  userId: string | null;
  staffId: string | null;
  body: string;
  at: Date;
  rating?: { rating: "solved" | "not-answered"; at: Date };
}

/** The routing module's escalation order: L1, L2, L3; the TAM team hands over to L3. */
const NEXT_TIER: Record<StaffTier, StaffTier | null> = { L1: "L2", L2: "L3", L3: null, TAM: "L3" };

export interface Targets {
  firstResponseMinutes: number;
  nextResponseMinutes: number;
}
export const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

/** Everything one ticket writes, gathered while its life is played. */
export class Life {
  status: TicketStatus = "open";
  fields: ClockFields = noClock;
  messages: Message[] = [];
  events: { clock: SlaClock; kind: "warning" | "breach"; dueAt: Date; at: Date }[] = [];
  escalations: {
    from: StaffTier;
    to: StaffTier;
    reason: "manual" | "breach";
    by: string | null;
    at: Date;
  }[] = [];
  solvedAt: Date | null = null;
  closedAt: Date | null = null;
  reopened = 0;
  updatedAt: Date;
  assigned: StaffRef | null = null;

  constructor(
    readonly ticket: DemoTicket,
    public tier: StaffTier,
    public severity: Severity,
    private readonly calendar: BusinessCalendar,
    public targets: Targets,
    private readonly agents: (tier: StaffTier, except?: string) => StaffRef | null,
  ) {
    this.updatedAt = ticket.createdAt;
    this.fields = this.clock(noClock, [{ kind: "created" }], ticket.createdAt, "open");
    this.messages.push({
      kind: "customer",
      userId: ticket.requester.userId,
      staffId: null,
      body: ticket.body,
      at: ticket.createdAt,
    });
  }

  private clock(fields: ClockFields, events: ClockEvent[], now: Date, status: TicketStatus) {
    const ctx = { calendar: this.calendar, targets: this.targets, now, status };
    return events.reduce((acc, event) => applyClockEvent(acc, event, ctx), fields);
  }

  /** What the sweeper would have marked before `at`: the warning, then the breach. */
  sweep(at: Date): void {
    const { fields } = this;
    if (fields.slaClock === null || fields.dueAt === null) return;
    if (fields.warnAt !== null && fields.warnAt <= at) {
      this.events.push({
        clock: fields.slaClock,
        kind: "warning",
        dueAt: fields.dueAt,
        at: fields.warnAt,
      });
      this.fields = { ...fields, warnedAt: fields.warnAt, warnAt: null };
    }
    if (this.fields.dueAt !== null && this.fields.dueAt <= at && this.fields.breachedAt === null) {
      const dueAt = this.fields.dueAt;
      this.events.push({ clock: fields.slaClock, kind: "breach", dueAt, at: dueAt });
      this.fields = { ...this.fields, breachedAt: dueAt };
      // The sweeper's own account of the breach, as an internal note.
      const what = `SLA breach: the ${fields.slaClock} clock was due at ${dueAt.toISOString()}`;
      const to = NEXT_TIER[this.tier];
      this.escalate(
        "breach",
        null,
        dueAt,
        to
          ? `${what}; escalated automatically from ${this.tier} to ${to}.`
          : `${what}; the ticket is already with ${this.tier}, the top tier, and stays with its assignee.`,
      );
    }
  }

  /**
   * One tier up with an internal note, as escalateTicket does: the note alone at the top tier
   * (L3), else the escalation row and an agent of the new tier.
   */
  escalate(reason: "manual" | "breach", by: string | null, at: Date, note: string): void {
    this.messages.push({ kind: "internal", userId: null, staffId: by, body: note, at });
    const to = NEXT_TIER[this.tier];
    if (to === null) return;
    this.escalations.push({ from: this.tier, to, reason, by, at });
    this.tier = to;
    this.assigned = this.agents(to, this.assigned?.id);
  }

  /**
   * "Did not answer": reopened with its severity one step up (the targets follow), handed to
   * another agent of the same tier, as the routing module's rating does.
   */
  ratedNotAnswered(at: Date, raised: Severity, targets: Targets): void {
    this.severity = raised;
    this.targets = targets;
    this.reopened += 1;
    const text = translator(this.ticket.requester.language)("ticket.system.reopened");
    this.change(at, "waiting-for-provider", [{ kind: "customer-message" }], text);
    this.assigned = this.agents(this.tier, this.assigned?.id);
  }

  /** A change as writeChange makes it: the status event first, then the message's clock event. */
  change(at: Date, to: TicketStatus, events: ClockEvent[], systemText?: string): void {
    this.sweep(at);
    const from = this.status;
    const all: ClockEvent[] = [
      ...(to !== from ? [{ kind: "status" as const, from, to }] : []),
      ...events,
    ];
    if (all.length > 0) this.fields = this.clock(this.fields, all, at, to);
    if (to !== from) {
      if (to === "solved") [this.solvedAt, this.closedAt] = [at, null];
      else if (to === "closed") this.closedAt = at;
      else if (from === "solved" || from === "closed")
        [this.solvedAt, this.closedAt] = [null, null];
      const t = translator(this.ticket.requester.language);
      const body =
        systemText ??
        t("ticket.system.status", {
          from: t(`ticket.status.${from}`),
          to: t(`ticket.status.${to}`),
        });
      this.messages.push({
        kind: "system",
        userId: null,
        staffId: null,
        body,
        at: new Date(at.getTime() + 1),
      });
    }
    this.status = to;
    this.updatedAt = at;
  }

  answer(at: Date, body: string, to: TicketStatus = this.status): Message {
    const message: Message = {
      kind: "agent",
      userId: null,
      staffId: this.assigned?.id ?? null,
      body,
      at,
    };
    this.messages.push(message);
    this.change(at, to, [{ kind: "agent-answer" }]);
    return message;
  }

  reply(at: Date, body: string): void {
    this.messages.push({
      kind: "customer",
      userId: this.ticket.requester.userId,
      staffId: null,
      body,
      at,
    });
    const to =
      this.status === "solved" || this.status === "waiting-for-customer"
        ? "waiting-for-provider"
        : this.status;
    this.change(at, to, [{ kind: "customer-message" }]);
  }

  note(at: Date, body: string): void {
    this.messages.push({
      kind: "internal",
      userId: null,
      staffId: this.assigned?.id ?? null,
      body,
      at,
    });
  }

  /** Solved a week ago or more without a reply: the auto-close job has closed it. */
  autoClose(now: Date): void {
    if (this.status !== "solved" || this.solvedAt === null) return;
    const at = new Date(this.solvedAt.getTime() + AUTO_CLOSE_AFTER_DAYS * DAY_MS);
    if (at >= now) return;
    const text = translator(this.ticket.requester.language)("ticket.system.autoClosed", {
      days: AUTO_CLOSE_AFTER_DAYS,
    });
    this.change(at, "closed", [], text);
  }
}
