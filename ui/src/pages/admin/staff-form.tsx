import { useRef, useState } from "preact/hooks";
import type { Problem, Schemas } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import type { BodyOf } from "./api-types.ts";
import { Checks, errorAt, unshown, useFormFocus } from "./shared.tsx";

export type StaffMember = Schemas["StaffMember"];
export type NewStaff = BodyOf<"/api/v1/staff", "post">;
export type StaffPatch = BodyOf<"/api/v1/staff/{id}", "patch">;

const ROLES = ["agent", "lead", "admin"] as const;
const TIERS = ["L1", "L2", "L3", "TAM"] as const;
const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
const FIELDS = [
  "email",
  "name",
  "password",
  "role",
  "tier",
  "languages",
  "universes",
  "products",
  "region",
  "maxConcurrentTickets",
  "active",
];

/** "en, fr" as ["en", "fr"]: lists typed as text, since languages and products are open sets. */
const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * A staff member's skills and limits; for a new one also who they are and a first password.
 * Email and name are fixed once created (the API changes neither).
 */
export function StaffForm({
  member,
  problem,
  busy,
  onCreate,
  onUpdate,
  onCancel,
}: {
  member: StaffMember | null;
  problem: Problem | null;
  busy: boolean;
  onCreate(body: NewStaff): void;
  onUpdate(body: StaffPatch): void;
  onCancel(): void;
}) {
  const prefs = usePrefs();
  const { t, label } = prefs;
  const [form, setForm] = useState({
    email: "",
    name: "",
    password: "",
    role: (member?.role ?? "agent") as NewStaff["role"],
    tier: (member?.tier ?? "L1") as NewStaff["tier"],
    languages: (member?.languages ?? ["en"]).join(", "),
    universes: member?.universes ?? [],
    products: (member?.products ?? []).join(", "),
    region: member?.region ?? "EU",
    max: String(member?.maxConcurrentTickets ?? 10),
    active: member?.active ?? true,
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const err = (path: string) => errorAt(problem, path, prefs);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFormFocus(heading, formRef, problem);
  const submit = (event: Event) => {
    event.preventDefault();
    const common = {
      role: form.role,
      tier: form.tier,
      languages: list(form.languages.toLowerCase()),
      universes: form.universes as NewStaff["universes"],
      products: list(form.products),
      region: form.region.trim().toUpperCase(),
      maxConcurrentTickets: Number(form.max),
    };
    if (member) onUpdate({ ...common, active: form.active });
    else
      onCreate({ ...common, email: form.email.trim(), name: form.name, password: form.password });
  };
  const input = (
    name: "email" | "name" | "password" | "languages" | "products" | "region" | "max",
    path: string,
    caption: string,
    hint?: string,
  ) => (
    <Field name={path} label={caption} hint={hint} error={err(path)}>
      {(attrs) =>
        name === "password" ? (
          <input
            {...attrs}
            type="password"
            autoComplete="new-password"
            value={form[name]}
            onInput={(e) => set({ [name]: e.currentTarget.value })}
          />
        ) : (
          <input
            {...attrs}
            type="text"
            inputMode={name === "email" ? "email" : "text"}
            autoComplete="off"
            spellcheck={false}
            value={form[name]}
            onInput={(e) => set({ [name]: e.currentTarget.value })}
          />
        )
      }
    </Field>
  );
  const rest = unshown(problem, FIELDS);
  return (
    <form
      ref={formRef}
      class="form admin-form card"
      onSubmit={submit}
      aria-labelledby="staff-form"
      noValidate
    >
      <h2 id="staff-form" ref={heading} tabIndex={-1}>
        {member ? t("staff.editing", { name: member.name }) : t("staff.new")}
      </h2>
      {rest && <ProblemAlert problem={rest} />}
      <div class="form-grid">
        {!member && input("email", "email", t("staff.email"))}
        {!member && input("name", "name", t("staff.name"))}
        {!member && input("password", "password", t("staff.password"), t("staff.passwordHint"))}
        <Field name="role" label={t("staff.role")} error={err("role")}>
          {(attrs) => (
            <select
              {...attrs}
              value={form.role}
              onChange={(e) => set({ role: e.currentTarget.value as NewStaff["role"] })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {label("staffRole", r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="tier" label={t("staff.tier")} error={err("tier")}>
          {(attrs) => (
            <select
              {...attrs}
              value={form.tier}
              onChange={(e) => set({ tier: e.currentTarget.value as NewStaff["tier"] })}
            >
              {TIERS.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input("languages", "languages", t("staff.languages"), t("staff.languagesHint"))}
        {input("products", "products", t("staff.products"), t("staff.productsHint"))}
        {input("region", "region", t("staff.region"), t("staff.regionHint"))}
        {input("max", "maxConcurrentTickets", t("staff.capacity"), t("staff.capacityHint"))}
      </div>
      <Checks
        name="universes"
        legend={t("staff.universes")}
        options={UNIVERSES.map((u) => ({ value: u, label: label("universe", u) }))}
        value={form.universes}
        error={err("universes")}
        onChange={(universes) => set({ universes })}
      />
      {member && (
        <div class={err("active") ? "field invalid" : "field"}>
          <label class="check">
            <input
              type="checkbox"
              name="active"
              checked={form.active}
              aria-describedby={err("active") ? "field-active-error" : undefined}
              onChange={(e) => set({ active: e.currentTarget.checked })}
            />
            {t("staff.active")}
          </label>
          {err("active") && (
            <p class="field-error" id="field-active-error">
              {err("active")}
            </p>
          )}
        </div>
      )}
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {member ? t("admin.save") : t("staff.create")}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
