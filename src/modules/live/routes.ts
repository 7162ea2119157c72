import type { OutgoingHttpHeaders } from "node:http";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import { LiveHub, type LiveHubOptions } from "./hub.ts";
import { positionOfId } from "./repository.ts";
import { EventStreamResponse, EventsHeaders, LiveEventData } from "./schemas.ts";
import { EventStream } from "./stream.ts";

/** Server-Sent Events of the signed-in principal; the hub lives and dies with the app. */
export async function liveRoutes(
  app: App,
  ctx: AppContext,
  options: LiveHubOptions = {},
): Promise<void> {
  const hub = new LiveHub(ctx.db, ctx.notifier, app.log, options);
  // Open streams would keep the server from closing: end them first.
  app.addHook("preClose", async () => hub.close());
  app.addSchema(LiveEventData);

  app.get(
    "/events",
    {
      schema: {
        tags: ["live"],
        summary: "Live events of the signed-in user or staff member (Server-Sent Events)",
        description:
          "Customers receive the notices addressed to their account (never internal notes); " +
          "staff the notices addressed to them and one copy of each ticket and SLA event of the " +
          "tickets they may read. On reconnect with Last-Event-ID the stream first replays what " +
          "was missed (at most 500 events of the last 24 hours); an unknown id starts the stream now. Streams end after 15 minutes; " +
          "one user or staff member holds at most 10 open streams per Palier process (429 beyond); " +
          "EventSource reconnects and resumes by itself.",
        security: securityRequirements,
        headers: EventsHeaders,
        response: withProblems({ 200: EventStreamResponse }),
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request.principal);
      if (!hub.mayOpen(principal)) {
        throw new AppError(
          "too_many_streams",
          "Too many live streams are open for you; close another tab or stream and retry",
        );
      }
      const lastId = request.headers["last-event-id"];
      // An id this database never streamed (another installation, a purged row) starts the
      // stream now: refusing would make EventSource give up on reconnecting.
      const resumeFrom = lastId === undefined ? null : await positionOfId(ctx.db, Number(lastId));
      reply.hijack();
      // Headers set by hooks so far (x-request-id, rate limit) go out with the stream's own.
      const set = Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined);
      reply.raw.writeHead(200, {
        ...(Object.fromEntries(set) as OutgoingHttpHeaders),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        // Reverse proxies (nginx) would otherwise hold events back in their buffers.
        "x-accel-buffering": "no",
      });
      reply.raw.write("retry: 3000\n\n");
      const stream = new EventStream(reply.raw, principal);
      try {
        await hub.attach(stream, resumeFrom);
      } catch (error) {
        request.log.error({ err: error }, "live stream failed to start");
        stream.close();
      }
    },
  );
}
