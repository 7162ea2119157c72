import { v7 as uuidv7 } from "uuid";
import type { Database } from "../../db/database.ts";
import { announceOutbox } from "../../db/outbox-signal.ts";
import type { Universe } from "../../db/schema.ts";
import { inTransaction, noteOutboxWritten } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor, UserPrincipal } from "../../http/principal.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";
import { outboxRows } from "../../jobs/outbox.ts";
import { auditRows } from "../audit/recorder.ts";
import { authorizeService, type ServiceAction } from "../services/policy.ts";
import { loadServiceFor } from "../services/service.ts";
import { resolveEntitlementWithCalendar } from "../support/entitlement.ts";
import type { TermsInForce } from "../support/levels.ts";
import { claimAttachments } from "./attachments.ts";
import { clockPatch } from "./clock-store.ts";
import { findServiceWithTerms, insertNewTicket } from "./creation-repository.ts";
import { planRouting } from "./hooks.ts";
import { nextTicketNumber } from "./numbers.ts";
import { type AreaRow, isOutOfPerimeter, requireArea } from "./perimeter.ts";
import { presentTicket } from "./presenter.ts";
import type { TicketView } from "./repository.ts";
import { CATEGORIES_NEEDING_AREA, SERVICE_CATEGORY_ACTION, severityOf } from "./rules.ts";
import type { CreateTicketBody } from "./schemas.ts";
import { applyClockEvent, noClock } from "./sla-clock.ts";
import { accountNotices, ticketAuditEntries } from "./transitions.ts";

const fieldError = (field: string, message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, [{ field, in: "body", message }]);

/** The service a ticket is about, as entitlement and the ticket row need it. */
export interface TicketSubject {
  service: {
    id: string;
    name: string;
    product: string;
    universe: Universe;
    adminAccountId: string;
    techAccountId: string;
    billingAccountId: string;
    /** The admin account's level in force, when it was read with the service. */
    adminTerms?: TermsInForce | undefined;
  } | null;
  universe: Universe;
}

/**
 * What a ticket is about: a service the caller's account holds a role on that allows the
 * category (404 with no role at all, 403 with a role that does not allow it), or, for
 * commercial and account questions, just a universe. With `termsAt`, the service's admin's
 * level in force at that instant is read with the service, in the same round trip, for
 * entitlement to use.
 */
export async function resolveSubject(
  ctx: AppContext,
  user: UserPrincipal,
  category: CreateTicketBody["category"],
  serviceName: string | undefined,
  universe: Universe | undefined,
  where: "body" | "query" = "body",
  termsAt?: Date,
): Promise<TicketSubject> {
  const error = (field: string, message: string) =>
    new AppError("validation_failed", `${field}: ${message}`, [{ field, in: where, message }]);
  const action = SERVICE_CATEGORY_ACTION[category];
  if (action === undefined) {
    if (serviceName !== undefined) {
      throw error("service", `${category} questions concern no service; name a universe instead`);
    }
    if (universe === undefined) throw error("universe", `required for ${category} questions`);
    return { service: null, universe };
  }
  if (serviceName === undefined) throw error("service", `required for ${category} tickets`);
  const { service, adminTerms } = termsAt
    ? await serviceWithTermsFor(ctx, user, serviceName, action, termsAt)
    : { ...(await loadServiceFor(ctx, user, serviceName, action)), adminTerms: undefined };
  const serviceUniverse = service.universe as Universe;
  if (universe !== undefined && universe !== serviceUniverse) {
    throw error("universe", `service ${service.name} is in the ${serviceUniverse} universe`);
  }
  return {
    service: {
      id: service.id,
      name: service.name,
      product: service.product,
      universe: serviceUniverse,
      adminAccountId: service.admin_account_id,
      techAccountId: service.tech_account_id,
      billingAccountId: service.billing_account_id,
      adminTerms,
    },
    universe: serviceUniverse,
  };
}

/** `loadServiceFor` reading the admin's terms with the service (see `findServiceWithTerms`). */
async function serviceWithTermsFor(
  ctx: AppContext,
  user: UserPrincipal,
  serviceName: string,
  action: ServiceAction,
  at: Date,
) {
  const found = await findServiceWithTerms(ctx.db, serviceName.toLowerCase(), at);
  if (!found) throw notFound("Service");
  authorizeService(user, found.service, action);
  return found;
}

/**
 * Opens a ticket in one transaction: entitlement, the ticket with its first-response clock,
 * the first customer message and its attachments, audit, the `ticket.created` notices, then
 * the creation hooks (routing). Only customers open tickets.
 */
