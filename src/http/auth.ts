import type { FastifyReply, FastifyRequest } from "fastify";
import { hashSecret, safeEqual } from "../lib/crypto.ts";
import {
  findSessionPrincipal,
  findTokenPrincipal,
  touchApiToken,
} from "../modules/auth/repository.ts";
import type { AppContext } from "./context.ts";
import type { Actor } from "./principal.ts";
import { AppError } from "./problem.ts";

export const SESSION_COOKIE = "palier_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the caller from a bearer token or the session cookie. Bearer wins when both are
 * present. Cookie-authenticated writes must echo the session's CSRF token in a header, which a
 * cross-site form cannot do; bearer calls need no CSRF token since browsers never add them.
 */
export function authenticate(ctx: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = null;
    request.credential = null;
    const now = ctx.clock.now();
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new AppError("unauthenticated", "Malformed Authorization header");
      const found = await findTokenPrincipal(ctx.db, hashSecret(match[1]), now);
      if (!found) throw new AppError("unauthenticated", "Unknown, expired or revoked API token");
      const { token, principal } = found;
      if (!principal)
        throw new AppError("unauthenticated", "The token's owner is no longer active");
      // Written at most once a minute per token, so a busy script does not turn reads into writes.
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
        await touchApiToken(ctx.db, token.id, now);
      }
      request.principal = principal;
      request.credential = { via: "token", id: token.id, scope: token.scope };
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (!cookie) return;
      const found = await findSessionPrincipal(ctx.db, hashSecret(cookie), now);
      // An expired cookie is treated as no cookie, so public endpoints keep working.
      if (!found?.principal) return;
      request.principal = found.principal;
      request.credential = {
        via: "session",
        id: found.session.id,
        scope: "write",
        csrfToken: found.session.csrfToken,
      };
    }
    if (SAFE_METHODS.has(request.method)) return;
    if (request.credential?.scope === "read") {
      throw new AppError("insufficient_scope", "This API token is read-only");
    }
    if (request.credential?.via === "session") {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.credential.csrfToken ?? "";
      if (typeof sent !== "string" || !safeEqual(sent, expected)) {
        throw new AppError("csrf_failed", `Send the session's CSRF token in ${CSRF_HEADER}`);
      }
    }
  };
}

/** The acting principal of a request, or 401. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.principal) throw new AppError("unauthenticated", "Sign in first");
  return { principal: request.principal, ip: request.ip ?? null, requestId: request.id };
}
