import { useState } from "preact/hooks";
import { api, call, load, type Problem } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { DateTime } from "../../components/time.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { fieldErrors } from "../../lib/problem.ts";
import { Link } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";
import type { Service } from "./data.ts";

const ROLES = ["admin", "tech", "billing"] as const;
type Role = (typeof ROLES)[number];

/**
 * The roles the caller's account may hand over on this service, as the API decides them: the
 * admin contact any role, the tech or billing contact only its own.
 */
function transferable(myRoles: readonly string[]): Role[] {
  if (myRoles.includes("admin")) return [...ROLES];
  return ROLES.filter((role) => myRoles.includes(role));
}

function fetchChanges(name: string) {
  return api.GET("/api/v1/services/{serviceName}/contact-changes", {
    params: { path: { serviceName: name }, query: { limit: 25 } },
  });
}

/**
 * The service's contact changes, newest first, each linking to its own page, and the request
 * form: both accounts then receive an email whose link opens that page to accept or refuse.
 */
export function ContactChanges({ service }: { service: Service }) {
  const { t } = usePrefs();
  const loaded = useLoad(() => load(fetchChanges(service.name)), [service.name]);
  const roles = transferable(service.myRoles);
  return (
    <>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && (
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      )}
      {loaded.state === "ready" &&
        (loaded.data.items.length === 0 ? (
          <Empty>{t("cc.none")}</Empty>
        ) : (
          <Table
            label={t("cc.list")}
            head={[
              t("contact.role"),
              t("cc.giving"),
              t("cc.receiving"),
              t("cc.state"),
              t("cc.expires"),
            ]}
          >
            {loaded.data.items.map((change) => (
              <tr key={change.id}>
                <th scope="row">
                  <Link href={`/contact-changes/${change.id}`}>{t(`role.${change.role}`)}</Link>
                </th>
                <td class="mono">{change.from.nicHandle}</td>
                <td class="mono">{change.to.nicHandle}</td>
                <td>{t(`cc.state.${change.state}`)}</td>
                <td>
                  <DateTime iso={change.expiresAt} />
                </td>
              </tr>
            ))}
          </Table>
        ))}
      {roles.length > 0 && (
        <RequestForm service={service} roles={roles} onRequested={loaded.reload} />
      )}
    </>
  );
}

function RequestForm({
  service,
  roles,
  onRequested,
}: {
  service: Service;
  roles: Role[];
  onRequested(): void;
}) {
  const prefs = usePrefs();
  const { t } = prefs;
  const [role, setRole] = useState<Role>(roles[0] ?? "tech");
  const [nic, setNic] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const errors = fieldErrors(problem, prefs);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setSent(null);
    const result = await call(
      api.POST("/api/v1/services/{serviceName}/contact-changes", {
        params: { path: { serviceName: service.name } },
        body: { role, toNicHandle: nic.trim() },
      }),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setNic("");
    setSent(t("cc.requested", { role: t(`role.${role}`), nic: result.data.to.nicHandle }));
    onRequested();
  };
  const unplaced = problem && !errors.role && !errors.toNicHandle;
  return (
    <form class="card form" onSubmit={onSubmit} aria-labelledby="cc-request-title" noValidate>
      <h3 id="cc-request-title">{t("cc.request")}</h3>
      <p class="hint">{t("cc.requestHint")}</p>
      {unplaced && <ProblemAlert problem={problem} />}
      <Field name="role" label={t("contact.role")} error={errors.role}>
        {(attrs) => (
          <select
            {...attrs}
            value={role}
            onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="toNicHandle" label={t("cc.to")} hint={t("cc.toHint")} error={errors.toNicHandle}>
        {(attrs) => (
          <input
            {...attrs}
            type="text"
            class="mono"
            autoComplete="off"
            required
            value={nic}
            onInput={(e) => setNic((e.currentTarget as HTMLInputElement).value)}
          />
        )}
      </Field>
      <button type="submit" class="button" disabled={busy}>
        {t("cc.submit")}
      </button>
      {sent && (
        <p class="notice" role="status">
          {sent}
        </p>
      )}
    </form>
  );
}
