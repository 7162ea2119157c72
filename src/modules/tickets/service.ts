import type { Database } from "../../db/database.ts";
import type { Universe } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor, UserPrincipal } from "../../http/principal.ts";
import { AppError, forbidden } from "../../http/problem.ts";
import type { Clock } from "../../lib/clock.ts";
import { loadServiceFor } from "../services/service.ts";
import { resolveEntitlementWithCalendar } from "../support/entitlement.ts";
import { claimAttachments } from "./attachments.ts";
import { clockPatch } from "./clock-store.ts";
import { routeNewTicket } from "./hooks.ts";
import { type AreaRow, isOutOfPerimeter, requireArea } from "./perimeter.ts";
import { presentTicket } from "./presenter.ts";
import { insertTicketWithMessage, type TicketView } from "./repository.ts";
import { CATEGORIES_NEEDING_AREA, SERVICE_CATEGORY_ACTION, severityOf } from "./rules.ts";
import type { CreateTicketBody } from "./schemas.ts";
import { applyClockEvent, noClock } from "./sla-clock.ts";
import { auditTicket, notifyAccounts } from "./transitions.ts";

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
  } | null;
  universe: Universe;
}

/**
 * What a ticket is about: a service the caller's account holds a role on that allows the
 * category (404 with no role at all, 403 with a role that does not allow it), or, for
 * commercial and account questions, just a universe.
 */
export async function resolveSubject(
  ctx: AppContext,
  user: UserPrincipal,
  category: CreateTicketBody["category"],
  serviceName: string | undefined,
  universe: Universe | undefined,
  where: "body" | "query" = "body",
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
  const { service } = await loadServiceFor(ctx, user, serviceName, action);
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
    },
    universe: serviceUniverse,
  };
}

/**
 * Opens a ticket in one transaction: entitlement, the ticket with its first-response clock,
 * the first customer message and its attachments, audit, the `ticket.created` notices, then
 * the creation hooks (routing). Only customers open tickets.
 */
export async function createTicket(ctx: AppContext, actor: Actor, input: CreateTicketBody) {
  const { principal } = actor;
  if (principal.kind !== "user") throw forbidden("Only customers open tickets; staff answer them");
  const subject = await resolveSubject(
    ctx,
    principal,
    input.category,
    input.service,
    input.universe,
  );
  const { service } = subject;

  let area: AreaRow | null = null;
  if (input.area !== undefined) {
    if (!service) throw fieldError("area", `${input.category} questions concern no product matrix`);
    area = await requireArea(ctx.db, service.product, input.area);
  } else if (CATEGORIES_NEEDING_AREA.includes(input.category)) {
    throw fieldError("area", `required for ${input.category} tickets: which area of the matrix?`);
  }

  const now = ctx.clock.now();
  const created = await inTransaction(ctx.db, (trx) =>
    writeTicket(trx, ctx.clock, principal, actor, { subject, area, input, now }),
  );
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
 * The writes of `createTicket` inside the caller's transaction, for channels that own theirs
 * (inbound mail records its own outcome in the same one). The subject and area are already
 * checked; returns the new ticket's id and number and its first message's id.
 */
export async function writeTicket(
  trx: Database,
  clock: Clock,
  principal: UserPrincipal,
  actor: Actor,
  { subject, area, input, now }: NewTicket,
): Promise<{ id: string; number: number; messageId: string; view: TicketView }> {
  const { service } = subject;
  const severity = severityOf(input.impact, input.urgency);
  const { entitlement, calendar } = await resolveEntitlementWithCalendar(trx, {
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
  const draft = {
    account_id: principal.accountId,
    universe: subject.universe,
    product: service?.product ?? null,
    language: input.language ?? principal.language,
    calendar: entitlement.calendar,
    entitlement: { ...entitlement },
    tier: entitlement.entryTier,
  };
  const routed = await routeNewTicket(trx, draft, clock);
  const { ticket: created, message } = await insertTicketWithMessage(
    trx,
    {
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
      language: input.language ?? principal.language,
      status: "open",
      responsibility_area: area?.area ?? null,
      out_of_perimeter: area !== null && isOutOfPerimeter(area.owner),
      fast_path: entitlement.fastPath,
      entitlement: JSON.stringify(entitlement),
      calendar: entitlement.calendar,
      queue_priority: entitlement.queuePriority,
      tier: routed?.tier ?? entitlement.entryTier,
      assigned_staff_id: routed?.assignedStaffId ?? null,
      ...clockPatch(slaClock),
      created_at: now,
      updated_at: now,
    },
    {
      kind: "customer",
      author_user_id: principal.userId,
      author_staff_id: null,
      body: input.body,
      created_at: now,
    },
  );
  await claimAttachments(trx, principal, input.attachments ?? [], message.id);

  const view: TicketView = {
    ...created,
    account_nic: principal.nicHandle,
    requester_name: principal.name,
    service_name: service?.name ?? null,
    admin_account_id: service?.adminAccountId ?? null,
    tech_account_id: service?.techAccountId ?? null,
    billing_account_id: service?.billingAccountId ?? null,
  };
  await auditTicket(trx, actor, view, "ticket.created", {
    category: view.category,
    severity,
    service: service?.name ?? null,
    level: entitlement.level,
    fastPath: entitlement.fastPath,
    outOfPerimeter: view.out_of_perimeter,
  });
  await notifyAccounts(trx, "ticket.created", view, {
    level: entitlement.level,
    requesterNic: principal.nicHandle,
  });
  await routed?.announce(trx, created);
  return { id: created.id, number: created.number, messageId: message.id, view };
}
