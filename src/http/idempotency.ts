import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "./context.ts";
import { AppError } from "./problem.ts";

const HEADER = "idempotency-key";
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function principalKey(request: FastifyRequest): string {
  const p = request.principal;
  if (!p) return `ip:${request.ip}`;
  return p.kind === "user" ? `user:${p.userId}` : `staff:${p.staffId}`;
}

/**
 * POST with an Idempotency-Key: the first request claims the key, later ones with the same key
 * and the same body get the first response replayed; a different body under the same key is
 * refused. Keys are scoped to the caller, so two customers cannot collide.
 */
export function idempotencyGuard(ctx: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.idempotency = null;
    if (request.method !== "POST") return;
    const key = request.headers[HEADER];
    if (key === undefined) return;
    if (typeof key !== "string" || !KEY_PATTERN.test(key)) {
      throw new AppError(
        "invalid_idempotency_key",
        "Idempotency-Key must be 1-255 visible ASCII characters",
        [{ field: "Idempotency-Key", in: "headers", message: "1-255 visible ASCII characters" }],
      );
    }
    const principal = principalKey(request);
    const path = request.routeOptions.url ?? request.url;
    const requestHash = createHash("sha256")
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest("hex");
    const claimed = await ctx.db
      .insertInto("idempotency_keys")
      .values({ principal, key, method: request.method, path, request_hash: requestHash })
      .onConflict((oc) => oc.doNothing())
      .returning("key")
      .executeTakeFirst();
    if (claimed) {
      request.idempotency = { principal, key };
      return;
    }
    const first = await ctx.db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("principal", "=", principal)
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    if (first.request_hash !== requestHash) {
      throw new AppError(
        "idempotency_key_reused",
        "This Idempotency-Key was used for a different request",
      );
    }
    if (first.status_code === null) {
      throw new AppError(
        "idempotency_in_progress",
        "The first request with this key is still running",
      );
    }
    reply.header("idempotent-replayed", "true");
    const isProblem = first.status_code >= 400;
    reply.code(first.status_code).type(isProblem ? "application/problem+json" : "application/json");
    return reply.send(JSON.stringify(first.response_body));
  };
}

/**
 * Secrets a route returns once (API tokens) are never kept for replay: they would sit in clear
 * in the database. A replay then returns the same record without its secret.
 */
function redact(body: unknown, config: unknown): unknown {
  const fields = (config as { idempotencyRedact?: string[] } | undefined)?.idempotencyRedact;
  if (!fields || typeof body !== "object" || body === null) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of fields) delete copy[field];
  return copy;
}

/** Records the response of a request that claimed a key; 5xx releases the key for a retry. */
export function idempotencyRecorder(ctx: AppContext) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
  ): Promise<unknown> => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const scope = ctx.db
      .updateTable("idempotency_keys")
      .where("principal", "=", claim.principal)
      .where("key", "=", claim.key);
    if (reply.statusCode >= 500) {
      await ctx.db
        .deleteFrom("idempotency_keys")
        .where("principal", "=", claim.principal)
        .where("key", "=", claim.key)
        .execute();
      return payload;
    }
    let body: string | null = null;
    if (typeof payload === "string") {
      try {
        body = JSON.stringify(redact(JSON.parse(payload), request.routeOptions.config));
      } catch {
        body = JSON.stringify(payload);
      }
    }
    await scope.set({ status_code: reply.statusCode, response_body: body ?? "null" }).execute();
    return payload;
  };
}

/** Keys are kept a day: long enough for any client retry, short enough to keep the table small. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

/** Deletes idempotency records older than the retention window; returns how many. */
export async function purgeIdempotencyKeys(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - IDEMPOTENCY_RETENTION_MS);
  const result = await ctx.db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
