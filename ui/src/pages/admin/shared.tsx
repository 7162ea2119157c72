import type { ComponentChildren, RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { Page } from "../../components/page.tsx";
import { Loading, ProblemAlert } from "../../components/state.tsx";
import type { Translator } from "../../i18n/index.ts";
import { fieldMessage } from "../../lib/problem.ts";
import { type Loaded, useLoad } from "../../lib/use-load.ts";
import "../../styles/admin.css";

/**
 * The message for the field at `path`, or for anything inside it: the API names
 * `weeklyHours.mon.0.1` where the form has one field for Monday.
 */
export function errorAt(problem: Problem | null, path: string, tr: Translator): string | undefined {
  const item = problem?.errors?.find((e) => e.field === path || e.field.startsWith(`${path}.`));
  return item && problem ? fieldMessage(item.message, problem, tr) : undefined;
}

/** The problem's field errors that no field of the form shows, so none goes unseen. */
export function unshown(problem: Problem | null, paths: string[]): Problem | null {
  if (!problem) return null;
  const errors = problem.errors ?? [];
  if (errors.length === 0) return problem;
  const covered = (field: string) => paths.some((p) => field === p || field.startsWith(`${p}.`));
  return errors.every((e) => covered(e.field)) ? null : problem;
}

/** A screen whose data loads first: the spinner or the failure with a retry, then the content. */
export function LoadedPage<T>({
  title,
  loaded,
  children,
}: {
  title: string;
  loaded: Loaded<T> & { reload(): void };
  children: (data: T) => ComponentChildren;
}) {
  return (
    <Page title={title}>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && (
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      )}
      {loaded.state === "ready" && children(loaded.data)}
    </Page>
  );
}

/** A group of checkboxes for a list value (channels, languages, universes), with its error. */
export function Checks({
  name,
  legend,
  options,
  value,
  error,
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string[];
  error?: string | undefined;
  onChange(next: string[]): void;
}) {
  const id = `field-${name.replace(/\W/g, "-")}`;
  return (
    <fieldset
      class={error ? "checks invalid" : "checks"}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="check">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={value.includes(option.value)}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              onChange(on ? [...value, option.value] : value.filter((v) => v !== option.value));
            }}
          />
          {option.label}
        </label>
      ))}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The saved/failed line after a form: announced, and empty until something happened. */
export function SaveStatus({ text }: { text: string }) {
  return (
    <p role="status" class="form-status">
      {text}
    </p>
  );
}

/**
 * useLoad that keeps showing the last answer while it reloads (after a save), so the table,
 * the saved message and the button that opened the form stay in place instead of a spinner.
 */
export function useKeptLoad<T>(
  loader: () => Promise<T>,
  inputs: readonly unknown[],
): Loaded<T> & { reload(): void } {
  const loaded = useLoad(loader, inputs);
  const last = useRef<T | null>(null);
  if (loaded.state === "ready") last.current = loaded.data;
  if (loaded.state === "loading" && last.current !== null) {
    return { state: "ready", data: last.current, reload: loaded.reload };
  }
  return loaded;
}

/**
 * An edit form that opens below its table: its heading takes focus when it appears, and when
 * it closes (saved or cancelled) focus goes back to the button that opened it, if still there.
 */
export function useFormFocus(
  heading: RefObject<HTMLElement | null>,
  form: RefObject<HTMLFormElement | null>,
  problem: Problem | null,
): void {
  useEffect(() => {
    const opener = document.activeElement;
    heading.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  // After a refusal, the first field the API named takes focus: its message is read with it.
  useEffect(() => {
    if (problem) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);
}

/** Every page of a cursor-paged list, 100 at a time: admin lists are short, and shown whole. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    all.push(...answer.items);
    cursor = answer.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
