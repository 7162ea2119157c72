import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { type Lang, negotiateLanguage, translator } from "../i18n/index.ts";
import { AppError, type FieldError, type ProblemCode, problemStatus } from "./problem.ts";

type ValidationItem = NonNullable<FastifyError["validation"]>[number];

const CONTEXTS: Record<string, FieldError["in"]> = {
  body: "body",
  querystring: "query",
  params: "params",
  headers: "headers",
};

function fieldOf(item: ValidationItem): string {
  const base = item.instancePath.replace(/^\//, "").replaceAll("/", ".");
  const params = item.params as Record<string, unknown>;
  const extra =
    (params.missingProperty as string | undefined) ??
    (params.additionalProperty as string | undefined);
  if (extra) return base ? `${base}.${extra}` : extra;
  return base || "(root)";
}

function messageOf(item: ValidationItem): string {
  const params = item.params as Record<string, unknown>;
  if (params.additionalProperty) return "unknown field";
  if (params.missingProperty) return "is required";
  return item.message ?? "is not valid";
}

/**
 * A union of literals fails once per branch; callers need one line per field that lists the
 * accepted values, not five "must be equal to constant".
 */
function collapse(items: ValidationItem[]): Omit<FieldError, "in">[] {
  const byField = new Map<string, { message: string; allowed: unknown[] }>();
  for (const item of items) {
    const field = fieldOf(item);
    const entry = byField.get(field) ?? { message: messageOf(item), allowed: [] };
    const params = item.params as Record<string, unknown>;
    if (item.keyword === "const") entry.allowed.push(params.allowedValue);
    if (item.keyword === "enum") entry.allowed.push(...((params.allowedValues as unknown[]) ?? []));
    byField.set(field, entry);
  }
  return [...byField].map(([field, entry]) => ({
    field,
    message:
      entry.allowed.length > 0
        ? `must be one of: ${entry.allowed.map((v) => JSON.stringify(v)).join(", ")}`
        : entry.message,
  }));
}

/** Fastify's own errors (parser, limits) mapped to our stable codes. */
function fromFastify(error: FastifyError): AppError | null {
  if (error.validation) {
    const where = CONTEXTS[error.validationContext ?? "body"] ?? "body";
    const errors = collapse(error.validation).map((item) => ({ ...item, in: where }));
    const first = errors[0];
    const detail = first ? `${first.field}: ${first.message}` : "The request is not valid";
    return new AppError("validation_failed", detail, errors);
  }
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("malformed_json", "The request body is not valid JSON");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("payload_too_large", "The request body is too large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported_media_type", "Send application/json");
  }
  if (error instanceof SyntaxError)
    return new AppError("malformed_json", "The request body is not valid JSON");
  if (error.statusCode === 429) return new AppError("rate_limited", "Too many requests");
  return null;
}

/** Database errors that a racing request can still cause after the service's checks. */
function fromDatabase(error: unknown): AppError | null {
  const code = (error as { code?: unknown }).code;
  if (code === "23505") return new AppError("already_exists", "This already exists");
  if (code === "23503") return new AppError("unprocessable", "A referenced record does not exist");
  if (code === "23514")
    return new AppError("unprocessable", "A value is outside the allowed range");
  if (code === "40001" || code === "40P01")
    return new AppError("conflict", "Concurrent change, retry");
  return null;
}

export function problemBody(error: AppError, lang: Lang, requestId: string) {
  const t = translator(lang);
  return {
    type: `https://palier.dev/problems/${error.code}`,
    title: t(`problem.${error.code}`),
    status: error.status,
    code: error.code,
    detail: error.message,
    requestId,
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
  };
}

/** Every error leaves as RFC 9457 problem+json; internals go to the log, never the client. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = error instanceof AppError ? error : (fromFastify(error) ?? fromDatabase(error));
  const problem = known ?? new AppError("internal_error", "Internal error");
  if (!known) request.log.error({ err: error }, "unhandled error");
  else if (problem.status >= 500) request.log.error({ err: error }, problem.code);
  const own = request.principal?.kind === "user" ? request.principal.language : undefined;
  const lang = negotiateLanguage(request.headers["accept-language"], own);
  return reply
    .code(problem.status)
    .type("application/problem+json")
    .send(problemBody(problem, lang, request.id));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const lang = negotiateLanguage(request.headers["accept-language"]);
  const problem = new AppError(
    "route_not_found",
    `No endpoint ${request.method} ${request.url.split("?")[0]}`,
  );
  return reply
    .code(404)
    .type("application/problem+json")
    .send(problemBody(problem, lang, request.id));
}

export const knownCodes = Object.keys(problemStatus) as ProblemCode[];
