/**
 * Dates, times and numbers in the reader's language and time zone. Formatters are cached:
 * building an Intl formatter costs far more than using one, and a list formats hundreds.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

export function formatDateTime(iso: string, lang: string, timeZone: string): string {
  const format = cached(
    `dt|${lang}|${timeZone}`,
    () => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone }),
  );
  return format.format(new Date(iso));
}

export function formatDate(iso: string, lang: string, timeZone: string): string {
  const format = cached(
    `d|${lang}|${timeZone}`,
    () => new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone }),
  );
  return format.format(new Date(iso));
}

export function formatNumber(value: number, lang: string): string {
  return cached(`n|${lang}`, () => new Intl.NumberFormat(lang)).format(value);
}

/** "in 3 hours", "2 days ago": the unit is the largest that keeps the figure readable. */
export function formatRelative(iso: string, lang: string, now = Date.now()): string {
  const format = cached(`r|${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: "auto" }));
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  const size = Math.abs(minutes);
  if (size < 60) return format.format(minutes, "minute");
  if (size < 48 * 60) return format.format(Math.round(minutes / 60), "hour");
  return format.format(Math.round(minutes / 1440), "day");
}

/** A duration in minutes as "4 h", "30 min" or "2 d" in the reader's language. */
export function formatMinutes(minutes: number, lang: string): string {
  const unit = (name: "minute" | "hour" | "day", value: number) =>
    cached(
      `u|${lang}|${name}`,
      () => new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "short" }),
    ).format(value);
  if (minutes < 60 || minutes % 60 !== 0) return unit("minute", minutes);
  if (minutes < 1440 || minutes % 1440 !== 0) return unit("hour", minutes / 60);
  return unit("day", minutes / 1440);
}