export async function createTicket(ctx: AppContext, actor: Actor, input: CreateTicketBody) {
  const { principal } = actor;
  if (principal.kind !== "user") throw forbidden("Only customers open tickets; staff answer them");
  const now = ctx.clock.now();
  const subject = await resolveSubject(
    ctx,
    principal,
    input.category,
    input.service,
    input.universe,
    "body",
    now,
  );
  const { service } = subject;

  let area: AreaRow | null = null;
  if (input.area !== undefined) {
    if (!service) throw fieldError("area", `${input.category} questions concern no product matrix`);
    area = await requireArea(ctx.db, service.product, input.area);
  } else if (CATEGORIES_NEEDING_AREA.includes(input.category)) {
    throw fieldError("area", `required for ${input.category} tickets: which area of the matrix?`);
  }

  const ticket = { subject, area, input, now };
  // A plain ticket is written by one statement, its own transaction. Fast-Path locks the
  // partner's subscription while it counts the year's uses, and attachments are claimed by a
  // second statement: those run in a transaction.
  const alone = !(input.fastPath ?? false) && (input.attachments ?? []).length === 0;
  const created = alone
    ? await writeTicket(ctx, ctx.db, principal, actor, ticket)
    : await inTransaction(ctx.db, (trx) => writeTicket(ctx, trx, principal, actor, ticket));
  // The creator may read what it wrote: presented from the written row, not read again.
  return presentTicket(principal, created.view);
}

/** What `writeTicket` needs once the subject and the matrix area are settled. */
export interface NewTicket {
  subject: TicketSubject;
  area: AreaRow | null;
  input: CreateTicketBody;
  now: Date;
}

/**
 * The writes of `createTicket` through `db`: the caller's transaction, for channels that own
 * theirs (inbound mail records its own outcome in the same one), or the database itself, when
 * nothing else is written and the ticket's one statement is its own transaction. The subject
 * and area are already checked; returns the new ticket's id and number and its first message's
 * id.
 */
export async function writeTicket(
  ctx: Pick<AppContext, "db">,
  db: Database,
  principal: UserPrincipal,
  actor: Actor,
  { subject, area, input, now }: NewTicket,
): Promise<{ id: string; number: number; messageId: string; view: TicketView }> {
  const { service } = subject;
  const severity = severityOf(input.impact, input.urgency);
  const { entitlement, calendar } = await resolveEntitlementWithCalendar(db, {
    requester: principal,
    service,
    universe: subject.universe,
    severity,
    fastPath: input.fastPath ?? false,
    now,
  });
  const slaClock = applyClockEvent(
    noClock,
    { kind: "created" },
    {
      calendar,
      targets: {
        firstResponseMinutes: entitlement.firstResponseMinutes,
        nextResponseMinutes: entitlement.updateMinutes,
      },
      now,
      status: "open",
    },
  );
  const language = input.language ?? principal.language;
  const row = {
    id: uuidv7(),
    number: await nextTicketNumber(db, ctx.db),
    account_id: principal.accountId,
    requester_user_id: principal.userId,
    service_id: service?.id ?? null,
    product: service?.product ?? null,
    universe: subject.universe,
    category: input.category,
    impact: input.impact,
    urgency: input.urgency,
    severity,
    subject: input.subject,
    language,
    status: "open" as const,
    responsibility_area: area?.area ?? null,
    out_of_perimeter: area !== null && isOutOfPerimeter(area.owner),
    fast_path: entitlement.fastPath,
    calendar: entitlement.calendar,
    queue_priority: entitlement.queuePriority,
    tier: entitlement.entryTier,
    assigned_staff_id: null,
    ...clockPatch(slaClock),
    created_at: now,
    updated_at: now,
  };
  const names = {
    account_nic: principal.nicHandle,
    requester_name: principal.name,
    service_name: service?.name ?? null,
    admin_account_id: service?.adminAccountId ?? null,
    tech_account_id: service?.techAccountId ?? null,
    billing_account_id: service?.billingAccountId ?? null,
  };
  // The ticket as it will read once written, unassigned: what its notices and audit say.
  const expected = { ...row, ...names, entitlement: { ...entitlement } };
  const plan = planRouting(expected);
  const messageId = uuidv7();
  const filled = await insertNewTicket(db, {
    ticket: { ...row, entitlement: JSON.stringify(entitlement) },
    message: {
      id: messageId,
      kind: "customer",
      author_user_id: principal.userId,
      author_staff_id: null,
      body: input.body,
      created_at: now,
    },
    audit: auditRows(
      actor,
      ticketAuditEntries(expected, "ticket.created", {
        category: row.category,
        severity,
        service: service?.name ?? null,
        level: entitlement.level,
        fastPath: entitlement.fastPath,
        outOfPerimeter: row.out_of_perimeter,
      }),
    ),
    outbox: outboxRows(
      accountNotices("ticket.created", expected, {
        level: entitlement.level,
        requesterNic: principal.nicHandle,
      }),
    ),
    routing: plan && { pick: plan.pick, announcement: plan.announcement(expected) },
  });
  if (!noteOutboxWritten(db)) announceOutbox(ctx.db);
  await claimAttachments(db, principal, input.attachments ?? [], messageId);
  // The ticket as written: what the database filled completes what this command wrote.
  const paused = row.sla_paused_remaining_minutes;
  const view: TicketView = {
    ...row,
    ...filled,
    // Read back, numeric columns are strings and jsonb is parsed.
    sla_paused_remaining_minutes: paused === null ? null : String(paused),
    entitlement: expected.entitlement,
    ...names,
  };
  return { id: row.id, number: row.number, messageId, view };
}
