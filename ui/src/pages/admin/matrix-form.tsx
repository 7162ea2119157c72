import { useRef, useState } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { ProblemAlert } from "../../components/state.tsx";
import { LANGUAGE_NAMES, LANGUAGES, usePrefs } from "../../i18n/index.ts";
import type { BodyOf, GetOk } from "./api-types.ts";
import { errorAt, unshown, useFormFocus } from "./shared.tsx";

export type MatrixRow = GetOk<"/api/v1/catalog/products/{id}/responsibilities">["items"][number];
export type RowPut = BodyOf<"/api/v1/catalog/products/{id}/responsibilities/{area}", "put">;
const OWNERS = ["provider", "customer", "shared"] as const;

/** One area of a responsibility matrix: its owner, position and explanation in each language. */
export function MatrixRowForm({
  row,
  problem,
  busy,
  onSave,
  onCancel,
}: {
  row: MatrixRow | null;
  problem: Problem | null;
  busy: boolean;
  onSave(area: string, body: RowPut): void;
  onCancel(): void;
}) {
  const prefs = usePrefs();
  const { t, label } = prefs;
  const [area, setArea] = useState(row?.area ?? "");
  const [owner, setOwner] = useState<RowPut["owner"]>(row?.owner ?? "provider");
  const [position, setPosition] = useState(row ? String(row.position) : "");
  const [explanation, setExplanation] = useState(row?.explanation ?? { en: "", fr: "", ru: "" });
  const err = (path: string) => errorAt(problem, path, prefs);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFormFocus(heading, formRef, problem);
  const submit = (event: Event) => {
    event.preventDefault();
    const body: RowPut = { owner, explanation };
    if (position.trim() !== "") body.position = Number(position);
    onSave(area.trim(), body);
  };
  const rest = unshown(problem, ["area", "owner", "position", "explanation"]);
  const title = row
    ? t("catalogue.editing", { area: label("area", row.area) })
    : t("catalogue.newArea");
  return (
    <form
      ref={formRef}
      class="form admin-form"
      onSubmit={submit}
      aria-labelledby="matrix-form"
      noValidate
    >
      <h3 id="matrix-form" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {rest && <ProblemAlert problem={rest} />}
      <div class="form-grid">
        {!row && (
          <Field
            name="area"
            label={t("catalogue.area")}
            hint={t("catalogue.areaHint")}
            error={err("area")}
          >
            {(attrs) => (
              <input {...attrs} value={area} onInput={(e) => setArea(e.currentTarget.value)} />
            )}
          </Field>
        )}
        <Field name="owner" label={t("catalogue.owner")} error={err("owner")}>
          {(attrs) => (
            <select
              {...attrs}
              value={owner}
              onChange={(e) => setOwner(e.currentTarget.value as RowPut["owner"])}
            >
              {OWNERS.map((o) => (
                <option key={o} value={o}>
                  {label("owner", o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="position" label={t("catalogue.position")} error={err("position")}>
          {(attrs) => (
            <input
              {...attrs}
              inputMode="numeric"
              value={position}
              onInput={(e) => setPosition(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      {LANGUAGES.map((lang) => (
        <Field
          key={lang}
          name={`explanation.${lang}`}
          label={t("catalogue.explanation", { language: LANGUAGE_NAMES[lang] })}
          error={err(`explanation.${lang}`)}
        >
          {(attrs) => (
            <textarea
              {...attrs}
              lang={lang}
              rows={3}
              value={explanation[lang]}
              onInput={(e) => setExplanation({ ...explanation, [lang]: e.currentTarget.value })}
            />
          )}
        </Field>
      ))}
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {t("admin.save")}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
