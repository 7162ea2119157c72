import { useState } from "preact/hooks";
import { api, call, type Problem } from "../api/client.ts";
import { Field } from "../components/field.tsx";
import { Page } from "../components/page.tsx";
import { ProblemAlert } from "../components/state.tsx";
import { usePrefs } from "../i18n/index.ts";
import { fieldErrors } from "../lib/problem.ts";
import { useSession } from "../session.ts";

const FIELDS = ["email", "password"];

/** Shown at any address while signed out; signing in renders that address's screen. */
export function SignIn({ ended }: { ended: boolean }) {
  const prefs = usePrefs();
  const { t } = prefs;
  const { signedIn } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    const result = await call(
      api.POST("/api/v1/auth/sessions", {
        body: { email: String(form.get("email")), password: String(form.get("password")) },
      }),
    );
    setBusy(false);
    if (result.ok) signedIn(result.data.me, result.data.csrfToken);
    else setProblem(result.problem);
  };

  const errors = fieldErrors(problem, prefs);
  const general = problem && !FIELDS.some((name) => errors[name]);
  return (
    <div class="narrow">
      <Page title={t("signIn.title")}>
        {ended && !problem && (
          <p class="notice" role="status">
            {t("session.ended")}
          </p>
        )}
        <p>{t("signIn.intro")}</p>
        {general && <ProblemAlert problem={problem} />}
        <form class="form" onSubmit={submit} noValidate aria-busy={busy}>
          <Field name="email" label={t("signIn.email")} error={errors.email}>
            {(attrs) => <input {...attrs} type="email" autocomplete="username" required />}
          </Field>
          <Field name="password" label={t("signIn.password")} error={errors.password}>
            {(attrs) => (
              <input {...attrs} type="password" autocomplete="current-password" required />
            )}
          </Field>
          <button type="submit" class="button" disabled={busy}>
            {busy ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </form>
      </Page>
    </div>
  );
}
