import type { ComponentChildren } from "preact";

/** Label–value pairs as a definition list, the way every screen shows an object's facts. */
export function FactList({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
