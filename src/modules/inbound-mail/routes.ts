import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { EmptyBody } from "../tickets/message-schemas.ts";
import { InboundDetail, InboundListQuery, InboundPage, InboundParams } from "./schemas.ts";
import { getInbound, listInbound, rawInbound, reprocessInbound } from "./service.ts";

const tags = ["inbound-mail"];
const adminsOnly = "Staff admins only.";

export async function inboundMailRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    "/admin/inbound-mail",
    {
      schema: {
        tags,
        summary: "Mail received by the built-in SMTP server, newest first",
        description: `Filter by status (received, processed, ignored, failed). ${adminsOnly}`,
        security: securityRequirements,
        querystring: InboundListQuery,
        response: withProblems({ 200: InboundPage }),
      },
    },
    async (request) => listInbound(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/admin/inbound-mail/:id",
    {
      schema: {
        tags,
        summary: "One received message: its headers, what became of it and any error",
        description: adminsOnly,
        security: securityRequirements,
        params: InboundParams,
        response: withProblems({ 200: InboundDetail }),
      },
    },
    async (request) => getInbound(ctx, requirePrincipal(request.principal), request.params.id),
  );

  app.get(
    "/admin/inbound-mail/:id/raw",
    {
      schema: {
        tags,
        summary: "The message exactly as received, as message/rfc822",
        description: adminsOnly,
        security: securityRequirements,
        params: InboundParams,
        response: withProblems({
          200: { description: "The raw message (message/rfc822)" },
        }),
      },
    },
    async (request, reply) => {
      const { raw } = await rawInbound(ctx, requirePrincipal(request.principal), request.params.id);
      return reply
        .header("content-type", "message/rfc822")
        .header("content-disposition", `attachment; filename="${request.params.id}.eml"`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(raw);
    },
  );

  app.post(
    "/admin/inbound-mail/:id/reprocess",
    {
      schema: {
        tags,
        summary: "Process a failed message again",
        description: `Only failed messages (409 otherwise); it goes back to received and its job is queued. ${adminsOnly}`,
        security: securityRequirements,
        params: InboundParams,
        body: EmptyBody,
        response: withProblems({ 202: InboundDetail }),
      },
    },
    async (request, reply) => {
      const detail = await reprocessInbound(ctx, actorOf(request), request.params.id);
      return reply.code(202).send(detail);
    },
  );
}
