import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import {
  CannedAnswer,
  CannedAnswerListQuery,
  CannedAnswerParams,
  CannedAnswerPatchBody,
  NewCannedAnswerBody,
} from "./schemas.ts";
import { createAnswer, getAnswer, listAnswers, removeAnswer, updateAnswer } from "./service.ts";

const tags = ["canned-answers"];
const security = securityRequirements;

/** Canned answers: agents read them to insert into replies, staff admins curate them. */
export async function cannedAnswerRoutes(app: App, ctx: AppContext): Promise<void> {
  app.addSchema(CannedAnswer);
  const Ref = Type.Ref("CannedAnswer");
  const { db } = ctx;

  app.get(
    "/canned-answers",
    {
      schema: {
        tags,
        summary: "Canned answers in one language, title order (staff)",
        description: "With `universe`, that universe's answers and the general ones.",
        security,
        querystring: CannedAnswerListQuery,
        response: withProblems({ 200: Type.Object({ items: Type.Array(Ref) }) }),
      },
    },
    async (request) => listAnswers(db, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/canned-answers/:id",
    {
      schema: {
        tags,
        summary: "One canned answer (staff)",
        security,
        params: CannedAnswerParams,
        response: withProblems({ 200: Ref }),
      },
    },
    async (request) => getAnswer(db, requirePrincipal(request.principal), request.params.id),
  );

  app.post(
    "/canned-answers",
    {
      schema: {
        tags,
        summary: "Add a canned answer (staff admins)",
        security,
        body: NewCannedAnswerBody,
        response: withProblems({ 201: Ref }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAnswer(db, actorOf(request), request.body)),
  );

  app.patch(
    "/canned-answers/:id",
    {
      schema: {
        tags,
        summary: "Change a canned answer (staff admins)",
        security,
        params: CannedAnswerParams,
        body: CannedAnswerPatchBody,
        response: withProblems({ 200: Ref }),
      },
    },
    async (request) => updateAnswer(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/canned-answers/:id",
    {
      schema: {
        tags,
        summary: "Remove a canned answer (staff admins)",
        security,
        params: CannedAnswerParams,
        response: withProblems({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await removeAnswer(db, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
