/** Calendar boundaries for subscriptions and quotas; all in UTC, as stored. */

export function startOfMonthUtc(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

export function startOfNextMonthUtc(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

/** [1 January, next 1 January) of the UTC year holding `at`. */
export function yearBoundsUtc(at: Date): { year: number; from: Date; to: Date } {
  const year = at.getUTCFullYear();
  return { year, from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** The first instant of a YYYY-MM month. */
export function monthStart(month: string): Date {
  const [year, mon] = month.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (mon ?? 1) - 1, 1));
}
