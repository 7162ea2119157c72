import { useState } from "preact/hooks";
import { api, call } from "../api/client.ts";
import { usePrefs } from "../i18n/index.ts";
import { formatNumber } from "../lib/format.ts";
import { problemSummary } from "../lib/problem.ts";

/** An upload held by its uploader until the ticket or reply that names its id is sent. */
export interface Upload {
  id: string;
  filename: string;
  sizeBytes: number;
}

const MB = 1024 * 1024;
/** The API's limits (src/modules/tickets/attachment-store.ts), checked here before uploading. */
const MAX_FILE = 10 * MB;
const MAX_MESSAGE = 25 * MB;

/** The API's complaint about a message's attachments (`attachments` or `attachments.N`). */
export function attachmentsError(errors: Record<string, string>): string | undefined {
  const key = Object.keys(errors).find((name) => name.split(".")[0] === "attachments");
  return key ? errors[key] : undefined;
}

/** The ids to send with the message, or nothing when no file was added. */
export function attachmentIds(uploads: Upload[]): { attachments?: string[] } {
  return uploads.length > 0 ? { attachments: uploads.map((file) => file.id) } : {};
}

/** Uploads one file as the raw body, its type as Content-Type, as POST /attachments expects. */
function upload(file: File) {
  return api.POST("/api/v1/attachments", {
    params: { query: { filename: file.name } },
    body: file as never,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { "content-type": file.type || "application/octet-stream" },
  });
}

/**
 * A file input that uploads each chosen file at once and lists the uploads to send with the
 * message. Files over the size limits are refused here; any other refusal (a type not allowed,
 * 415) is the API's, shown under the field with the file's name.
 */
export function FileField({
  name,
  uploads,
  onChange,
  error,
  note,
}: {
  name: string;
  uploads: Upload[];
  onChange(uploads: Upload[]): void;
  /** A sentence after the limits in the hint: who will see the files (the staff composer). */
  note?: string | undefined;
  /** The API's complaint about the attachments when the message itself was refused. */
  error?: string | undefined;
}) {
  const prefs = usePrefs();
  const { t, locale } = prefs;
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = `field-${name}`;
  const shown = refusal ?? error ?? null;

  const choose = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = "";
    let total = uploads.reduce((sum, file) => sum + file.sizeBytes, 0);
    let list = uploads;
    setRefusal(null);
    for (const file of files) {
      if (file.size > MAX_FILE) return setRefusal(t("files.tooBig", { name: file.name }));
      if (total + file.size > MAX_MESSAGE) return setRefusal(t("files.tooMuch"));
      setBusy(file.name);
      const result = await call(upload(file));
      setBusy(null);
      if (!result.ok) {
        const reason = problemSummary(result.problem, prefs);
        return setRefusal(t("files.refused", { name: file.name, reason }));
      }
      total += result.data.sizeBytes;
      list = [...list, result.data];
      onChange(list);
    }
  };

  const described = [`${id}-hint`, shown ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={shown ? "field invalid" : "field"}>
      <label for={id}>{t("files.label")}</label>
      <p class="hint" id={`${id}-hint`}>
        {note ? `${t("files.hint")} ${note}` : t("files.hint")}
      </p>
      <input
        type="file"
        id={id}
        name={name}
        multiple
        disabled={busy !== null}
        aria-invalid={shown ? true : undefined}
        aria-describedby={described}
        onChange={(event) => void choose(event.currentTarget)}
      />
      <p role="status" class="form-status">
        {busy ? t("files.uploading", { name: busy }) : ""}
      </p>
      {shown && (
        <p class="field-error" id={`${id}-error`}>
          {shown}
        </p>
      )}
      {uploads.length > 0 && (
        <ul class="uploads" aria-label={t("files.list")}>
          {uploads.map((file) => (
            <li key={file.id}>
              <span>{file.filename}</span>{" "}
              <span class="muted">
                ({formatNumber(Math.ceil(file.sizeBytes / 1024), locale)} KiB)
              </span>{" "}
              <button
                type="button"
                class="link-button"
                onClick={() => onChange(uploads.filter((other) => other.id !== file.id))}
              >
                {t("files.remove", { name: file.filename })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
