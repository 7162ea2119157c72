import type { Problem } from "../api/client.ts";
import type { Translator } from "../i18n/index.ts";

/** One line that says what went wrong, in the reader's language. */
export function problemSummary(problem: Problem, { t }: Translator): string {
  if (problem.code === "network_error") return t("error.network");
  if (problem.code === "http_error") return t("error.http", { status: problem.status });
  // The API translates titles from Accept-Language, which the client sets to the UI language.
  return problem.title || t("error.title");
}

/**
 * The API's field messages are English validator wording; the common ones are translated
 * here, and anything else falls back to the problem's translated title outside English.
 */
export function fieldMessage(message: string, problem: Problem, tr: Translator): string {
  const { t, lang } = tr;
  if (message === "is required") return t("field.required");
  if (message === "unknown field") return t("field.unknown");
  if (message.startsWith("must be one of:")) return t("field.oneOf");
  if (message === 'must match format "email"') return t("field.email");
  const short = /^must NOT have fewer than (\d+) characters$/.exec(message);
  if (short) {
    const n = Number(short[1]);
    return n === 1 ? t("field.required") : t("field.tooShort", { n });
  }
  const long = /^must NOT have more than (\d+) characters$/.exec(message);
  if (long) return t("field.tooLong", { n: Number(long[1]) });
  if (lang === "en") return message;
  return problem.title || t("field.invalid");
}

/** Field name → message, for the fields a problem names. */
export function fieldErrors(problem: Problem | null, tr: Translator): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of problem?.errors ?? []) {
    out[item.field] ??= fieldMessage(item.message, problem as Problem, tr);
  }
  return out;
}
