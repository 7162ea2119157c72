import { Page } from "../components/page.tsx";
import { usePrefs } from "../i18n/index.ts";
import { Link } from "../lib/router.tsx";

export function NotFound() {
  const { t } = usePrefs();
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.body")}</p>
      <p>
        <Link href="/">{t("notFound.home")}</Link>
      </p>
    </Page>
  );
}
