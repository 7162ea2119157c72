import type { ContactChangeState, Decision } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { hashSecret, safeEqual } from "../../lib/crypto.ts";
import { recordAudit } from "../audit/recorder.ts";
import { announceExpiry, auditChange, notifyBothSides } from "./effects.ts";
import { requireChangeVisible, requireMayAbort, requireMayDecide } from "./policy.ts";
import {
  type ChangeRow,
  findChangeView,
  lockChange,
  OPEN_STATES,
  switchServiceContact,
  updateChange,
} from "./repository.ts";
import { factsOf, getContactChange, type PresentedChange } from "./service.ts";

const EXPIRED = Symbol("expired");
const expiredError = () =>
  new AppError("contact_change_expired", "This contact change expired before it was decided");
const closedError = (state: ContactChangeState) =>
  new AppError("contact_change_closed", `This contact change is already ${state}`);

// Attempts that fail on the token are kept in the audit log even though nothing changed.
const SUSPICIOUS = new Set(["invalid_token", "forbidden", "token_already_used"]);

/** Loads the task for a command: 404 unless the caller may know it exists. */
async function loadVisible(ctx: AppContext, actor: Actor, id: string) {
  const view = await findChangeView(ctx.db, id);
  if (!view) throw notFound("Contact change");
  requireChangeVisible(actor.principal, view);
  return view;
}

/** Marks an overdue open task expired inside the command's transaction. */
async function expireIfOverdue(
  trx: Parameters<typeof lockChange>[0],
  row: ChangeRow,
  facts: ReturnType<typeof factsOf>,
  now: Date,
): Promise<boolean> {
  if (now < row.expires_at) return false;
  await updateChange(trx, row.id, { state: "expired", closed_at: now });
  await announceExpiry(trx, facts);
  return true;
}

/**
 * Accepts or refuses with one side's single-use token, as a user of that side's account. The
 * row is locked, so of two concurrent decisions the second sees the first. Both acceptances
 * make the change: the service's contact switches in the same transaction.
 */
export async function decideContactChange(
  ctx: AppContext,
  actor: Actor,
  id: string,
  token: string,
  decision: Decision,
): Promise<PresentedChange> {
  const { principal } = actor;
  const view = await loadVisible(ctx, actor, id);
  requireMayDecide(principal);
  const now = ctx.clock.now();
  const facts = factsOf(view);

  const outcome = await inTransaction(ctx.db, async (trx) => {
    const row = await lockChange(trx, id);
    if (!row) throw notFound("Contact change");
    const hash = hashSecret(token);
    const side = safeEqual(hash, row.from_token_hash)
      ? "from"
      : safeEqual(hash, row.to_token_hash)
        ? "to"
        : null;
    if (side === null) {
      throw new AppError("invalid_token", "This token is not valid for this contact change", [
        { field: "token", in: "body", message: "not valid for this contact change" },
      ]);
    }
    const sideAccount = side === "from" ? row.from_account_id : row.to_account_id;
    if (sideAccount !== principal.accountId) {
      throw new AppError("forbidden", "This token was issued to the other account of the change");
    }
    if ((side === "from" ? row.from_decision : row.to_decision) !== null) {
      throw new AppError("token_already_used", "Your side has already decided with this token");
    }
    if (!OPEN_STATES.includes(row.state)) throw closedError(row.state);
    if (await expireIfOverdue(trx, row, { ...facts, state: row.state }, now)) return EXPIRED;

    const other = side === "from" ? row.to_decision : row.from_decision;
    const state: ContactChangeState =
      decision === "refused" ? "refused" : other === "accepted" ? "done" : "validating";
    await updateChange(trx, id, {
      ...(side === "from"
        ? { from_decision: decision, from_decided_at: now }
        : { to_decision: decision, to_decided_at: now }),
      state,
      closed_at: state === "validating" ? null : now,
    });
    if (state === "done" && !(await switchServiceContact(trx, row))) {
      throw new AppError("conflict", "The service's contact changed while this task was open");
    }
    const sideName = side === "from" ? "giving" : "receiving";
    const current = { ...facts, state };
    await auditChange(trx, actor, current, `contact_change.${decision}`, { side: sideName });
    if (state === "done") {
      await auditChange(trx, actor, current, "contact_change.done");
      await notifyBothSides(trx, "contact_change.done", current);
    } else if (state === "refused") {
      await notifyBothSides(trx, "contact_change.refused", current);
    }
    return state;
  }).catch(async (error: unknown) => {
    if (error instanceof AppError && SUSPICIOUS.has(error.code)) {
      await inTransaction(ctx.db, (trx) =>
        recordAudit(trx, actor, {
          action: "contact_change.decision_rejected",
          subjectKind: "contact_change",
          subjectId: id,
          accountId: principal.accountId,
          details: { decision, reason: error.code },
        }),
      );
    }
    throw error;
  });
  if (outcome === EXPIRED) throw expiredError();
  return getContactChange(ctx, principal, id);
}

/** The requester's account or a staff admin withdraws an open task. */
export async function abortContactChange(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<PresentedChange> {
  const view = await loadVisible(ctx, actor, id);
  requireMayAbort(actor.principal, view);
  const now = ctx.clock.now();
  const facts = factsOf(view);
  const outcome = await inTransaction(ctx.db, async (trx) => {
    const row = await lockChange(trx, id);
    if (!row) throw notFound("Contact change");
    if (!OPEN_STATES.includes(row.state)) throw closedError(row.state);
    if (await expireIfOverdue(trx, row, { ...facts, state: row.state }, now)) return EXPIRED;
    await updateChange(trx, id, { state: "aborted", closed_at: now });
    const current = { ...facts, state: "aborted" };
    await auditChange(trx, actor, current, "contact_change.aborted");
    await notifyBothSides(trx, "contact_change.aborted", current);
    return "aborted";
  });
  if (outcome === EXPIRED) throw expiredError();
  return getContactChange(ctx, actor.principal, id);
}
