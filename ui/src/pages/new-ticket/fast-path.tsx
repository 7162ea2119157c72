import { load } from "../../api/client.ts";
import { usePrefs } from "../../i18n/index.ts";
import { formatNumber } from "../../lib/format.ts";
import { useLoad } from "../../lib/use-load.ts";
import { useMe } from "../../session.ts";
import { fetchFastPath } from "../dashboard/partner.tsx";
import { asksArea, type Draft } from "./data.ts";
import type { ServiceOption } from "./service-field.tsx";

/** The technical partner's Fast-Path when it has an active one, else null (also while loading). */
export function useFastPath() {
  const me = useMe();
  const partner = me.kind === "user" && me.account.programme === "technical-partner";
  const nic = me.kind === "user" ? me.account.nicHandle : "";
  const loaded = useLoad(
    async () => (partner ? await load(fetchFastPath(nic)) : null),
    [partner, nic],
  );
  if (loaded.state !== "ready" || !loaded.data?.active) return null;
  return loaded.data;
}
export type FastPath = NonNullable<ReturnType<typeof useFastPath>>;

/**
 * Whether to offer Fast-Path: a technical ticket about a service on which the partner is the
 * technical contact. A service typed past the first hundred is offered too; the intake preview
 * then says whether the API grants it.
 */
export function fastPathEligible(draft: Draft, services: ServiceOption[]): boolean {
  if (!asksArea(draft.category) || !draft.service) return false;
  const known = services.find((service) => service.name === draft.service);
  return known ? known.myRoles.includes("tech") : true;
}

/** The Fast-Path checkbox, with what it gives and how many uses are left this year. */
export function FastPathOption({
  fastPath,
  checked,
  error,
  onChange,
}: {
  fastPath: FastPath;
  checked: boolean;
  error?: string | undefined;
  onChange(checked: boolean): void;
}) {
  const { t, locale } = usePrefs();
  const described = ["field-fastPath-hint", error ? "field-fastPath-error" : ""].filter(Boolean);
  return (
    <div class={error ? "field check invalid" : "field check"}>
      <label>
        <input
          type="checkbox"
          id="field-fastPath"
          name="fastPath"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={described.join(" ")}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />{" "}
        {t("fastPath.option")}
      </label>
      <p class="hint" id="field-fastPath-hint">
        {t("fastPath.optionHint", { remaining: formatNumber(fastPath.remaining, locale) })}
      </p>
      {error && (
        <p class="field-error" id="field-fastPath-error">
          {error}
        </p>
      )}
    </div>
  );
}
