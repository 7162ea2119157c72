import type { JobRow } from "./repository.ts";

/** Keys whose values never leave through the API: one-time tokens, their links, secrets. */
const SECRET_KEYS = new Set(["token", "link", "secret", "password"]);

/** Replaces the values of secret keys at any depth with "[redacted]". */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEYS.has(key.toLowerCase()) ? "[redacted]" : redact(inner),
    ]),
  );
}

/**
 * The message of the last failure. Palier's worker stores { name, message, stack }; pg-boss
 * wraps its own (expiry, shutdown) as { value: { message } } or { value: "text" }.
 */
export function lastErrorOf(output: unknown): string | null {
  if (output === null || typeof output !== "object") return null;
  const { message, value } = output as { message?: unknown; value?: unknown };
  if (typeof message === "string") return message;
  if (typeof value === "string") return value;
  if (value && typeof value === "object") {
    const inner = (value as { message?: unknown }).message;
    if (typeof inner === "string") return inner;
  }
  return null;
}

export function presentJob(row: JobRow) {
  const failedBefore = row.state !== "completed";
  return {
    id: row.id,
    queue: row.name,
    state: row.state,
    data: redact(row.data),
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    // A completed job's output is its result, not an error.
    lastError: failedBefore ? lastErrorOf(row.output) : null,
    createdAt: row.created_on.toISOString(),
    startAfter: row.start_after.toISOString(),
    startedAt: row.started_on?.toISOString() ?? null,
    completedAt: row.completed_on?.toISOString() ?? null,
  };
}
