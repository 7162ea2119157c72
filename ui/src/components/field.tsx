import type { ComponentChildren, JSX } from "preact";

export interface ControlAttrs {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/**
 * A labelled control with its hint and its error, tied together by ids so a screen reader
 * announces the label, the hint and the API's complaint about this very field.
 */
export function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  children: (attrs: ControlAttrs) => JSX.Element;
}) {
  const id = `field-${name.replace(/\W/g, "-")}`;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  const attrs: ControlAttrs = { id, name };
  if (error) attrs["aria-invalid"] = true;
  if (described.length > 0) attrs["aria-describedby"] = described.join(" ");
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children(attrs)}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
