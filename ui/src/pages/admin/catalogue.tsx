import { useState } from "preact/hooks";
import { api, call, load, type Problem } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { useLoad } from "../../lib/use-load.ts";
import { type MatrixRow, MatrixRowForm, type RowPut } from "./matrix-form.tsx";
import { LoadedPage, SaveStatus, useKeptLoad } from "./shared.tsx";

/** The catalogue: universes and their products; pick a product to read and edit its matrix. */
export function CataloguePage() {
  const { t, label } = usePrefs();
  const universes = useLoad(() => load(api.GET("/api/v1/catalog/universes")), []);
  const [universe, setUniverse] = useState("");
  const [product, setProduct] = useState("");
  return (
    <LoadedPage title={t("catalogue.title")} loaded={universes}>
      {(data) => {
        const chosen = data.items.find((u) => u.code === universe) ?? data.items[0];
        return (
          <>
            <p>{t("catalogue.intro")}</p>
            <Table
              label={t("catalogue.universes")}
              head={[t("catalogue.universe"), t("catalogue.products")]}
            >
              {data.items.map((u) => (
                <tr key={u.code}>
                  <th scope="row">{label("universe", u.code)}</th>
                  <td>{u.productCount}</td>
                </tr>
              ))}
            </Table>
            <div class="form-grid">
              <Field name="universe" label={t("catalogue.universe")}>
                {(attrs) => (
                  <select
                    {...attrs}
                    value={chosen?.code}
                    onChange={(e) => {
                      setUniverse(e.currentTarget.value);
                      setProduct("");
                    }}
                  >
                    {data.items.map((u) => (
                      <option key={u.code} value={u.code}>
                        {label("universe", u.code)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {chosen && (
                <ProductChooser
                  key={chosen.code}
                  universe={chosen.code}
                  value={product}
                  onChange={setProduct}
                />
              )}
            </div>
            {product && <Matrix key={product} product={product} />}
          </>
        );
      }}
    </LoadedPage>
  );
}

function ProductChooser({
  universe,
  value,
  onChange,
}: {
  universe: string;
  value: string;
  onChange(code: string): void;
}) {
  const { t, label } = usePrefs();
  // The catalogue names known products in the reader's language; one an admin just created
  // has only the name the API stores.
  const productName = (p: { code: string; name: string }) => {
    const known = label("product", p.code);
    return known === p.code ? p.name : known;
  };
  const products = useLoad(
    () =>
      load(
        api.GET("/api/v1/catalog/products", {
          params: { query: { universe: universe as "server", limit: 100 } },
        }),
      ),
    [universe],
  );
  if (products.state === "loading") return <Loading />;
  if (products.state === "error")
    return <ProblemAlert problem={products.problem} onRetry={products.reload} />;
  return (
    <Field name="product" label={t("catalogue.product")}>
      {(attrs) => (
        <select {...attrs} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t("catalogue.chooseProduct")}</option>
          {products.data.items.map((p) => (
            <option key={p.code} value={p.code}>
              {productName(p)} ({p.code})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A product's responsibility matrix in the reader's language, each row editable. */
function Matrix({ product }: { product: string }) {
  const prefs = usePrefs();
  const { t, label, lang } = prefs;
  const matrix = useKeptLoad(
    () =>
      load(
        api.GET("/api/v1/catalog/products/{id}/responsibilities", {
          params: { path: { id: product }, query: { lang } },
        }),
      ),
    [product, lang],
  );
  // The area being edited, "" for a new one, null when no form is open.
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const save = async (area: string, body: RowPut) => {
    if (area === "") {
      setProblem({
        type: "about:blank",
        code: "validation_failed",
        status: 400,
        title: t("field.required"),
        detail: "",
        requestId: "",
        errors: [{ field: "area", in: "params", message: "is required" }],
      });
      return;
    }
    setBusy(true);
    const result = await call(
      api.PUT("/api/v1/catalog/products/{id}/responsibilities/{area}", {
        params: { path: { id: product, area } },
        body,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      const errors = result.problem.errors?.map((e) =>
        e.in === "params" ? { ...e, field: "area" } : e,
      );
      setProblem(errors ? { ...result.problem, errors } : result.problem);
      setStatus(t("admin.notSaved"));
      return;
    }
    setProblem(null);
    setEditing(null);
    setStatus(t("catalogue.saved", { area: label("area", area) }));
    matrix.reload();
  };

  const open = (area: string) => {
    setProblem(null);
    setStatus("");
    setEditing(area);
  };

  return (
    <section class="card" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t("catalogue.matrix", { product: label("product", product) })}</h2>
      <SaveStatus text={status} />
      {matrix.state === "loading" && <Loading />}
      {matrix.state === "error" && (
        <ProblemAlert problem={matrix.problem} onRetry={matrix.reload} />
      )}
      {matrix.state === "ready" && (
        <>
          {matrix.data.items.length === 0 ? (
            <Empty>{t("catalogue.emptyMatrix")}</Empty>
          ) : (
            <Table
              label={t("catalogue.matrix", { product: label("product", product) })}
              head={[
                t("catalogue.area"),
                t("catalogue.owner"),
                t("catalogue.text"),
                t("admin.actions"),
              ]}
            >
              {matrix.data.items.map((row: MatrixRow) => (
                <tr key={row.area}>
                  <th scope="row">{label("area", row.area)}</th>
                  <td>{label("owner", row.owner)}</td>
                  <td>{row.text}</td>
                  <td>
                    <button
                      aria-label={t("catalogue.edit", { area: label("area", row.area) })}
                      type="button"
                      class="button secondary"
                      onClick={() => open(row.area)}
                    >
                      {t("admin.edit")}
                    </button>
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <p>
            <button type="button" class="button secondary" onClick={() => open("")}>
              {t("catalogue.addArea")}
            </button>
          </p>
          {editing !== null && (
            <MatrixRowForm
              key={editing}
              row={matrix.data.items.find((r) => r.area === editing) ?? null}
              problem={problem}
              busy={busy}
              onSave={save}
              onCancel={() => setEditing(null)}
            />
          )}
        </>
      )}
    </section>
  );
}
