import { useState } from "preact/hooks";
import { api, call, type Problem } from "../../api/client.ts";
import { ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import type { Ticket } from "./data.ts";

/** What a customer may do to the ticket's status: close it, or reopen it once solved or closed. */
export function StatusActions({ ticket, onChanged }: { ticket: Ticket; onChanged(): void }) {
  const { t } = usePrefs();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const finished = ticket.status === "solved" || ticket.status === "closed";
  const run = async () => {
    setBusy(true);
    const path = { params: { path: { number: ticket.number } } };
    const result = await call(
      finished
        ? api.POST("/api/v1/tickets/{number}/reopen", path)
        : api.POST("/api/v1/tickets/{number}/close", path),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    onChanged();
  };
  return (
    <div class="status-actions">
      {problem && <ProblemAlert problem={problem} />}
      <button type="button" class="button secondary" onClick={run} disabled={busy}>
        {finished ? t("ticket.reopen") : t("ticket.close")}
      </button>
      {!finished && <p class="hint">{t("ticket.closeHint")}</p>}
    </div>
  );
}
