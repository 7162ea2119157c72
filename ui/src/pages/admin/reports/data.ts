import { api, load } from "../../../api/client.ts";
import type { Translator } from "../../../i18n/index.ts";
import type { GetOk } from "../api-types.ts";

export type ComplianceReport = GetOk<"/api/v1/reports/sla-compliance">;
export type ResponseTimes = GetOk<"/api/v1/reports/response-times">;
export type Backlog = GetOk<"/api/v1/reports/backlog">;
export type Ratings = GetOk<"/api/v1/reports/ratings">;
export type FastPath = GetOk<"/api/v1/reports/fast-path">;

export const REPORTS = [
  "sla-compliance",
  "response-times",
  "backlog",
  "ratings",
  "fast-path",
] as const;
export type ReportName = (typeof REPORTS)[number];

export interface Period {
  from: string;
  to: string;
}

/** The last `days` days up to now, as the API's ISO instants. */
export function lastDays(days: number, now = Date.now()): Period {
  return {
    from: new Date(now - days * 86_400_000).toISOString(),
    to: new Date(now).toISOString(),
  };
}

/** The address of a report's CSV export: the API's ?format=csv, sent with the session cookie. */
export function csvHref(name: ReportName, period: Period): string {
  const query = new URLSearchParams({ format: "csv", from: period.from, to: period.to });
  return `/api/v1/reports/${name}?${query}`;
}

// The API documents JSON and CSV answers; without ?format=csv it sends JSON.
export const fetchCompliance = (query: Period) =>
  load(
    api.GET("/api/v1/reports/sla-compliance", { params: { query } }),
  ) as Promise<ComplianceReport>;
export const fetchResponseTimes = (query: Period) =>
  load(api.GET("/api/v1/reports/response-times", { params: { query } })) as Promise<ResponseTimes>;
export const fetchBacklog = (query: Period) =>
  load(api.GET("/api/v1/reports/backlog", { params: { query } })) as Promise<Backlog>;
export const fetchRatings = (query: Period) =>
  load(api.GET("/api/v1/reports/ratings", { params: { query } })) as Promise<Ratings>;
export const fetchFastPath = (query: Period) =>
  load(api.GET("/api/v1/reports/fast-path", { params: { query } })) as Promise<FastPath>;

/** "Server · Business": a report row's universe and level in the reader's language. */
export function groupLabel({ label }: Translator, universe: string, level: string): string {
  return `${label("universe", universe)} · ${label("level", level)}`;
}

/** Minutes as "45 min", "3.5 h" or "2.1 d": one decimal at most, the unit the reader expects. */
export function durationText(minutes: number | null, { locale, t }: Translator): string {
  if (minutes === null) return t("report.none");
  const unit = (name: "minute" | "hour" | "day", value: number) =>
    new Intl.NumberFormat(locale, {
      style: "unit",
      unit: name,
      unitDisplay: "short",
      maximumFractionDigits: 1,
    }).format(value);
  if (minutes < 60) return unit("minute", Math.round(minutes));
  if (minutes < 2880) return unit("hour", minutes / 60);
  return unit("day", minutes / 1440);
}

/** A percentage (0-100) in the reader's language, or "none" when nothing was measured. */
export function percentText(value: number | null, { locale, t }: Translator): string {
  if (value === null) return t("report.none");
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
    value / 100,
  );
}
