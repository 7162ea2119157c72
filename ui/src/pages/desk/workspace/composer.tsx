import { useEffect, useRef, useState } from "preact/hooks";
import { api, call, type Problem } from "../../../api/client.ts";
import { Field } from "../../../components/field.tsx";
import {
  attachmentIds,
  attachmentsError,
  FileField,
  type Upload,
} from "../../../components/file-field.tsx";
import { ProblemAlert } from "../../../components/state.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { fieldErrors } from "../../../lib/problem.ts";
import { useLoad } from "../../../lib/use-load.ts";
import {
  type CannedAnswer,
  fetchCannedAnswers,
  isLanguage,
  isUniverse,
  type Ticket,
} from "../data.ts";

export type Mode = "reply" | "note";
const STATUSES = ["waiting-for-customer", "waiting-for-provider", "on-hold", "solved"] as const;
type StaffStatus = (typeof STATUSES)[number];

/** The canned answers in the ticket's language (and universe), to insert into the text. */
function CannedPicker({ ticket, onInsert }: { ticket: Ticket; onInsert(text: string): void }) {
  const { t, label } = usePrefs();
  const [chosen, setChosen] = useState("");
  const answers = useLoad(async () => {
    if (!isLanguage(ticket.language) || !isUniverse(ticket.universe)) return [];
    const result = await call(fetchCannedAnswers(ticket.language, ticket.universe));
    if (!result.ok) throw result.problem;
    return result.data.items;
  }, [ticket.language, ticket.universe]);
  if (answers.state === "error") return <ProblemAlert problem={answers.problem} />;
  const list: CannedAnswer[] = answers.state === "ready" ? answers.data : [];
  const insert = () => {
    const answer = list.find((a) => a.id === chosen);
    if (answer) onInsert(answer.body);
  };
  return (
    <div class="canned">
      <Field
        name="canned"
        label={t("desk.canned.label")}
        hint={t("desk.canned.hint", { language: label("desk.lang", ticket.language) })}
      >
        {(attrs) => (
          <select
            {...attrs}
            value={chosen}
            disabled={answers.state === "loading"}
            onChange={(e) => setChosen(e.currentTarget.value)}
          >
            <option value="">{t("desk.canned.choose")}</option>
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="button" class="button secondary" onClick={insert} disabled={!chosen}>
        {t("desk.canned.insert")}
      </button>
    </div>
  );
}

/** The out-of-perimeter answer: the matrix's own text for the ticket's area, sent as is. */
function OutOfPerimeter({ ticket, onSent }: { ticket: Ticket; onSent(): void }) {
  const { t, label } = usePrefs();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!ticket.product || !ticket.responsibilityArea || ticket.status === "closed") return null;
  const send = async () => {
    setBusy(true);
    const result = await call(
      api.POST("/api/v1/tickets/{number}/out-of-perimeter-answer", {
        params: { path: { number: ticket.number } },
        body: {},
      }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    onSent();
  };
  return (
    <div class="oop">
      <p class="hint">{t("desk.oop.hint", { area: label("area", ticket.responsibilityArea) })}</p>
      {problem && <ProblemAlert problem={problem} />}
      <button type="button" class="button secondary" onClick={send} disabled={busy}>
        {t("desk.oop.send")}
      </button>
    </div>
  );
}

/**
 * Writes to the ticket: a public reply (optionally setting the status) or an internal note,
 * either with attachments (the API takes them on both; a note's stay staff-only). Files upload
 * when chosen, as on the customer's reply form. The mode is said in words on the field's label,
 * the files' hint and the button, not only by the note's colours.
 */
export function Composer({
  ticket,
  mode,
  setMode,
  focusToken,
  onSent,
}: {
  ticket: Ticket;
  mode: Mode;
  setMode(mode: Mode): void;
  /** Bumped by the r and n shortcuts: the text field takes the focus. */
  focusToken: number;
  onSent(): void;
}) {
  const prefs = usePrefs();
  const { t, label } = prefs;
  const [body, setBody] = useState("");
  const [status, setStatus] = useState<StaffStatus | "">("");
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // What was just sent, translated when shown (the language may change meanwhile).
  const [done, setDone] = useState<Mode | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusToken > 0) text.current?.focus();
  }, [focusToken]);

  const insert = (answer: string) => {
    setBody((now) => (now.trim() ? `${now.trimEnd()}\n\n${answer}` : answer));
    text.current?.focus();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setDone(null);
    const path = { params: { path: { number: ticket.number } } };
    const files = attachmentIds(uploads);
    const result = await call(
      mode === "note"
        ? api.POST("/api/v1/tickets/{number}/notes", { ...path, body: { body, ...files } })
        : api.POST("/api/v1/tickets/{number}/messages", {
            ...path,
            body: status ? { body, status, ...files } : { body, ...files },
          }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setBody("");
    setStatus("");
    setUploads([]);
    setDone(mode);
    onSent();
  };
  const errors = fieldErrors(problem, prefs);
  const filesError = attachmentsError(errors);
  return (
    <div class={mode === "note" ? "composer note-mode" : "composer"}>
      <fieldset class="composer-mode">
        <legend class="visually-hidden">{t("desk.compose.mode")}</legend>
        <button
          type="button"
          class="button secondary"
          aria-pressed={mode === "reply"}
          onClick={() => setMode("reply")}
        >
          {t("desk.compose.reply")}
        </button>
        <button
          type="button"
          class="button secondary"
          aria-pressed={mode === "note"}
          onClick={() => setMode("note")}
        >
          {t("desk.compose.note")}
        </button>
      </fieldset>
      <form class="form" onSubmit={submit} noValidate aria-busy={busy}>
        {problem && !errors.body && !errors.status && !filesError && (
          <ProblemAlert problem={problem} />
        )}
        {mode === "reply" && <CannedPicker ticket={ticket} onInsert={insert} />}
        <Field
          name="body"
          label={mode === "note" ? t("desk.compose.noteLabel") : t("desk.compose.replyLabel")}
          hint={mode === "note" ? t("desk.compose.noteHint") : t("desk.compose.replyHint")}
          error={errors.body}
        >
          {(attrs) => (
            <textarea
              {...attrs}
              ref={text}
              rows={8}
              value={body}
              required
              onInput={(e) => setBody(e.currentTarget.value)}
            />
          )}
        </Field>
        <FileField
          name="composer-attachments"
          uploads={uploads}
          onChange={setUploads}
          error={filesError}
          note={mode === "note" ? t("desk.compose.filesNote") : t("desk.compose.filesReply")}
        />
        {mode === "reply" && (
          <Field name="status" label={t("desk.compose.status")} error={errors.status}>
            {(attrs) => (
              <select
                {...attrs}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as StaffStatus | "")}
              >
                <option value="">{t("desk.compose.statusDefault")}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {label("status", s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {mode === "note" ? t("desk.compose.addNote") : t("desk.compose.send")}
          </button>
          <p role="status" class="form-status">
            {done === "note" && t("desk.compose.noteAdded")}
            {done === "reply" && t("desk.compose.replySent")}
          </p>
        </div>
      </form>
      {mode === "reply" && <OutOfPerimeter ticket={ticket} onSent={onSent} />}
    </div>
  );
}
