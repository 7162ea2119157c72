import { usePrefs } from "../i18n/index.ts";
/**
 * A set of radio buttons in a fieldset: the legend names the question, each option its answer,
 * and arrow keys move between options as in any native radio group.
 */
export function Choice({
  name,
  legend,
  options,
  value,
  error,
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  error?: string | undefined;
  onChange(value: string): void;
}) {
  const errorId = `field-${name}-error`;
  return (
    <fieldset
      class={error ? "field choice invalid" : "field choice"}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The `<option>`s of a select over codes, each named in the reader's language (`label(group, code)`). */
export function CodeOptions({ codes, group }: { codes: readonly string[]; group: string }) {
  const { label } = usePrefs();
  return (
    <>
      {codes.map((code) => (
        <option key={code} value={code}>
          {label(group, code)}
        </option>
      ))}
    </>
  );
}
