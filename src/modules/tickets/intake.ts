import type { Severity, TicketCategory } from "../../db/schema.ts";
import type { AppContext } from "../../http/context.ts";
import type { Principal, UserPrincipal } from "../../http/principal.ts";
import { AppError, forbidden } from "../../http/problem.ts";
import { can } from "../services/policy.ts";
import { loadServiceFor } from "../services/service.ts";
import { type Entitlement, resolveEntitlement } from "../support/entitlement.ts";
import { calendarOf } from "./clock-store.ts";
import { explanationIn, helpFor, isOutOfPerimeter, requireArea } from "./perimeter.ts";
import { presentEntitlement } from "./presenter.ts";
import { severityOf } from "./rules.ts";
import type { IntakeQuery } from "./schemas.ts";
import { resolveSubject } from "./service.ts";

const queryError = (field: string, message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, [{ field, in: "query", message }]);

/** With a service but no category, the check is for what the caller's roles let it open. */
async function categoryOf(
  ctx: AppContext,
  user: UserPrincipal,
  query: IntakeQuery,
): Promise<TicketCategory> {
  if (query.category !== undefined) return query.category;
  if (query.service === undefined) return "commercial";
  const { roles } = await loadServiceFor(ctx, user, query.service, "service.read");
  return can(roles, "ticket.technical.open") ? "incident" : "billing";
}

function severityFrom(query: IntakeQuery): Severity {
  if (query.severity !== undefined) return query.severity;
  if (query.impact !== undefined && query.urgency !== undefined) {
    return severityOf(query.impact, query.urgency);
  }
  throw queryError("severity", "give a severity, or both impact and urgency");
}

/**
 * The entitlement a ticket would get, decided in a transaction that is always rolled back, so
 * the check writes nothing (not even a Fast-Path use). A refused Fast-Path is reported, and the
 * ticket's own level is shown instead.
 */
async function wouldBeEntitled(
  ctx: AppContext,
  input: Parameters<typeof resolveEntitlement>[1],
): Promise<{ entitlement: Entitlement; refusal: string | null; refusalCode: string | null }> {
  const trx = await ctx.db.startTransaction().execute();
  try {
    if (input.fastPath) {
      try {
        const entitlement = await resolveEntitlement(trx, input);
        return { entitlement, refusal: null, refusalCode: null };
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 422) throw error;
        const entitlement = await resolveEntitlement(trx, { ...input, fastPath: false });
        return { entitlement, refusal: error.message, refusalCode: error.code };
      }
    }
    const entitlement = await resolveEntitlement(trx, input);
    return { entitlement, refusal: null, refusalCode: null };
  } finally {
    await trx.rollback().execute();
  }
}

/**
 * Before submission: the matrix row of the chosen area with its owner and explanation in the
 * user's language, whether the ticket would be out of perimeter and where to get help then,
 * and the entitlement and first-response target that would apply.
 */
export async function checkIntake(ctx: AppContext, principal: Principal, query: IntakeQuery) {
  if (principal.kind !== "user") throw forbidden("The intake check is for customers");
  const category = await categoryOf(ctx, principal, query);
  const severity = severityFrom(query);
  const subject = await resolveSubject(
    ctx,
    principal,
    category,
    query.service,
    query.universe,
    "query",
  );
  const { service } = subject;
  if (query.area !== undefined && !service) {
    throw queryError("area", `${category} questions concern no product matrix`);
  }
  const area =
    query.area !== undefined && service
      ? await requireArea(ctx.db, service.product, query.area, "query")
      : null;
  const outOfPerimeter = area !== null && isOutOfPerimeter(area.owner);
  const help =
    outOfPerimeter && service
      ? await helpFor(ctx.db, ctx.config, service.product, subject.universe, principal.accountId)
      : null;

  const now = ctx.clock.now();
  const fastPath = query.fastPath ?? false;
  const { entitlement, refusal, refusalCode } = await wouldBeEntitled(ctx, {
    requester: principal,
    service,
    universe: subject.universe,
    severity,
    fastPath,
    now,
  });
  const calendar = await calendarOf(ctx.db, entitlement.calendar);
  return {
    service: service?.name ?? null,
    product: service?.product ?? null,
    universe: subject.universe,
    severity,
    area: area
      ? {
          area: area.area,
          owner: area.owner,
          explanation: explanationIn(area, principal.language),
        }
      : null,
    outOfPerimeter,
    help,
    entitlement: presentEntitlement(entitlement as unknown as Record<string, unknown>),
    firstResponse: {
      minutes: entitlement.firstResponseMinutes,
      dueAt: calendar.addMinutes(now, entitlement.firstResponseMinutes).toISOString(),
    },
    fastPath: { requested: fastPath, granted: entitlement.fastPath, refusal, refusalCode },
  };
}
