import { useState } from "preact/hooks";
import { api, call, load, type Problem, type Result } from "../../api/client.ts";
import { Table } from "../../components/table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { allPages, LoadedPage, SaveStatus, useKeptLoad } from "./shared.tsx";
import { type NewStaff, StaffForm, type StaffMember, type StaffPatch } from "./staff-form.tsx";

/** Every staff member: a support organisation is hundreds of people at most. */
const fetchAllStaff = () =>
  allPages((cursor) =>
    load(
      api.GET("/api/v1/staff", {
        params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
      }),
    ),
  );

/** Staff members with their role, skills and capacity; staff admins add and change them. */
export function StaffPage() {
  const { t, label } = usePrefs();
  const loaded = useKeptLoad(fetchAllStaff, []);
  // The member being edited by id, "" for a new one, null when the form is closed.
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const finish = (result: Result<StaffMember>, done: string) => {
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      setStatus(t("admin.notSaved"));
      return;
    }
    setProblem(null);
    setEditing(null);
    setStatus(done.replace("{name}", result.data.name));
    loaded.reload();
  };
  const create = async (body: NewStaff) => {
    setBusy(true);
    finish(await call(api.POST("/api/v1/staff", { body })), t("staff.created"));
  };
  const update = async (id: string, body: StaffPatch) => {
    setBusy(true);
    finish(
      await call(api.PATCH("/api/v1/staff/{id}", { params: { path: { id } }, body })),
      t("staff.saved"),
    );
  };
  const open = (id: string) => {
    setProblem(null);
    setStatus("");
    setEditing(id);
  };

  return (
    <LoadedPage title={t("staff.title")} loaded={loaded}>
      {(members) => {
        const current = members.find((m) => m.id === editing) ?? null;
        return (
          <>
            <p>
              <button type="button" class="button" onClick={() => open("")}>
                {t("staff.add")}
              </button>
            </p>
            <SaveStatus text={status} />
            {editing !== null && (
              <StaffForm
                key={editing}
                member={current}
                problem={problem}
                busy={busy}
                onCreate={create}
                onUpdate={(body) => current && update(current.id, body)}
                onCancel={() => setEditing(null)}
              />
            )}
            <Table
              label={t("staff.title")}
              head={[
                t("staff.name"),
                t("staff.role"),
                t("staff.tier"),
                t("staff.languages"),
                t("staff.universes"),
                t("staff.products"),
                t("staff.region"),
                t("staff.capacity"),
                t("staff.active"),
                t("admin.actions"),
              ]}
            >
              {members.map((m) => (
                <tr key={m.id} class={m.active ? undefined : "inactive"}>
                  <th scope="row">
                    {m.name}
                    <br />
                    <span class="muted">{m.email}</span>
                  </th>
                  <td>{label("staffRole", m.role)}</td>
                  <td>{m.tier}</td>
                  <td>{m.languages.map((l) => l.toUpperCase()).join(", ")}</td>
                  <td>{m.universes.map((u) => label("universe", u)).join(", ")}</td>
                  <td>{m.products.join(", ") || t("report.none")}</td>
                  <td>{m.region}</td>
                  <td>{m.maxConcurrentTickets}</td>
                  <td>{m.active ? t("report.yes") : t("report.no")}</td>
                  <td>
                    <button
                      aria-label={t("staff.edit", { name: m.name })}
                      type="button"
                      class="button secondary"
                      onClick={() => open(m.id)}
                    >
                      {t("admin.edit")}
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
          </>
        );
      }}
    </LoadedPage>
  );
}
