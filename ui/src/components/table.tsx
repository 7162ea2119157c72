import type { ComponentChildren } from "preact";

/**
 * A named table that scrolls sideways on narrow screens (browsers make such scrollers
 * keyboard-focusable themselves). Its name is what screen readers announce when entering it.
 */
export function Table({
  label,
  head,
  variant,
  children,
}: {
  label: string;
  /** A class that sets column widths, so sibling tables line up. */
  variant?: string;
  head: string[];
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table aria-label={label} class={variant}>
        <thead>
          <tr>
            {head.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
