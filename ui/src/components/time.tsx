import { usePrefs } from "../i18n/index.ts";
import { formatDateTime, formatRelative } from "../lib/format.ts";

/** An instant in the reader's language and time zone, machine-readable in `datetime`. */
export function DateTime({ iso }: { iso: string }) {
  const { locale, timeZone } = usePrefs();
  return <time dateTime={iso}>{formatDateTime(iso, locale, timeZone)}</time>;
}

/**
 * When the next answer is due: "in 3 hours" with the exact time beside it, marked overdue once
 * past. No due time means the SLA clock is paused (waiting for the customer, or on hold).
 */
export function DueTime({ dueAt, status }: { dueAt: string | null; status: string }) {
  const { t, locale, timeZone } = usePrefs();
  if (!dueAt) {
    return (
      <span class="muted">
        {status === "waiting-for-customer" ? t("due.awaitingYou") : t("due.paused")}
      </span>
    );
  }
  const overdue = new Date(dueAt).getTime() < Date.now();
  return (
    <span class={overdue ? "due overdue" : "due"}>
      {overdue && <strong class="badge danger">{t("due.overdue")}</strong>}
      <time dateTime={dueAt}>
        <span class="due-relative">{formatRelative(dueAt, locale)}</span>
        <span class="due-exact">{formatDateTime(dueAt, locale, timeZone)}</span>
      </time>
    </span>
  );
}
