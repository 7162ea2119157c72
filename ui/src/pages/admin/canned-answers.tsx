import { useEffect, useRef, useState } from "preact/hooks";
import { api, call, load, type Problem, type Result } from "../../api/client.ts";
import { CodeOptions } from "../../components/choice.tsx";
import { Field } from "../../components/field.tsx";
import { Page } from "../../components/page.tsx";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { isLang, LANGUAGES, type Lang, usePrefs } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { navigate, useLocation } from "../../lib/router.tsx";
import {
  type CannedAnswer,
  CannedAnswerForm,
  type CannedAnswerPatch,
  type NewCannedAnswer,
  UNIVERSES,
  type Universe,
} from "./canned-answer-form.tsx";
import { SaveStatus, useKeptLoad } from "./shared.tsx";

const PATH = "/admin/canned-answers";
const isUniverse = (value: string | null): value is Universe =>
  (UNIVERSES as readonly (string | null)[]).includes(value);

/** The start of an answer's text on one line, enough to tell answers apart in the table. */
function preview(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  return line.length > 160 ? `${line.slice(0, 159).trimEnd()}…` : line;
}

/** The filters, kept in the address: the language defaults to the Manager's own. */
function useFilters(): {
  language: Lang;
  universe: Universe | null;
  setFilters(next: { language: Lang; universe: Universe | null }): void;
} {
  const { lang } = usePrefs();
  const { query } = useLocation();
  const asked = query.get("language");
  const universe = query.get("universe");
  return {
    language: isLang(asked) ? asked : lang,
    universe: isUniverse(universe) ? universe : null,
    setFilters(next) {
      const search = new URLSearchParams({ language: next.language });
      if (next.universe) search.set("universe", next.universe);
      navigate(`${PATH}?${search}`, { replace: true });
    },
  };
}

/**
 * The question before deleting: it takes focus when it appears, and Cancel puts focus back on
 * the Delete button that asked. A shipped answer is said to stay deleted across updates.
 */
