import { Table } from "../../../components/table.tsx";
import { usePrefs } from "../../../i18n/index.ts";

export interface Series {
  key: string;
  name: string;
  /** A class giving the bar its colour and pattern (admin.css), so colour is not alone. */
  style: string;
}

export interface BarRow {
  label: string;
  values: Record<string, number | null>;
}

const ROW = 22;
const GAP = 10;
// Each row's label sits on its own line above its bars: long names (Russian ones) never clip.
const LABEL_HEIGHT = 18;
const LEGEND_STEP = 170;
const BAR_WIDTH = 520;
const VALUE_WIDTH = 200;

/**
 * A horizontal bar chart drawn as inline SVG (no chart library: the reports chunk stays small).
 * Each row has one bar per series with its value written after it, so neither colour nor bar
 * length carries meaning alone; the title and summary name the figure for screen readers, and
 * "Show the data" opens the same figures as a table anyone can read and navigate.
 */
export function BarChart({
  id,
  title,
  summary,
  rowHeader,
  series,
  rows,
  max,
  format,
}: {
  id: string;
  title: string;
  summary: string;
  rowHeader: string;
  series: Series[];
  rows: BarRow[];
  /** The value of a full bar; the largest value when not given. */
  max?: number;
  format(value: number | null): string;
}) {
  const { t } = usePrefs();
  const biggest =
    max ?? Math.max(1, ...rows.flatMap((row) => series.map((s) => row.values[s.key] ?? 0)));
  const band = LABEL_HEIGHT + series.length * ROW + GAP;
  const height = rows.length * band + (series.length > 1 ? 28 : 4);
  const width = BAR_WIDTH + VALUE_WIDTH;
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} class="chart-title">
        {title}
      </figcaption>
      <p id={`${id}-summary`} class="chart-summary">
        {summary}
      </p>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-summary`}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        {rows.map((row, r) => {
          const top = r * band;
          return (
            <g key={row.label} transform={`translate(0 ${top})`}>
              <text class="chart-label" x={0} y={13}>
                {row.label}
              </text>
              {series.map((s, i) => {
                const value = row.values[s.key] ?? null;
                const length =
                  value === null ? 0 : (Math.min(value, biggest) / biggest) * BAR_WIDTH;
                const y = LABEL_HEIGHT + i * ROW + 2;
                const text = series.length > 1 ? `${s.name}: ${format(value)}` : format(value);
                return (
                  <g key={s.key}>
                    <rect class={`bar ${s.style}`} x={0} y={y} width={length} height={ROW - 6} />
                    <text class="chart-value" x={length + 6} y={y + ROW - 10}>
                      {text}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {series.length > 1 &&
          series.map((s, i) => (
            <g key={s.key} transform={`translate(${i * LEGEND_STEP} ${height - 18})`}>
              <rect class={`bar ${s.style}`} width="14" height="14" />
              <text class="chart-value" x="20" y="12">
                {s.name}
              </text>
            </g>
          ))}
      </svg>
      <details class="chart-data">
        <summary>{t("chart.showData")}</summary>
        <Table label={title} head={[rowHeader, ...series.map((s) => s.name)]}>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {series.map((s) => (
                <td key={s.key}>{format(row.values[s.key] ?? null)}</td>
              ))}
            </tr>
          ))}
        </Table>
      </details>
    </figure>
  );
}
