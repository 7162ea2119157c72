import type { ComponentChildren } from "preact";
import type { Problem } from "../api/client.ts";
import { usePrefs } from "../i18n/index.ts";
import { problemSummary } from "../lib/problem.ts";

/** Announced politely to screen readers; shown after a short delay by CSS to avoid flashes. */
export function Loading({ label }: { label?: string }) {
  const { t } = usePrefs();
  return (
    <p class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? t("state.loading")}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** A failed call: what went wrong, the request id to quote to support, and a retry if any. */
export function ProblemAlert({
  problem,
  onRetry,
  children,
}: {
  problem: Problem;
  onRetry?: () => void;
  children?: ComponentChildren;
}) {
  const prefs = usePrefs();
  return (
    <div class="alert" role="alert">
      <p class="alert-title">{problemSummary(problem, prefs)}</p>
      {children}
      {problem.requestId && (
        <p class="alert-ref">{prefs.t("error.reference", { id: problem.requestId })}</p>
      )}
      {onRetry && (
        <button type="button" class="button secondary" onClick={onRetry}>
          {prefs.t("state.retry")}
        </button>
      )}
    </div>
  );
}
