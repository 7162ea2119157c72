import { useCallback, useEffect, useState } from "preact/hooks";
import { isProblem, type Problem } from "../api/client.ts";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "error"; problem: Problem }
  | { state: "ready"; data: T };

/**
 * Runs a loader when its inputs change and keeps only the latest answer, so a slow response
 * for a previous page never overwrites the current one.
 */
export function useLoad<T>(
  loader: () => Promise<T>,
  inputs: readonly unknown[],
): Loaded<T> & { reload(): void } {
  const [value, setValue] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  // The caller lists the loader's inputs; the loader itself is a new closure on every render.
  useEffect(() => {
    let current = true;
    setValue({ state: "loading" });
    loader().then(
      (data) => current && setValue({ state: "ready", data }),
      (error: unknown) => {
        if (!current) return;
        const problem: Problem = isProblem(error)
          ? error
          : {
              type: "about:blank",
              code: "network_error",
              status: 0,
              title: "",
              detail: String(error),
              requestId: "",
            };
        setValue({ state: "error", problem });
      },
    );
    return () => {
      current = false;
    };
  }, [...inputs, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...value, reload };
}
