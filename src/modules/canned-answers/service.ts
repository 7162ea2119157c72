import type { Database } from "../../db/database.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { notFound } from "../../http/problem.ts";
import { recordAudit } from "../audit/recorder.ts";
import { assertCanManageCannedAnswers, assertCanReadCannedAnswers } from "./policy.ts";
import { type CannedAnswerView, presentCannedAnswer } from "./presenter.ts";
import {
  deleteCannedAnswer,
  findCannedAnswer,
  insertCannedAnswer,
  listCannedAnswers,
  updateCannedAnswer,
} from "./repository.ts";
import type {
  CannedAnswerListQuery,
  CannedAnswerPatchBody,
  NewCannedAnswerBody,
} from "./schemas.ts";

/** A language holds a few dozen answers; past this many, a composer's list is useless anyway. */
const LIST_LIMIT = 500;

/** A language's answers (and a universe's, when given), title order: what the composer offers. */
export async function listAnswers(
  db: Database,
  p: Principal,
  query: CannedAnswerListQuery,
): Promise<{ items: CannedAnswerView[] }> {
  assertCanReadCannedAnswers(p);
  const rows = await listCannedAnswers(db, query.language, query.universe, LIST_LIMIT);
  return { items: rows.map(presentCannedAnswer) };
}

/** One answer (staff). */
export async function getAnswer(db: Database, p: Principal, id: string): Promise<CannedAnswerView> {
  assertCanReadCannedAnswers(p);
  const row = await findCannedAnswer(db, id);
  if (!row) throw notFound("Canned answer");
  return presentCannedAnswer(row);
}

/** Adds an answer (staff admins). */
export async function createAnswer(
  db: Database,
  actor: Actor,
  input: NewCannedAnswerBody,
): Promise<CannedAnswerView> {
  assertCanManageCannedAnswers(actor.principal);
  return inTransaction(db, async (trx) => {
    const row = await insertCannedAnswer(trx, {
      language: input.language,
      universe: input.universe ?? null,
      title: input.title,
      body: input.body,
      deleted_at: null,
    });
    await recordAudit(trx, actor, {
      action: "canned_answer.created",
      subjectKind: "canned_answer",
      subjectId: row.id,
      details: { language: row.language, universe: row.universe, title: row.title },
    });
    return presentCannedAnswer(row);
  });
}

/** Changes an answer's language, universe, title or body (staff admins). */
export async function updateAnswer(
  db: Database,
  actor: Actor,
  id: string,
  patch: CannedAnswerPatchBody,
): Promise<CannedAnswerView> {
  assertCanManageCannedAnswers(actor.principal);
  return inTransaction(db, async (trx) => {
    const row = await updateCannedAnswer(trx, id, {
      ...(patch.language === undefined ? {} : { language: patch.language }),
      ...(patch.universe === undefined ? {} : { universe: patch.universe }),
      ...(patch.title === undefined ? {} : { title: patch.title }),
      ...(patch.body === undefined ? {} : { body: patch.body }),
    });
    if (!row) throw notFound("Canned answer");
    await recordAudit(trx, actor, {
      action: "canned_answer.updated",
      subjectKind: "canned_answer",
      subjectId: id,
      details: { fields: Object.keys(patch).sort() },
    });
    return presentCannedAnswer(row);
  });
}

/** Removes an answer (staff admins). */
export async function removeAnswer(db: Database, actor: Actor, id: string): Promise<void> {
  assertCanManageCannedAnswers(actor.principal);
  await inTransaction(db, async (trx) => {
    const row = await findCannedAnswer(trx, id);
    if (!row) throw notFound("Canned answer");
    await deleteCannedAnswer(trx, row);
    await recordAudit(trx, actor, {
      action: "canned_answer.deleted",
      subjectKind: "canned_answer",
      subjectId: id,
      details: { language: row.language, title: row.title },
    });
  });
}
