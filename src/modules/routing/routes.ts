import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { TicketDetail, TicketPage } from "../tickets/schemas.ts";
import { assign, take, unassign } from "./assignment-commands.ts";
import { escalate, ticketEscalations } from "./escalation.ts";
import { registerRoutingHooks } from "./hooks.ts";
import { agentQuality, teamQuality } from "./quality.ts";
import { listQueues, myTickets, queueTickets } from "./queues.ts";
import { rateAnswer } from "./ratings.ts";
import {
  AgentQualityPage,
  AssignBody,
  EscalateBody,
  EscalationList,
  QualityAgentsQuery,
  QualityTeamsQuery,
  QueueList,
  QueueParams,
  QueueTicketsQuery,
  RatingBody,
  RatingParams,
  RatingResult,
  TeamQuality,
  TicketNumberParams,
} from "./schemas.ts";

/** Queues, assignment, escalation, answer ratings and quality figures. */
export async function routingRoutes(app: App, ctx: AppContext): Promise<void> {
  registerRoutingHooks();
  const route = (tags: string[], summary: string) => ({
    tags,
    summary,
    security: securityRequirements,
  });
  const queues = (summary: string) => route(["queues"], summary);
  const tickets = (summary: string) => route(["tickets"], summary);

  app.get(
    "/queues",
    {
      schema: {
        ...queues("Queues I may see (staff): unassigned waiting tickets, breached, soonest due"),
        response: withProblems({ 200: QueueList }),
      },
    },
    async (request) => listQueues(ctx, requirePrincipal(request.principal)),
  );

  app.get(
    "/queues/mine",
    {
      schema: {
        ...queues("Tickets assigned to me and not yet solved, soonest due first (staff)"),
        querystring: QueueTicketsQuery,
        response: withProblems({ 200: TicketPage }),
      },
    },
    async (request) => myTickets(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/queues/:universe/:tier/:language/tickets",
    {
      schema: {
        ...queues("A queue's unassigned tickets: due time, then Enterprise and Fast-Path first"),
        params: QueueParams,
        querystring: QueueTicketsQuery,
        response: withProblems({ 200: TicketPage }),
      },
    },
    async (request) =>
      queueTickets(ctx, requirePrincipal(request.principal), request.params, request.query),
  );

  app.post(
    "/tickets/:number/assign",
    {
      schema: {
        ...tickets("Assign the ticket to an agent or lead (staff leads and admins)"),
        params: TicketNumberParams,
        body: AssignBody,
        response: withProblems({ 200: TicketDetail }),
      },
    },
    async (request) => assign(ctx, actorOf(request), request.params.number, request.body),
  );

  app.post(
    "/tickets/:number/take",
    {
      schema: {
        ...tickets("Take an unassigned ticket from one of my queues (agents and leads)"),
        params: TicketNumberParams,
        response: withProblems({ 200: TicketDetail }),
      },
    },
    async (request) => take(ctx, actorOf(request), request.params.number),
  );

  app.post(
    "/tickets/:number/unassign",
    {
      schema: {
        ...tickets("Put the ticket back in its queue (leads, admins, or its assignee)"),
        params: TicketNumberParams,
        response: withProblems({ 200: TicketDetail }),
      },
    },
    async (request) => unassign(ctx, actorOf(request), request.params.number),
  );

  app.post(
    "/tickets/:number/escalate",
    {
      schema: {
        ...tickets("Escalate to the next tier with a mandatory summary, kept as an internal note"),
        params: TicketNumberParams,
        body: EscalateBody,
        response: withProblems({ 200: TicketDetail }),
      },
    },
    async (request) => escalate(ctx, actorOf(request), request.params.number, request.body),
  );

  app.get(
    "/tickets/:number/escalations",
    {
      schema: {
        ...tickets("The ticket's escalations, oldest first (staff)"),
        params: TicketNumberParams,
        response: withProblems({ 200: EscalationList }),
      },
    },
    async (request) => ticketEscalations(ctx, actorOf(request), request.params.number),
  );

  app.post(
    "/tickets/:number/messages/:messageId/rating",
    {
      schema: {
        ...tickets("Rate an agent's answer once: solved, or did not answer my question"),
        params: RatingParams,
        body: RatingBody,
        response: withProblems({ 201: RatingResult }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await rateAnswer(
            ctx,
            actorOf(request),
            request.params.number,
            request.params.messageId,
            request.body,
          ),
        ),
  );

  app.get(
    "/quality/agents",
    {
      schema: {
        ...route(
          ["quality"],
          "Answer ratings and reopenings per agent over a period (leads, admins)",
        ),
        querystring: QualityAgentsQuery,
        response: withProblems({ 200: AgentQualityPage }),
      },
    },
    async (request) => agentQuality(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/quality/teams",
    {
      schema: {
        ...route(
          ["quality"],
          "Answer ratings and reopenings per tier over a period (leads, admins)",
        ),
        querystring: QualityTeamsQuery,
        response: withProblems({ 200: TeamQuality }),
      },
    },
    async (request) => teamQuality(ctx, requirePrincipal(request.principal), request.query),
  );
}
