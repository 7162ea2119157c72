import { useState } from "preact/hooks";
import { api, call, type Problem } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import {
  attachmentIds,
  attachmentsError,
  FileField,
  type Upload,
} from "../../components/file-field.tsx";
import { ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { fieldErrors } from "../../lib/problem.ts";
import type { Message } from "./data.ts";

/** The customer's reply; once sent, the message joins the thread and the ticket reloads. */
export function ReplyForm({ number, onSent }: { number: string; onSent(message: Message): void }) {
  const prefs = usePrefs();
  const { t } = prefs;
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sent, setSent] = useState(false);
  const [uploads, setUploads] = useState<Upload[]>([]);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setSent(false);
    const result = await call(
      api.POST("/api/v1/tickets/{number}/messages", {
        params: { path: { number } },
        body: { body, ...attachmentIds(uploads) },
      }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setBody("");
    setUploads([]);
    setSent(true);
    onSent(result.data);
  };

  const errors = fieldErrors(problem, prefs);
  const filesError = attachmentsError(errors);
  return (
    <form class="form" onSubmit={submit} noValidate aria-busy={busy}>
      {problem && !errors.body && !filesError && <ProblemAlert problem={problem} />}
      <Field name="body" label={t("reply.body")} hint={t("reply.hint")} error={errors.body}>
        {(attrs) => (
          <textarea
            {...attrs}
            value={body}
            required
            onInput={(event) => setBody(event.currentTarget.value)}
          />
        )}
      </Field>
      <FileField
        name="reply-attachments"
        uploads={uploads}
        onChange={setUploads}
        error={filesError}
      />
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t("reply.sending") : t("reply.send")}
        </button>
        <p role="status" class="form-status">
          {sent ? t("reply.sent") : ""}
        </p>
      </div>
    </form>
  );
}
