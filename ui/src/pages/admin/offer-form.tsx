import { useRef, useState } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { type Offer, type OfferPatch, SEVERITIES } from "./offer-data.ts";
import { Checks, errorAt, unshown, useFormFocus } from "./shared.tsx";

const CHANNELS = ["ticket", "chat", "phone", "tam"] as const;
const COVERAGES = ["business-hours", "24x7", "24x7-critical"] as const;
const TIERS = ["L1", "L2", "L3", "TAM"] as const;
type Targets = Record<(typeof SEVERITIES)[number], string>;

const toTargets = (minutes: Offer["firstResponseMinutes"]): Targets => ({
  critical: String(minutes.critical),
  high: String(minutes.high),
  medium: String(minutes.medium),
  low: String(minutes.low),
});
const fromTargets = (targets: Targets) => ({
  critical: Number(targets.critical),
  high: Number(targets.high),
  medium: Number(targets.medium),
  low: Number(targets.low),
});
// Prices are cents in the API and currency units on screen.
const units = (cents: number) => String(cents / 100);
const cents = (text: string) => Math.round(Number(text.replace(",", ".")) * 100);

/**
 * One offer's terms as a form. Every field is sent; the API records only what changed and
 * answers with field paths (firstResponseMinutes.high) that land under the matching input.
 */
export function OfferForm({
  offer,
  problem,
  busy,
  languages,
  onSave,
  onCancel,
}: {
  offer: Offer;
  problem: Problem | null;
  busy: boolean;
  languages: { value: string; label: string }[];
  onSave(patch: OfferPatch): void;
  onCancel(): void;
}) {
  const prefs = usePrefs();
  const { t, label, lang } = prefs;
  const [form, setForm] = useState({
    priceModel: offer.priceModel,
    price: units(offer.priceCents),
    percent: offer.pricePercent === null ? "" : String(offer.pricePercent),
    minimum: units(offer.priceMinimumCents),
    currency: offer.currency,
    channels: [...offer.channels] as string[],
    coverage: offer.coverage,
    languages: [...offer.languages] as string[],
    entryTier: offer.entryTier,
    queuePriority: String(offer.queuePriority),
    first: toTargets(offer.firstResponseMinutes),
    update: toTargets(offer.updateMinutes),
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const err = (path: string) => errorAt(problem, path, prefs);
  const heading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFormFocus(heading, formRef, problem);
  const submit = (event: Event) => {
    event.preventDefault();
    onSave({
      priceModel: form.priceModel,
      priceCents: cents(form.price),
      pricePercent: form.percent.trim() === "" ? null : Number(form.percent.replace(",", ".")),
      priceMinimumCents: cents(form.minimum),
      currency: form.currency.trim().toUpperCase(),
      channels: form.channels as OfferPatch["channels"],
      coverage: form.coverage,
      languages: form.languages as OfferPatch["languages"],
      entryTier: form.entryTier,
      queuePriority: Number(form.queuePriority),
      firstResponseMinutes: fromTargets(form.first),
      updateMinutes: fromTargets(form.update),
    });
  };
  const targetFields = (group: "first" | "update", path: string) => (
    <fieldset class="targets">
      <legend>
        {t(group === "first" ? "offers.firstResponseMinutes" : "offers.updateMinutes")}
      </legend>
      {SEVERITIES.map((severity) => (
        <Field
          key={severity}
          name={`${path}.${severity}`}
          label={label("severity", severity)}
          error={err(`${path}.${severity}`)}
        >
          {(attrs) => (
            <input
              {...attrs}
              type="number"
              inputMode="numeric"
              min={1}
              value={form[group][severity]}
              onInput={(event) =>
                set({ [group]: { ...form[group], [severity]: event.currentTarget.value } })
              }
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
  const select = (
    name: "priceModel" | "coverage" | "entryTier",
    text: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <Field name={name} label={text} error={err(name)}>
      {(attrs) => (
        <select
          {...attrs}
          value={form[name]}
          onChange={(event) => set({ [name]: event.currentTarget.value })}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const text = (
    name: "price" | "percent" | "minimum" | "currency" | "queuePriority",
    path: string,
    caption: string,
  ) => (
    <Field name={path} label={caption} error={err(path)}>
      {(attrs) => (
        <input
          {...attrs}
          type="text"
          inputMode={name === "currency" ? "text" : "decimal"}
          value={form[name]}
          onInput={(event) => set({ [name]: event.currentTarget.value })}
        />
      )}
    </Field>
  );
  const rest = unshown(problem, [
    "priceModel",
    "priceCents",
    "pricePercent",
    "priceMinimumCents",
    "currency",
    "channels",
    "coverage",
    "languages",
    "entryTier",
    "queuePriority",
    "firstResponseMinutes",
    "updateMinutes",
  ]);
  return (
    <form
      ref={formRef}
      class="form admin-form"
      onSubmit={submit}
      aria-labelledby={`offer-form-${offer.id}`}
      noValidate
    >
      <h3 id={`offer-form-${offer.id}`} ref={heading} tabIndex={-1}>
        {t("offers.editing", {
          level: offer.levelName[lang],
          universe: label("universe", offer.universe),
        })}
      </h3>
      {rest && <ProblemAlert problem={rest} />}
      <div class="form-grid">
        {select("priceModel", t("offers.priceModel"), [
          { value: "flat", label: t("offers.flat") },
          { value: "percent", label: t("offers.percent") },
        ])}
        {text("price", "priceCents", t("offers.priceAmount"))}
        {text("percent", "pricePercent", t("offers.pricePercent"))}
        {text("minimum", "priceMinimumCents", t("offers.priceMinimum"))}
        {text("currency", "currency", t("offers.currency"))}
        {select(
          "coverage",
          t("offers.coverage"),
          COVERAGES.map((c) => ({ value: c, label: label("coverage", c) })),
        )}
        {select(
          "entryTier",
          t("offers.entryTier"),
          TIERS.map((x) => ({ value: x, label: x })),
        )}
        {text("queuePriority", "queuePriority", t("offers.queuePriority"))}
      </div>
      <Checks
        name="channels"
        legend={t("offers.channels")}
        options={CHANNELS.map((c) => ({ value: c, label: label("channel", c) }))}
        value={form.channels}
        error={err("channels")}
        onChange={(channels) => set({ channels })}
      />
      <Checks
        name="languages"
        legend={t("offers.languages")}
        options={languages}
        value={form.languages}
        error={err("languages")}
        onChange={(next) => set({ languages: next })}
      />
      <div class="form-grid">
        {targetFields("first", "firstResponseMinutes")}
        {targetFields("update", "updateMinutes")}
      </div>
      <div class="form-actions">
        <button type="submit" class="button" disabled={busy}>
          {t("admin.save")}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </button>
      </div>
    </form>
  );
}
