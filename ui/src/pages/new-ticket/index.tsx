import { useState } from "preact/hooks";
import { api, call, type Problem } from "../../api/client.ts";
import { Choice, CodeOptions } from "../../components/choice.tsx";
import { Field } from "../../components/field.tsx";
import {
  attachmentIds,
  attachmentsError,
  FileField,
  type Upload,
} from "../../components/file-field.tsx";
import { Page } from "../../components/page.tsx";
import { Loading, ProblemAlert } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { fieldErrors } from "../../lib/problem.ts";
import { navigate, useLocation } from "../../lib/router.tsx";
import { AreaField, useMatrix } from "./area-field.tsx";
import {
  asksArea,
  CATEGORIES,
  type Category,
  type Draft,
  LEVELS,
  needsService,
  ticketBody,
  UNIVERSES,
} from "./data.ts";
import { FastPathOption, fastPathEligible, useFastPath } from "./fast-path.tsx";
import { IntakePreview } from "./intake.tsx";
import { ServiceField, useServices } from "./service-field.tsx";

const FIELDS = [
  "category",
  "service",
  "universe",
  "area",
  "impact",
  "urgency",
  "subject",
  "body",
  "fastPath",
];

/**
 * Opening a ticket: what it is about, on which service (or universe), which area of the
 * product's responsibility matrix, how bad and how urgent, then the words. The perimeter and
 * the first-response time show before anything is sent.
 */
export function NewTicket() {
  const prefs = usePrefs();
  const { t, label } = prefs;
  const { query } = useLocation();
  const services = useServices();
  const [draft, setDraft] = useState<Draft>({
    category: "incident",
    service: query.get("service") ?? "",
    universe: "market",
    area: "",
    impact: "medium",
    urgency: "medium",
    subject: "",
    body: "",
    fastPath: false,
  });
  const fastPath = useFastPath();
  const product =
    services.state === "ready"
      ? services.data.items.find((s) => s.name === draft.service)?.product
      : undefined;
  const matrix = useMatrix(asksArea(draft.category) && product ? product : null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((now) => ({
      ...now,
      [key]: value,
      ...(key === "service" ? { area: "" } : {}),
      // Fast-Path is chosen for one service and kind of question; another choice asks again.
      ...(key === "service" || key === "category" ? { fastPath: false } : {}),
    }));

  if (services.state !== "ready") {
    return (
      <Page title={t("new.title")}>
        {services.state === "loading" ? (
          <Loading />
        ) : (
          <ProblemAlert problem={services.problem} onRetry={services.reload} />
        )}
      </Page>
    );
  }
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    const body = { ...ticketBody(draft), ...attachmentIds(uploads) };
    const result = await call(api.POST("/api/v1/tickets", { body }));
    setBusy(false);
    if (result.ok) return navigate(`/tickets/${encodeURIComponent(result.data.number)}`);
    setProblem(result.problem);
  };
  const errors = fieldErrors(problem, prefs);
  const filesError = attachmentsError(errors);
  const general = problem && !filesError && !FIELDS.some((name) => errors[name]);
  const levels = (group: "impact" | "urgency") =>
    LEVELS.map((value) => ({ value, label: t(`${group}.${value}`) }));

  return (
    <Page title={t("new.title")}>
      <form class="form card" onSubmit={submit} noValidate aria-busy={busy}>
        {general && <ProblemAlert problem={problem} />}
        <Field name="category" label={t("new.category")} error={errors.category}>
          {(attrs) => (
            <select
              {...attrs}
              value={draft.category}
              onChange={(event) => set("category", event.currentTarget.value as Category)}
            >
              {CATEGORIES.map((code) => (
                <option key={code} value={code}>
                  {label("category", code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsService(draft.category) ? (
          <ServiceField
            value={draft.service}
            services={services.data.items}
            more={services.data.more}
            error={errors.service}
            onChange={(value) => set("service", value)}
          />
        ) : (
          <Field name="universe" label={t("new.universe")} error={errors.universe}>
            {(attrs) => (
              <select
                {...attrs}
                value={draft.universe}
                onChange={(event) =>
                  set("universe", event.currentTarget.value as Draft["universe"])
                }
              >
                <CodeOptions codes={UNIVERSES} group="universe" />
              </select>
            )}
          </Field>
        )}
        {asksArea(draft.category) && product && (
          <AreaField
            rows={matrix.rows}
            loading={matrix.loading}
            value={draft.area}
            error={errors.area}
            onChange={(value) => set("area", value)}
          />
        )}
        <div class="pair">
          <Choice
            name="impact"
            legend={t("new.impact")}
            options={levels("impact")}
            value={draft.impact}
            error={errors.impact}
            onChange={(value) => set("impact", value as Draft["impact"])}
          />
          <Choice
            name="urgency"
            legend={t("new.urgency")}
            options={levels("urgency")}
            value={draft.urgency}
            error={errors.urgency}
            onChange={(value) => set("urgency", value as Draft["urgency"])}
          />
        </div>
        {fastPath && fastPathEligible(draft, services.data.items) && (
          <FastPathOption
            fastPath={fastPath}
            checked={draft.fastPath}
            error={errors.fastPath}
            onChange={(value) => set("fastPath", value)}
          />
        )}
        <IntakePreview draft={draft} matrix={matrix.rows} />
        <Field name="subject" label={t("new.subject")} error={errors.subject}>
          {(attrs) => (
            <input
              {...attrs}
              value={draft.subject}
              maxLength={200}
              required
              onInput={(event) => set("subject", event.currentTarget.value)}
            />
          )}
        </Field>
        <Field name="body" label={t("new.body")} hint={t("new.bodyHint")} error={errors.body}>
          {(attrs) => (
            <textarea
              {...attrs}
              value={draft.body}
              required
              onInput={(event) => set("body", event.currentTarget.value)}
            />
          )}
        </Field>
        <FileField name="attachments" uploads={uploads} onChange={setUploads} error={filesError} />
        <button type="submit" class="button" disabled={busy}>
          {busy ? t("new.submitting") : t("new.submit")}
        </button>
      </form>
    </Page>
  );
}
