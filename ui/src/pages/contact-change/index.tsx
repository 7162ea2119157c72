import { useState } from "preact/hooks";
import { api, call, load, type Problem } from "../../api/client.ts";
import { Page } from "../../components/page.tsx";
import { Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { DateTime } from "../../components/time.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";

function fetchChange(id: string) {
  return api.GET("/api/v1/contact-changes/{id}", { params: { path: { id } } });
}
type Change = NonNullable<Awaited<ReturnType<typeof fetchChange>>["data"]>;
type Side = Change["from"];

const OPEN = new Set(["todo", "validating"]);

/**
 * Where the contact-change email's link lands (/contact-changes/{id}?token=…): what would move,
 * where each side stands, and, with the link's single-use token, accept or refuse. The token
 * leaves the address bar once used, so it stays in neither history nor bookmarks.
 */
export function ContactChangePage({ id }: { id: string }) {
  const { t, label } = usePrefs();
  const { path, query } = useLocation();
  const token = query.get("token");
  const loaded = useLoad(() => load(fetchChange(id)), [id]);
  const [fresh, setFresh] = useState<Change | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<"accepted" | "refused" | null>(null);

  if (loaded.state !== "ready") {
    return (
      <Page title={t("cc.title")}>
        {loaded.state === "loading" ? (
          <Loading />
        ) : (
          <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
        )}
      </Page>
    );
  }
  const change = fresh ?? loaded.data;
  const decide = async (verb: "accept" | "refuse") => {
    if (!token) return;
    setBusy(true);
    const options = { params: { path: { id } }, body: { token } };
    const result = await call(
      verb === "accept"
        ? api.POST("/api/v1/contact-changes/{id}/accept", options)
        : api.POST("/api/v1/contact-changes/{id}/refuse", options),
    );
    setBusy(false);
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setFresh(result.data);
    setDone(verb === "accept" ? "accepted" : "refused");
    navigate(path, { replace: true });
  };
  const decision = (side: Side) =>
    side.decision ? t(`cc.decision.${side.decision}`) : t("cc.decision.none");
  const canDecide = token && OPEN.has(change.state) && change.mySide && !done;

  return (
    <Page title={t("cc.title")}>
      <section class="card" aria-labelledby="cc-summary">
        <h2 id="cc-summary">
          {t("cc.summary", {
            role: label("role", change.role),
            service: change.serviceName,
            from: change.from.nicHandle,
            to: change.to.nicHandle,
          })}
        </h2>
        <dl class="facts">
          <div>
            <dt>{t("cc.state")}</dt>
            <dd>{t(`cc.state.${change.state}`)}</dd>
          </div>
          <div>
            <dt>{t("cc.expires")}</dt>
            <dd>
              <DateTime iso={change.expiresAt} />
            </dd>
          </div>
        </dl>
        {change.mySide && <p>{t(`cc.side.${change.mySide}`)}</p>}
        <Table label={t("cc.title")} head={[t("contact.role"), t("cc.account"), t("cc.decision")]}>
          <tr>
            <th scope="row">{t("cc.giving")}</th>
            <td class="mono">{change.from.nicHandle}</td>
            <td>{decision(change.from)}</td>
          </tr>
          <tr>
            <th scope="row">{t("cc.receiving")}</th>
            <td class="mono">{change.to.nicHandle}</td>
            <td>{decision(change.to)}</td>
          </tr>
        </Table>
        <p>
          <Link href={`/services/${encodeURIComponent(change.serviceName)}`}>
            {change.serviceName}
          </Link>
        </p>
        <p role="status" class="form-status">
          {done ? t(`cc.done.${done}`) : ""}
        </p>
        {problem && <ProblemAlert problem={problem} />}
        {canDecide && (
          <div class="form-actions">
            <button type="button" class="button" disabled={busy} onClick={() => decide("accept")}>
              {t("cc.accept")}
            </button>
            <button
              type="button"
              class="button secondary"
              disabled={busy}
              onClick={() => decide("refuse")}
            >
              {t("cc.refuse")}
            </button>
          </div>
        )}
        {!token && OPEN.has(change.state) && change.mySide && <p class="hint">{t("cc.noToken")}</p>}
      </section>
    </Page>
  );
}
