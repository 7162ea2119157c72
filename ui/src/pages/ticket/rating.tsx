import { useEffect, useRef, useState } from "preact/hooks";
import { api, call, type Problem } from "../../api/client.ts";
import { Choice } from "../../components/choice.tsx";
import { Field } from "../../components/field.tsx";
import { ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { fieldErrors } from "../../lib/problem.ts";
import type { Message } from "./data.ts";

type Value = "solved" | "not-answered";
export type Rating = NonNullable<Message["rating"]>;

/** How the customer rated an answer, as the thread shows it once rated. */
export function RatingShown({ rating }: { rating: Rating }) {
  const { t } = usePrefs();
  return (
    <div class={`rating rated-${rating.value}`}>
      <p>{t(`rating.done.${rating.value}`)}</p>
      {rating.comment && (
        <p class="rating-comment">
          <span class="muted">{t("rating.yourComment")}</span> {rating.comment}
        </p>
      )}
    </div>
  );
}

/**
 * "Rate this answer" opens a small form: solved my problem, or did not answer my question, with
 * an optional comment. A rating is final (the API refuses a second one), so the form closes
 * for good once sent; `onRated` reloads the facts, since either answer can change the status.
 */
export function RateAnswer({
  number,
  message,
  onRated,
}: {
  number: string;
  message: Message;
  onRated(rating: Rating): void;
}) {
  const prefs = usePrefs();
  const { t } = prefs;
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<Value | "">("");
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [missing, setMissing] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const name = `rating-${message.id}`;

  // Opening moves focus into the form, so keyboard users land on the question.
  useEffect(() => {
    if (open) form.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, [open]);

  if (!open) {
    return (
      <button
        type="button"
        class="button secondary small"
        ref={opener}
        onClick={() => setOpen(true)}
      >
        {t("rating.open")}
      </button>
    );
  }
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (value === "") return setMissing(true);
    setBusy(true);
    const trimmed = comment.trim();
    const result = await call(
      api.POST("/api/v1/tickets/{number}/messages/{messageId}/rating", {
        params: { path: { number, messageId: message.id } },
        body: trimmed ? { rating: value, comment: trimmed } : { rating: value },
      }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    const { rating, comment: saved, createdAt } = result.data;
    onRated({ value: rating, comment: saved, createdAt });
  };
  const errors = fieldErrors(problem, prefs);
  return (
    <form class="form rating-form" ref={form} onSubmit={submit} noValidate aria-busy={busy}>
      {problem && !errors.rating && !errors.comment && <ProblemAlert problem={problem} />}
      <Choice
        name={name}
        legend={t("rating.legend")}
        options={[
          { value: "solved", label: t("rating.solved") },
          { value: "not-answered", label: t("rating.not-answered") },
        ]}
        value={value}
        error={errors.rating ?? (missing && value === "" ? t("rating.pick") : undefined)}
        onChange={(next) => {
          setMissing(false);
          setValue(next as Value);
        }}
      />
      {value === "not-answered" && <p class="hint">{t("rating.notAnsweredHint")}</p>}
      <Field
        name={`${name}-comment`}
        label={t("rating.comment")}
        hint={t("rating.commentHint")}
        error={errors.comment}
      >
        {(attrs) => (
          <textarea
            {...attrs}
            rows={3}
            maxLength={2000}
            value={comment}
            onInput={(event) => setComment(event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t("rating.sending") : t("rating.submit")}
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            setOpen(false);
            setProblem(null);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        >
          {t("rating.cancel")}
        </button>
      </div>
    </form>
  );
}
