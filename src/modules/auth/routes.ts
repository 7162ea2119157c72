import { Type } from "@sinclair/typebox";
import { actorOf, SESSION_COOKIE } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import { updatePreferences } from "./preferences.ts";
import {
  ApiToken,
  CreatedToken,
  Me,
  PreferencesBody,
  SessionCreated,
  SignInBody,
  TokenBody,
  TokenParams,
} from "./schemas.ts";
import { describeMe, signIn, signOut } from "./sessions.ts";
import { createApiToken, listApiTokens, presentToken, revokeApiToken } from "./tokens.ts";

export async function authRoutes(app: App, ctx: AppContext): Promise<void> {
  app.addSchema(Me);

  app.post(
    "/auth/sessions",
    {
      config: { rateLimit: { max: Math.max(10, Math.floor(ctx.config.rateLimitPerMinute / 20)) } },
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password; sets the session cookie",
        body: SignInBody,
        response: withProblems({ 201: SessionCreated }),
      },
    },
    async (request, reply) => {
      const session = await signIn(ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, session.secret, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        expires: session.expiresAt,
      });
      const me = await describeMe(ctx.db, session.principal);
      return reply.code(201).send({
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
        me,
      });
    },
  );

  app.delete(
    "/auth/sessions/current",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign out of the current session",
        security: securityRequirements,
        response: withProblems({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      if (request.credential?.via !== "session") {
        throw new AppError("unauthenticated", "No session to sign out of");
      }
      await signOut(ctx.db, request.credential.id);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The signed-in user or staff member",
        security: securityRequirements,
        response: withProblems({ 200: Type.Ref("Me") }),
      },
    },
    async (request) => {
      const principal = requirePrincipal(request.principal);
      const me = await describeMe(ctx.db, principal);
      const csrfToken = request.credential?.csrfToken;
      return csrfToken ? { ...me, csrfToken } : me;
    },
  );

  app.patch(
    "/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Save my language and time zone (the Manager's preferences)",
        security: securityRequirements,
        body: PreferencesBody,
        response: withProblems({ 200: Type.Ref("Me") }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await updatePreferences(ctx, actor, request.body);
      return describeMe(ctx.db, actor.principal);
    },
  );

  app.get(
    "/me/tokens",
    {
      schema: {
        tags: ["auth"],
        summary: "My personal API tokens (without their secrets)",
        security: securityRequirements,
        response: withProblems({ 200: Type.Object({ items: Type.Array(ApiToken) }) }),
      },
    },
    async (request) => {
      const rows = await listApiTokens(ctx.db, requirePrincipal(request.principal));
      return { items: rows.map(presentToken) };
    },
  );

  app.post(
    "/me/tokens",
    {
      config: { idempotencyRedact: ["token"] },
      schema: {
        tags: ["auth"],
        summary: "Create a personal API token (read or write scope, expiring)",
        security: securityRequirements,
        body: TokenBody,
        response: withProblems({ 201: CreatedToken }),
      },
    },
    async (request, reply) => {
      const { row, secret } = await createApiToken(
        ctx.db,
        ctx.clock,
        actorOf(request),
        request.body,
      );
      return reply.code(201).send({ ...presentToken(row), token: secret });
    },
  );

  app.delete(
    "/me/tokens/:id",
    {
      schema: {
        tags: ["auth"],
        summary: "Revoke one of my API tokens",
        security: securityRequirements,
        params: TokenParams,
        response: withProblems({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await revokeApiToken(ctx.db, ctx.clock, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
