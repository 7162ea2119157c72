import { load } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { useLoad } from "../../lib/use-load.ts";
import { fetchMatrix, type MatrixRow } from "./data.ts";

/**
 * The product's responsibility matrix in the Manager's language (the intake answers in the
 * account's language, which may differ); none while no product is chosen.
 */
export function useMatrix(product: string | null) {
  const { lang } = usePrefs();
  const matrix = useLoad(
    async () => (product ? (await load(fetchMatrix(product, lang))).items : []),
    [product, lang],
  );
  return { rows: matrix.state === "ready" ? matrix.data : [], loading: matrix.state === "loading" };
}

/** The areas of the product's responsibility matrix, in the matrix's own order. */
export function AreaField({
  rows,
  loading,
  value,
  error,
  onChange,
}: {
  rows: MatrixRow[];
  loading: boolean;
  value: string;
  error?: string | undefined;
  onChange(value: string): void;
}) {
  const { t, label } = usePrefs();
  return (
    <Field name="area" label={t("new.area")} hint={t("new.areaHint")} error={error}>
      {(attrs) => (
        <select
          {...attrs}
          value={value}
          aria-busy={loading}
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
