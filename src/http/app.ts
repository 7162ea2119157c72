import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyReply, type FastifyServerOptions } from "fastify";
import { hashSecret } from "../lib/crypto.ts";
import { registerModules } from "../modules/index.ts";
import { authenticate } from "./auth.ts";
import type { App, AppContext } from "./context.ts";
import { errorHandler, notFoundHandler, problemBody } from "./errors.ts";
import { idempotencyGuard, idempotencyRecorder } from "./idempotency.ts";
import { Problem } from "./openapi.ts";
import { AppError } from "./problem.ts";
import { managerUi } from "./ui.ts";
import { buildValidator } from "./validation.ts";

const REQUEST_ID = /^[\w.-]{1,128}$/;

export interface AppOptions {
  logger?: FastifyServerOptions["logger"];
  /** Requests per minute per token or per IP address. */
  rateLimitPerMinute?: number;
  bodyLimit?: number;
}

/** Builds the HTTP application: plumbing first, then every domain module under /api/v1. */
export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Service names run to 253 characters; the default 100 would answer long ones with 414.
    routerOptions: { maxParamLength: 300 },
    // Router-level failures (over-long or badly encoded URLs) leave as problem+json like the rest.
    frameworkErrors: (error, request, reply) => {
      const tooLong = error.statusCode === 414;
      const problem = tooLong
        ? new AppError("uri_too_long", "A path parameter is longer than 300 characters")
        : new AppError("validation_failed", "The URL is not validly encoded");
      return (reply as unknown as FastifyReply)
        .code(problem.status)
        .type("application/problem+json")
        .send(problemBody(problem, "en", request.id));
    },
    trustProxy: ctx.config.trustProxy,
    requestIdHeader: false,
    // Fastify's type names an Ajv-specific signature; ours is the same call shape, built on Ajv too.
    schemaController: { compilersFactory: { buildValidator: buildValidator as never } },
    genReqId: (req) => {
      const sent = req.headers["x-request-id"];
      return typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID();
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest("principal", null);
  app.decorateRequest("credential", null);
  app.decorateRequest("idempotency", null);
  // The API reads JSON only; any other body type is a 415, not a string to validate.
  app.removeContentTypeParser("text/plain");
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addSchema(Problem);

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? ctx.config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const header = request.headers.authorization;
      const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
      return bearer ? `token:${hashSecret(bearer)}` : `ip:${request.ip}`;
    },
    allowList: (request) => request.url === "/healthz" || request.url === "/readyz",
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Rate limit of ${context.max} requests per minute exceeded`);
      return Object.assign(error, { statusCode: 429 });
    },
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Palier API",
        version: "1",
        description:
          "Support platform for hosting and cloud providers. Errors are RFC 9457 problem+json.",
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "Personal API token" },
          session: { type: "apiKey", in: "cookie", name: "palier_session" },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));
  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ctx.db.selectFrom("regions").select("code").limit(1).execute();
      return { status: "ready" };
    } catch {
      return reply.code(503).send({ status: "unavailable" });
    }
  });

  await app.register(
    async (api) => {
      api.addHook("onRequest", authenticate(ctx));
      api.addHook("preHandler", idempotencyGuard(ctx));
      api.addHook("onSend", idempotencyRecorder(ctx));
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      await registerModules(api as unknown as App, ctx);
    },
    { prefix: "/api/v1" },
  );
  await app.register(managerUi);
  return app as unknown as App;
}
