import { useState } from "preact/hooks";
import { api, call, type Problem } from "../../../api/client.ts";
import { Field } from "../../../components/field.tsx";
import { ProblemAlert } from "../../../components/state.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { fieldErrors } from "../../../lib/problem.ts";
import { useLoad } from "../../../lib/use-load.ts";
import { useMe } from "../../../session.ts";
import { fetchStaff, fetchStaffMember, type Ticket } from "../data.ts";

const STATUSES = ["waiting-for-customer", "waiting-for-provider", "on-hold", "solved"] as const;
type StaffStatus = (typeof STATUSES)[number];
type Done = (ticket: Ticket) => void;

/** Runs one command; its problem (if any) is kept for the form that sent it. */
function useCommand() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async (
    request: Promise<{ data?: Ticket; error?: unknown; response: Response }>,
    done: Done,
  ) => {
    setBusy(true);
    const result = await call(request);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return false;
    }
    setProblem(null);
    done(result.data);
    return true;
  };
  return { busy, problem, run };
}

/** Who holds the ticket: take it, give it to someone (leads and admins), put it back. */
export function Assignment({ ticket, onChanged }: { ticket: Ticket; onChanged: Done }) {
  const prefs = usePrefs();
  const { t } = prefs;
  const me = useMe();
  const { busy, problem, run } = useCommand();
  const lead = me.kind === "staff" && (me.role === "lead" || me.role === "admin");
  const [chosen, setChosen] = useState("");
  const staff = useLoad(async () => {
    if (!lead) return [];
    const result = await call(fetchStaff(ticket.universe));
    if (!result.ok) throw result.problem;
    return result.data.items.filter((s) => s.active && s.role !== "admin");
  }, [lead, ticket.universe]);
  const holder = ticket.staff?.assignedStaffId ?? null;
  const path = { params: { path: { number: ticket.number } } };
  // The holder's name: every staff member may read staff records.
  const holderRecord = useLoad(async () => {
    if (!holder || holder === me.id) return null;
    const result = await call(fetchStaffMember(holder));
    return result.ok ? result.data.name : null;
  }, [holder]);
  const holderName =
    holder === me.id
      ? t("desk.assign.me")
      : (holderRecord.state === "ready" && holderRecord.data) || t("desk.assign.someone");
  const errors = fieldErrors(problem, prefs);
  return (
    <div class="desk-actions">
      <p>{holder ? t("desk.assign.heldBy", { name: holderName }) : t("desk.assign.nobody")}</p>
      {problem && !errors.staffId && <ProblemAlert problem={problem} />}
      <div class="row">
        {!holder && me.kind === "staff" && me.role !== "admin" && (
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => run(api.POST("/api/v1/tickets/{number}/take", path), onChanged)}
          >
            {t("desk.assign.take")}
          </button>
        )}
        {holder && (lead || holder === me.id) && (
          <button
            type="button"
            class="button secondary"
            disabled={busy}
            onClick={() => run(api.POST("/api/v1/tickets/{number}/unassign", path), onChanged)}
          >
            {t("desk.assign.unassign")}
          </button>
        )}
      </div>
      {lead && (
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              api.POST("/api/v1/tickets/{number}/assign", { ...path, body: { staffId: chosen } }),
              onChanged,
            );
          }}
        >
          <Field name="staffId" label={t("desk.assign.to")} error={errors.staffId}>
            {(attrs) => (
              <select {...attrs} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
                <option value="">{t("desk.assign.choose")}</option>
                {staff.state === "ready" &&
                  staff.data.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.tier})
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <button type="submit" class="button secondary" disabled={busy || !chosen}>
            {t("desk.assign.submit")}
          </button>
        </form>
      )}
    </div>
  );
}

/** Sets the status (the reply form can too, with the answer). */
export function StatusChange({ ticket, onChanged }: { ticket: Ticket; onChanged: Done }) {
  const prefs = usePrefs();
  const { t, label } = prefs;
  const { busy, problem, run } = useCommand();
  const [status, setStatus] = useState<StaffStatus | "">("");
  const errors = fieldErrors(problem, prefs);
  if (ticket.status === "closed") return null;
  return (
    <form
      class="row"
      onSubmit={(event) => {
        event.preventDefault();
        if (!status) return;
        void run(
          api.POST("/api/v1/tickets/{number}/status", {
            params: { path: { number: ticket.number } },
            body: { status },
          }),
          (next) => {
            setStatus("");
            onChanged(next);
          },
        );
      }}
    >
      {problem && !errors.status && <ProblemAlert problem={problem} />}
      <Field name="new-status" label={t("desk.status.label")} error={errors.status}>
        {(attrs) => (
          <select
            {...attrs}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as StaffStatus | "")}
          >
            <option value="">{t("desk.status.choose")}</option>
            {STATUSES.filter((s) => s !== ticket.status).map((s) => (
              <option key={s} value={s}>
                {label("status", s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" class="button secondary" disabled={busy || !status}>
        {t("desk.status.submit")}
      </button>
    </form>
  );
}

/** Escalation to the next tier, with the summary the next tier reads first (mandatory). */
export function Escalate({ ticket, onChanged }: { ticket: Ticket; onChanged: Done }) {
  const prefs = usePrefs();
  const { t } = prefs;
  const { busy, problem, run } = useCommand();
  const [summary, setSummary] = useState("");
  const [done, setDone] = useState(false);
  const errors = fieldErrors(problem, prefs);
  if (ticket.status === "closed") return null;
  return (
    <form
      class="form"
      noValidate
      aria-busy={busy}
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(false);
        const ok = await run(
          api.POST("/api/v1/tickets/{number}/escalate", {
            params: { path: { number: ticket.number } },
            body: { summary },
          }),
          (next) => {
            setSummary("");
            onChanged(next);
          },
        );
        setDone(ok);
      }}
    >
      {problem && !errors.summary && <ProblemAlert problem={problem} />}
      <Field
        name="summary"
        label={t("desk.escalate.summary")}
        hint={t("desk.escalate.hint", { tier: ticket.staff?.tier ?? "" })}
        error={errors.summary}
      >
        {(attrs) => (
          <textarea
            {...attrs}
            rows={4}
            value={summary}
            required
            onInput={(e) => setSummary(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="form-actions">
        <button type="submit" class="button secondary" disabled={busy}>
          {t("desk.escalate.submit")}
        </button>
        <p role="status" class="form-status">
          {done && t("desk.escalate.done")}
        </p>
      </div>
    </form>
  );
}
