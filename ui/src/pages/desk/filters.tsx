import type { JSX } from "preact";
import { usePrefs } from "../../i18n/index.ts";

/** A labelled select among codes, "all" first; the labels come from the catalogues. */
export function CodeFilter({
  name,
  label,
  value,
  codes,
  text,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  codes: readonly string[];
  text(code: string): string;
  onChange(value: string): void;
}): JSX.Element {
  const { t } = usePrefs();
  const id = `filter-${name}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t("desk.filter.all")}</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {text(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
