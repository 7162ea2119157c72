import { useEffect, useState } from "preact/hooks";
import { call } from "../../api/client.ts";
import { Loading } from "../../components/state.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { formatDateTime, formatMinutes } from "../../lib/format.ts";
import { type Draft, fetchIntake, type Intake, intakeQuery, type MatrixRow } from "./data.ts";

/**
 * Before submitting, what the API says about this ticket: whose side the chosen area is on
 * (with the way out when it is the customer's), and the first-response time that will apply.
 * Asked again, after a short pause, whenever a field that matters changes.
 */
export function IntakePreview({ draft, matrix }: { draft: Draft; matrix: MatrixRow[] }) {
  const { t } = usePrefs();
  const query = intakeQuery(draft);
  const key = query ? JSON.stringify(query) : "";
  const [state, setState] = useState<{ key: string; intake: Intake | null } | null>(null);
  useEffect(() => {
    if (!query) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await call(fetchIntake(query));
      // A refused intake (a service the API does not know) is reported when submitting.
      if (current) setState({ key, intake: result.ok ? result.data : null });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The query is rebuilt on every render; its serialised key is what changes.
  }, [key]);

  if (!query) return null;
  return (
    <section class="intake" aria-labelledby="intake-title" aria-live="polite">
      <h2 id="intake-title">{t("intake.title")}</h2>
      {state?.key !== key ? (
        <Loading label={t("intake.loading")} />
      ) : (
        state.intake && <IntakeFacts intake={state.intake} matrix={matrix} />
      )}
    </section>
  );
}

function IntakeFacts({ intake, matrix }: { intake: Intake; matrix: MatrixRow[] }) {
  const { t, label, locale, timeZone } = usePrefs();
  // The same explanation in the Manager's language when the matrix is at hand.
  const explanation =
    matrix.find((row) => row.area === intake.area?.area)?.text ?? intake.area?.explanation;
  return (
    <>
      {intake.area && (
        <div class={`perimeter owner-${intake.area.owner}`}>
          <p>
            <strong>
              {label("area", intake.area.area)} · {t(`owner.${intake.area.owner}`)}
            </strong>
          </p>
          <p>{explanation}</p>
          {intake.outOfPerimeter && <p class="perimeter-out">{t("intake.outOfPerimeter")}</p>}
          {intake.help && (
            <>
              <p>
                <a href={intake.help.documentationUrl} target="_blank" rel="noreferrer">
                  {t("intake.docs")}
                </a>
              </p>
              {intake.help.partners.length > 0 && (
                <>
                  <p>{t("intake.partners")}</p>
                  <ul>
                    {intake.help.partners.map((partner) => (
                      <li key={partner.nicHandle}>
                        {partner.name} <span class="muted mono">{partner.nicHandle}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      )}
      {intake.fastPath.requested && <FastPathVerdict intake={intake} />}
      <p class="first-response">
        {t("intake.firstResponse", {
          duration: formatMinutes(intake.firstResponse.minutes, locale),
          date: formatDateTime(intake.firstResponse.dueAt, locale, timeZone),
          level: label("level", intake.entitlement.level),
          severity: label("severity", intake.severity).toLowerCase(),
        })}
      </p>
    </>
  );
}

/** Whether the Fast-Path asked for applies: its 30-minute target, or why not, in our words. */
function FastPathVerdict({ intake }: { intake: Intake }) {
  const { t, label } = usePrefs();
  const { granted, refusal, refusalCode } = intake.fastPath;
  if (granted) return <p class="fast-path granted">{t("fastPath.granted")}</p>;
  // label() returns the code itself when the catalogue lacks it: a reason this Manager does not
  // know yet is then shown as the API wrote it.
  const known = refusalCode ? label("fastPath.reason", refusalCode) : null;
  const reason = known && known !== refusalCode ? known : (refusal ?? "");
  return <p class="fast-path refused">{t("fastPath.refused", { reason })}</p>;
}
