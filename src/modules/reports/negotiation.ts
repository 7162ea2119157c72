/**
 * Whether a report leaves as CSV: ?format decides when given; otherwise the Accept header, when
 * it prefers text/csv to JSON (by q-value, JSON winning ties, and an absent type counting 0).
 */
export function wantsCsv(format: "json" | "csv" | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === "csv";
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  for (const part of accept.split(",")) {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) continue;
    const media = type.trim();
    if (media === "text/csv") csv = Math.max(csv, q);
    if (media === "application/json" || media === "application/*" || media === "*/*") {
      json = Math.max(json, q);
    }
  }
  return csv > json;
}
