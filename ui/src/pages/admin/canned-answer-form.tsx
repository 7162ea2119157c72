import { useRef, useState } from "preact/hooks";
import type { Problem, Schemas } from "../../api/client.ts";
import { CodeOptions } from "../../components/choice.tsx";
import { Field } from "../../components/field.tsx";
import { ProblemAlert } from "../../components/state.tsx";
import { LANGUAGES, type Lang, usePrefs } from "../../i18n/index.ts";
import type { BodyOf } from "./api-types.ts";
import { errorAt, unshown, useFormFocus } from "./shared.tsx";

export type CannedAnswer = Schemas["CannedAnswer"];
export type NewCannedAnswer = BodyOf<"/api/v1/canned-answers", "post">;
export type CannedAnswerPatch = BodyOf<"/api/v1/canned-answers/{id}", "patch">;
export type Universe = NonNullable<CannedAnswer["universe"]>;

export const UNIVERSES: readonly Universe[] = ["market", "server", "public-cloud", "enterprise"];
const FIELDS = ["language", "universe", "title", "body"];

/**
 * Only what changed, so the audit trail names the fields really changed; null when nothing did
 * (the API refuses an empty change).
 */
function changes(answer: CannedAnswer, next: NewCannedAnswer): CannedAnswerPatch | null {
  const patch: CannedAnswerPatch = {};
  if (next.language !== answer.language) patch.language = next.language;
  if ((next.universe ?? null) !== answer.universe) patch.universe = next.universe ?? null;
  if (next.title !== answer.title) patch.title = next.title;
  if (next.body !== answer.body) patch.body = next.body;
  return Object.keys(patch).length > 0 ? patch : null;
}

/**
 * A canned answer's language, universe, title and text. A new one starts in the language and
 * universe the list shows. Title and text are sent trimmed: a title of spaces is no title.
 */
export function CannedAnswerForm({
  answer,
  defaults,
  problem,
  busy,
  onCreate,
  onUpdate,
  onCancel,
}: {
  answer: CannedAnswer | null;
  defaults: { language: Lang; universe: Universe | null };
  problem: Problem | null;
  busy: boolean;
  onCreate(body: NewCannedAnswer): void;
  /** The changed fields, or null when nothing changed. */
  onUpdate(patch: CannedAnswerPatch | null): void;
  onCancel(): void;
}) {
  const prefs = usePrefs();
  const { t } = prefs;
  const [form, setForm] = useState({
    language: (answer?.language ?? defaults.language) as Lang,
    universe: (answer ? answer.universe : defaults.universe) ?? "",
    title: answer?.title ?? "",
    body: answer?.body ?? "",
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const err = (path: string) => errorAt(problem, path, prefs);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFormFocus(heading, formRef, problem);
  const submit = (event: Event) => {
    event.preventDefault();
    const body: NewCannedAnswer = {
      language: form.language,
      universe: form.universe === "" ? null : (form.universe as Universe),
      title: form.title.trim(),
      body: form.body.trim(),
    };
    if (answer) onUpdate(changes(answer, body));
    else onCreate(body);
  };
  const rest = unshown(problem, FIELDS);
  return (
    <form
      ref={formRef}
      class="form admin-form card"
      onSubmit={submit}
      aria-labelledby="canned-form"
      noValidate
    >
      <h2 id="canned-form" ref={heading} tabIndex={-1}>
        {answer ? t("canned.editing", { title: answer.title }) : t("canned.new")}
      </h2>
      {rest && <ProblemAlert problem={rest} />}
      <div class="form-grid">
        <Field name="language" label={t("canned.language")} error={err("language")}>
          {(attrs) => (
            <select
              {...attrs}
              value={form.language}
              onChange={(e) => set({ language: e.currentTarget.value as Lang })}
            >
              <CodeOptions codes={LANGUAGES} group="desk.lang" />
            </select>
          )}
        </Field>
        <Field
          name="universe"
          label={t("canned.universe")}
          hint={t("canned.universeHint")}
          error={err("universe")}
        >
          {(attrs) => (
            <select
              {...attrs}
              value={form.universe}
              onChange={(e) => set({ universe: e.currentTarget.value })}
            >
              <option value="">{t("canned.everyUniverse")}</option>
              <CodeOptions codes={UNIVERSES} group="universe" />
            </select>
          )}
        </Field>
      </div>
      <Field
        name="title"
        label={t("canned.answerTitle")}
        hint={t("canned.titleHint")}
        error={err("title")}
      >
        {(attrs) => (
          <input
            {...attrs}
            type="text"
            autoComplete="off"
            value={form.title}
            onInput={(e) => set({ title: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field name="body" label={t("canned.body")} hint={t("canned.bodyHint")} error={err("body")}>
        {(attrs) => (
          <textarea
            {...attrs}
            rows={10}
            value={form.body}
            onInput={(e) => set({ body: e.currentTarget.value })}
          />
        )}
      </Field>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {answer ? t("admin.save") : t("canned.create")}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
