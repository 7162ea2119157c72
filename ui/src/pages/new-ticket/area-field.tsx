import { load } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { useLoad } from "../../lib/use-load.ts";
import { fetchMatrix } from "./data.ts";

/** The areas of the product's responsibility matrix, in the matrix's own order. */
export function AreaField({
  product,
  value,
  error,
  onChange,
}: {
  product: string;
  value: string;
  error?: string | undefined;
  onChange(value: string): void;
}) {
  const { t, label, lang } = usePrefs();
  const matrix = useLoad(() => load(fetchMatrix(product, lang)), [product, lang]);
  const rows = matrix.state === "ready" ? matrix.data.items : [];
  return (
    <Field name="area" label={t("new.area")} hint={t("new.areaHint")} error={error}>
      {(attrs) => (
        <select
          {...attrs}
          value={value}
          aria-busy={matrix.state === "loading"}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          <option value="">{t("new.areaUnknown")}</option>
          {rows.map((row) => (
            <option key={row.area} value={row.area}>
              {label("area", row.area)} · {t(`owner.${row.owner}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
