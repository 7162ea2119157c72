import { useEffect, useState } from "preact/hooks";
import { usePrefs } from "../../i18n/index.ts";
import { formatDateTime, formatRelative } from "../../lib/format.ts";
import "../../styles/desk.css";

export type Risk = "ok" | "risk" | "breached" | "paused";

/**
 * Where a clock stands: breached once past due, at risk once past the warning instant (75 % of
 * the target used, `staff.slaWarnAt`), on time before; paused when no clock runs.
 */
export function riskOf(dueAt: string | null, warnAt: string | null, now: number): Risk {
  if (!dueAt) return "paused";
  if (Date.parse(dueAt) <= now) return "breached";
  if (warnAt && Date.parse(warnAt) <= now) return "risk";
  return "ok";
}

/** The current time, moved on every half minute so countdowns count down on screen. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The risk as a word, never colour alone: "On time", "Under 25 % left", "Breached". */
export function RiskBadge({ risk }: { risk: Risk }) {
  const { label } = usePrefs();
  return <span class={`badge risk risk-${risk}`}>{label("desk.risk", risk)}</span>;
}

/** An SLA countdown: the risk label, then "in 3 hours" (or "2 hours ago") with the exact time. */
export function SlaCountdown({
  dueAt,
  warnAt,
  now,
  exact = false,
}: {
  dueAt: string | null;
  warnAt: string | null;
  now: number;
  /** Also print the exact time (the workspace has room; tables put it in a tooltip). */
  exact?: boolean;
}) {
  const { locale, timeZone } = usePrefs();
  const risk = riskOf(dueAt, warnAt, now);
  if (!dueAt) return <RiskBadge risk={risk} />;
  const at = formatDateTime(dueAt, locale, timeZone);
  return (
    <span class={`countdown countdown-${risk}`}>
      <RiskBadge risk={risk} />{" "}
      <time dateTime={dueAt} title={at}>
        {formatRelative(dueAt, locale, now)}
      </time>
      {exact && <span class="countdown-exact">{at}</span>}
    </span>
  );
}
