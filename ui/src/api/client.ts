import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.d.ts";

export type Problem = components["schemas"]["Problem"];
export type Me = components["schemas"]["Me"];
export type Schemas = components["schemas"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Session state the middleware needs; kept here so every call site stays a one-liner. */
const session = {
  csrfToken: null as string | null,
  language: "en",
  onEnded: (): void => {},
};

export function setCsrfToken(token: string | null): void {
  session.csrfToken = token;
}

/** Problem titles come back translated from Accept-Language, so they follow the UI language. */
export function setApiLanguage(language: string): void {
  session.language = language;
}

/** Called when a call answers 401: the session expired or was signed out elsewhere. */
export function onSessionEnded(handler: () => void): void {
  session.onEnded = handler;
}

const middleware: Middleware = {
  onRequest({ request }) {
    request.headers.set("accept-language", session.language);
    // Cookie-authenticated writes must echo the session's CSRF token (src/http/auth.ts).
    if (!SAFE_METHODS.has(request.method) && session.csrfToken) {
      request.headers.set("x-csrf-token", session.csrfToken);
    }
    return request;
  },
  onResponse({ request, response }) {
    const signingIn = new URL(request.url).pathname === "/api/v1/auth/sessions";
    if (response.status === 401 && !signingIn) session.onEnded();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: location.origin, credentials: "same-origin" });
api.use(middleware);

export type Result<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** A problem made on this side, for failures that never reached the API's error handler. */
function localProblem(code: string, status: number, detail: string): Problem {
  return { type: "about:blank", code, status, title: "", detail, requestId: "" };
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "code" in value && "status" in value;
}

/**
 * Turns an openapi-fetch call into a Result: data, or a problem+json document. Network failures
 * and non-JSON error pages (a proxy's 502) become problems with codes the UI translates.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Result<T>> {
  try {
    const { data, error, response } = await request;
    if (response.ok) return { ok: true, data: data as T };
    if (isProblem(error)) return { ok: false, problem: error };
    return { ok: false, problem: localProblem("http_error", response.status, String(error)) };
  } catch (error) {
    return { ok: false, problem: localProblem("network_error", 0, String(error)) };
  }
}

/** Like call, but throws the problem: for loaders, whose error state shows it. */
export async function load<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const result = await call(request);
  if (!result.ok) throw result.problem;
  return result.data;
}

export { isProblem };