function DeleteConfirm({
  answer,
  opener,
  busy,
  problem,
  onConfirm,
  onCancel,
}: {
  answer: CannedAnswer;
  /** The Delete button that asked (named here: Safari does not focus a clicked button). */
  opener: HTMLElement;
  busy: boolean;
  problem: Problem | null;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = usePrefs();
  const question = useRef<HTMLParagraphElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    question.current?.focus();
    return () => {
      // Unless focus went on elsewhere meanwhile (Edit on another row), back to the opener.
      const here = document.activeElement;
      const lost = !here || here === document.body || panel.current?.contains(here);
      if (lost && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <div ref={panel} class="confirm">
      <p ref={question} tabIndex={-1}>
        {t(answer.shipped ? "canned.confirmDeleteShipped" : "canned.confirmDelete", {
          title: answer.title,
        })}
      </p>
      {problem && <ProblemAlert problem={problem} />}
      <div class="form-actions">
        <button type="button" class="button danger" onClick={onConfirm} disabled={busy}>
          {t("canned.deleteButton")}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </div>
  );
}

/**
 * One language's answers (and one universe's, with the general ones), title order. Mounted
 * anew for each filter, so another filter shows the spinner, never the previous list; after a
 * save (`version` bumped) it reads again with the rows still shown.
 */
function AnswerTable({
  language,
  universe,
  version,
  hidden,
  onEdit,
  onDelete,
}: {
  language: Lang;
  universe: Universe | null;
  version: number;
  /** Rows just deleted, gone at once rather than after the list is read again. */
  hidden: ReadonlySet<string>;
  onEdit(answer: CannedAnswer): void;
  onDelete(answer: CannedAnswer, button: HTMLElement): void;
}) {
  const { t, label, locale, timeZone } = usePrefs();
  const loaded = useKeptLoad(
    () =>
      load(
        api.GET("/api/v1/canned-answers", {
          params: { query: { language, ...(universe ? { universe } : {}) } },
        }),
      ),
    [],
  );
  useEffect(() => {
    if (version > 0) loaded.reload();
  }, [version]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error") {
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  }
  const languageName = label("desk.lang", language);
  const items = loaded.data.items.filter((a) => !hidden.has(a.id));
  if (items.length === 0) {
    return (
      <Empty>
        {universe
          ? t("canned.emptyUniverse", {
              language: languageName,
              universe: label("universe", universe),
            })
          : t("canned.empty", { language: languageName })}
      </Empty>
    );
  }
  return (
    <Table
      label={t("canned.tableLabel", { language: languageName })}
      head={[
        t("canned.answerTitle"),
        t("canned.universe"),
        t("canned.body"),
        t("canned.updated"),
        t("admin.actions"),
      ]}
    >
      {items.map((answer) => (
        <tr key={answer.id}>
          <th scope="row">
            {answer.title}
            {answer.shipped && (
              <>
                <br />
                <span class="muted">{t("canned.shipped")}</span>
              </>
            )}
          </th>
          <td>
            {answer.universe ? label("universe", answer.universe) : t("canned.everyUniverse")}
          </td>
          <td class="canned-preview">{preview(answer.body)}</td>
          <td class="nowrap">{formatDateTime(answer.updatedAt, locale, timeZone)}</td>
          <td>
            <div class="row-actions">
              <button
                aria-label={t("canned.edit", { title: answer.title })}
                type="button"
                class="button secondary"
                onClick={() => onEdit(answer)}
              >
                {t("admin.edit")}
              </button>
              <button
                aria-label={t("canned.delete", { title: answer.title })}
                type="button"
                class="button secondary"
                onClick={(e) => onDelete(answer, e.currentTarget)}
              >
                {t("canned.deleteButton")}
              </button>
            </div>
          </td>
        </tr>
      ))}
    </Table>
  );
}

/**
 * Canned answers per language, optionally narrowed to what one universe's tickets offer; staff
 * admins add, change and delete them. Edit and delete work on one answer at a time.
 */
export function CannedAnswersPage() {
  const prefs = usePrefs();
  const { t } = prefs;
  const { language, universe, setFilters } = useFilters();
  // The answer being edited, "new" for a new one, null when the form is closed.
  const [editing, setEditing] = useState<CannedAnswer | "new" | null>(null);
  const [deleting, setDeleting] = useState<{ answer: CannedAnswer; opener: HTMLElement } | null>(
    null,
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  // Set when the control that had focus went away (a deleted row): the heading takes it.
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [refocus]);

  const close = () => {
    setEditing(null);
    setDeleting(null);
    setProblem(null);
  };
  const open = (next: CannedAnswer | "new") => {
    close();
    setStatus("");
    setEditing(next);
  };
  const finish = (result: Result<CannedAnswer>, done: "canned.created" | "canned.saved") => {
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      setStatus(t("admin.notSaved"));
      return;
    }
    const saved = result.data;
    close();
    setStatus(t(done, { title: saved.title }));
    // Moved out of the list shown (another language or universe): show the list it is in now.
    const elsewhere =
      saved.language !== language ||
      (universe !== null && saved.universe !== null && saved.universe !== universe);
    if (elsewhere) {
      // A general answer shows under every universe: the universe chosen stays.
      setFilters({
        language: saved.language,
        universe: universe === null ? null : (saved.universe ?? universe),
      });
      // An edited answer's Edit button leaves with the list; Add, which opened a new one, stays.
      if (done === "canned.saved") setRefocus((n) => n + 1);
    } else setVersion((n) => n + 1);
  };
  const create = async (body: NewCannedAnswer) => {
    setBusy(true);
    finish(await call(api.POST("/api/v1/canned-answers", { body })), "canned.created");
  };
  const update = async (answer: CannedAnswer, patch: CannedAnswerPatch | null) => {
    if (!patch) {
      close();
      setStatus(t("canned.unchanged", { title: answer.title }));
      return;
    }
    setBusy(true);
    finish(
      await call(
        api.PATCH("/api/v1/canned-answers/{id}", {
          params: { path: { id: answer.id } },
          body: patch,
        }),
      ),
      "canned.saved",
    );
  };
  const remove = async (answer: CannedAnswer) => {
    setBusy(true);
    const result = await call(
      api.DELETE("/api/v1/canned-answers/{id}", { params: { path: { id: answer.id } } }),
    );
    setBusy(false);
    // Already gone (another admin deleted it) is what was asked for.
    if (!result.ok && result.problem.status !== 404) {
      setProblem(result.problem);
      return;
    }
    setHidden((now) => new Set([...now, answer.id]));
    close();
    setStatus(t("canned.deleted", { title: answer.title }));
    setRefocus((n) => n + 1);
    setVersion((n) => n + 1);
  };

  return (
    <Page title={t("canned.title")}>
      <p>{t("canned.intro")}</p>
      <form
        class="filters"
        aria-label={t("canned.filters")}
        onSubmit={(event) => event.preventDefault()}
      >
        <Field name="filter-language" label={t("canned.language")}>
          {(attrs) => (
            <select
              {...attrs}
              value={language}
              onChange={(e) => {
                close();
                setFilters({ language: e.currentTarget.value as Lang, universe });
              }}
            >
              <CodeOptions codes={LANGUAGES} group="desk.lang" />
            </select>
          )}
        </Field>
        <Field name="filter-universe" label={t("canned.universe")}>
          {(attrs) => (
            <select
              {...attrs}
              aria-describedby="canned-filter-hint"
              value={universe ?? ""}
              onChange={(e) => {
                const next = e.currentTarget.value;
                close();
                setFilters({ language, universe: isUniverse(next) ? next : null });
              }}
            >
              <option value="">{t("canned.allUniverses")}</option>
              <CodeOptions codes={UNIVERSES} group="universe" />
            </select>
          )}
        </Field>
        {/* Under both filters rather than in the universe's field, which it would stretch. */}
        <p class="hint" id="canned-filter-hint">
          {t("canned.filterHint")}
        </p>
      </form>
      <p>
        <button type="button" class="button" onClick={() => open("new")}>
          {t("canned.add")}
        </button>
      </p>
      <SaveStatus text={status} />
      {editing !== null && (
        <CannedAnswerForm
          key={editing === "new" ? "new" : editing.id}
          answer={editing === "new" ? null : editing}
          defaults={{ language, universe }}
          problem={problem}
          busy={busy}
          onCreate={create}
          onUpdate={(patch) => editing !== "new" && update(editing, patch)}
          onCancel={close}
        />
      )}
      {deleting && (
        <DeleteConfirm
          key={deleting.answer.id}
          answer={deleting.answer}
          opener={deleting.opener}
          busy={busy}
          problem={problem}
          onConfirm={() => remove(deleting.answer)}
          onCancel={close}
        />
      )}
      <AnswerTable
        key={`${language}/${universe ?? ""}`}
        language={language}
        universe={universe}
        version={version}
        hidden={hidden}
        onEdit={open}
        onDelete={(answer, opener) => {
          close();
          setStatus("");
          setDeleting({ answer, opener });
        }}
      />
    </Page>
  );
}
