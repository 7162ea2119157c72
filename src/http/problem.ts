/** Stable machine codes of every error Palier returns; each maps to one HTTP status. */
export const problemStatus = {
  validation_failed: 400,
  malformed_json: 400,
  invalid_cursor: 400,
  invalid_idempotency_key: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  insufficient_scope: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_exists: 409,
  contact_change_open: 409,
  contact_change_closed: 409,
  contact_change_expired: 409,
  ticket_closed: 409,
  job_not_failed: 409,
  reopen_window_passed: 409,
  same_account: 422,
  token_already_used: 409,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  invalid_token: 422,
  region_mismatch: 422,
  role_not_transferable: 422,
  level_not_offered: 422,
  fast_path_not_certified: 422,
  fast_path_not_subscribed: 422,
  fast_path_not_tech_contact: 422,
  fast_path_quota_exhausted: 422,
  webhook_inactive: 409,
  webhook_limit_reached: 409,
  unprocessable: 422,
  rate_limited: 429,
  too_many_streams: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ProblemCode = keyof typeof problemStatus;

export interface FieldError {
  field: string;
  in: "body" | "query" | "params" | "headers";
  message: string;
}

/** A failure the caller can act on; never carries internal detail. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.status = problemStatus[code];
  }
}

export const notFound = (what: string): AppError =>
  new AppError("not_found", `${what} not found`, [], { what });

export const forbidden = (message = "You may not do this"): AppError =>
  new AppError("forbidden", message);

/** A validation failure on one named field of the body. */
export const invalidField = (field: string, message: string): AppError =>
  new AppError("validation_failed", message, [{ field, in: "body", message }]);
