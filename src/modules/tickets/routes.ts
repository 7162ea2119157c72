import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { attachmentRoutes } from "./attachment-routes.ts";
import { addNote, answerOutOfPerimeter, postMessage } from "./conversation.ts";
import { checkIntake } from "./intake.ts";
import {
  MessageBody,
  MessageListQuery,
  MessagePage,
  NoteBody,
  OutOfPerimeterBody,
  ReplyBody,
  StatusBody,
} from "./message-schemas.ts";
import { getTicket, listTicketMessages, listTicketsFor } from "./queries.ts";
import {
  CreateTicketBody,
  IntakeQuery,
  IntakeResult,
  TicketDetail,
  TicketListQuery,
  TicketPage,
  TicketParams,
} from "./schemas.ts";
import { createTicket } from "./service.ts";
import { closeTicket, reopenTicket, setStatus } from "./status.ts";

const tags = ["tickets"];

export async function ticketRoutes(app: App, ctx: AppContext): Promise<void> {
  const route = (summary: string) => ({ tags, summary, security: securityRequirements });

  app.post(
    "/tickets",
    {
      schema: {
        ...route("Open a ticket (customers); its entitlement and first-response clock are set"),
        body: CreateTicketBody,
        response: withProblems({ 201: TicketDetail }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTicket(ctx, actorOf(request), request.body)),
  );

  app.get(
    "/tickets/intake",
    {
      schema: {
        ...route("Before submission: perimeter of the chosen area, help, and the SLA that applies"),
        querystring: IntakeQuery,
        response: withProblems({ 200: IntakeResult }),
      },
    },
    async (request) => checkIntake(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/tickets",
    {
      schema: {
        ...route("Tickets I may read, newest first (staff: those of their universes)"),
        querystring: TicketListQuery,
        response: withProblems({ 200: TicketPage }),
      },
    },
    async (request) => listTicketsFor(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/tickets/:number",
    {
      schema: {
        ...route("One ticket with its entitlement, status and SLA clocks"),
        params: TicketParams,
        response: withProblems({ 200: TicketDetail }),
      },
    },
    async (request) => getTicket(ctx, requirePrincipal(request.principal), request.params.number),
  );

  app.get(
    "/tickets/:number/messages",
    {
      schema: {
        ...route("The conversation, oldest first; internal notes for staff only"),
        params: TicketParams,
        querystring: MessageListQuery,
        response: withProblems({ 200: MessagePage }),
      },
    },
    async (request) =>
      listTicketMessages(
        ctx,
        requirePrincipal(request.principal),
        request.params.number,
        request.query,
      ),
  );

  app.post(
    "/tickets/:number/messages",
    {
      schema: {
        ...route("Reply (customers) or answer publicly (staff, optionally setting a status)"),
        params: TicketParams,
        body: ReplyBody,
        response: withProblems({ 201: MessageBody }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await postMessage(ctx, actorOf(request), request.params.number, request.body)),
  );

  app.post(
    "/tickets/:number/notes",
    {
      schema: {
        ...route("Write an internal note (staff); customers never see it"),
        params: TicketParams,
        body: NoteBody,
        response: withProblems({ 201: MessageBody }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addNote(ctx, actorOf(request), request.params.number, request.body)),
  );

  app.post(
    "/tickets/:number/out-of-perimeter-answer",
    {
      schema: {
        ...route("Answer that the matter is the customer's, citing the matrix row (staff)"),
        params: TicketParams,
        body: OutOfPerimeterBody,
        response: withProblems({ 201: MessageBody }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await answerOutOfPerimeter(ctx, actorOf(request), request.params.number, request.body),
        ),
  );

  app.post(
    "/tickets/:number/status",
    {
      schema: {
        ...route(
          "Set the status (staff): waiting-for-customer, waiting-for-provider, on-hold, solved",
        ),
        params: TicketParams,
        body: StatusBody,
        response: withProblems({ 200: TicketDetail }),
      },
    },
    async (request) => setStatus(ctx, actorOf(request), request.params.number, request.body),
  );

  app.post(
    "/tickets/:number/close",
    {
      schema: {
        ...route("Close my ticket (customers)"),
        params: TicketParams,
        response: withProblems({ 200: TicketDetail }),
      },
    },
    async (request) => closeTicket(ctx, actorOf(request), request.params.number),
  );

  app.post(
    "/tickets/:number/reopen",
    {
      schema: {
        ...route("Reopen a solved or closed ticket within 30 days (customers)"),
        params: TicketParams,
        response: withProblems({ 200: TicketDetail }),
      },
    },
    async (request) => reopenTicket(ctx, actorOf(request), request.params.number),
  );

  await attachmentRoutes(app, ctx);
}
