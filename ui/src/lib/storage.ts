/**
 * Remembered preferences. Storage can be unavailable (private modes, disabled cookies): the
 * Manager then works with defaults instead of failing.
 */
const LANGUAGE = "palier.language";
const TIME_ZONE = "palier.timeZone";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered; the choice still applies to this page.
  }
}

export const stored = {
  language: () => read(LANGUAGE),
  setLanguage: (value: string) => write(LANGUAGE, value),
  timeZone: () => read(TIME_ZONE),
  setTimeZone: (value: string) => write(TIME_ZONE, value),
};

/** The browser's own time zone, the default until the user picks one. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function isTimeZone(value: string | null): value is string {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
