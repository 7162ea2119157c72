import type { Language } from "../../db/schema.ts";

/** A date in the recipient's language and time zone, with the zone named; UTC when unknown. */
export function formatInstant(iso: string | Date, language: Language, timeZone: string): string {
  const at = typeof iso === "string" ? new Date(iso) : iso;
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
  };
  try {
    return `${new Intl.DateTimeFormat(language, options).format(at)} (${timeZone})`;
  } catch {
    return `${new Intl.DateTimeFormat(language, { ...options, timeZone: "UTC" }).format(at)} (UTC)`;
  }
}
