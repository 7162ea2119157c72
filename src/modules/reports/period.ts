import { AppError } from "../../http/problem.ts";

/** A report's period: tickets (or ratings) from `from` included to `to` excluded. */
export interface Period {
  from: Date;
  to: Date;
}

export const DEFAULT_PERIOD_DAYS = 30;
/** A year, leap day included: longer periods belong in an export of the data itself. */
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

const queryError = (field: "from" | "to", message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, [{ field, in: "query", message }]);

/**
 * The period a report covers: `to` defaults to now and `from` to 30 days before `to`; `from`
 * must come before `to`, at most 366 days before. The query schema has already checked both
 * are ISO 8601 instants.
 */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = query.to === undefined ? now : new Date(query.to);
  const from =
    query.from === undefined
      ? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS)
      : new Date(query.from);
  if (from.getTime() >= to.getTime()) {
    throw query.to === undefined
      ? queryError("from", "must be before now, the default end of the period")
      : queryError(query.from === undefined ? "to" : "from", "must be before to");
  }
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw queryError("from", `the period may span at most ${MAX_PERIOD_DAYS} days`);
  }
  return { from, to } satisfies Period;
}
