import { useMemo } from "preact/hooks";
import { isLang, LANGUAGE_NAMES, LANGUAGES, usePrefs } from "../i18n/index.ts";
import { Link } from "../lib/router.tsx";
import { useSession } from "../session.ts";

export interface NavItem {
  href: string;
  label: string;
  /** Whether the current path belongs to this item. */
  current: boolean;
}

function zones(current: string): string[] {
  const all = Intl.supportedValuesOf?.("timeZone") ?? [];
  return all.includes(current) ? all : [current, ...all];
}

/** The banner: product name, main navigation, preferences and who is signed in. */
export function Header({ nav, saveFailed }: { nav: NavItem[]; saveFailed: boolean }) {
  const { t, lang, setLang, timeZone, setTimeZone } = usePrefs();
  const { session, signOut } = useSession();
  const zoneList = useMemo(() => zones(timeZone), [timeZone]);
  const me = session.state === "signed-in" ? session.me : null;
  return (
    <header class="top">
      <Link href="/" class="brand">
        {t("app.name")}
      </Link>
      {nav.length > 0 && (
        <nav aria-label={t("nav.label")}>
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.current ? "page" : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <fieldset class="prefs">
        <legend>{t("prefs.label")}</legend>
        <label>
          <span>{t("prefs.language")}</span>
          <select
            value={lang}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isLang(value)) setLang(value);
            }}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("prefs.timeZone")}</span>
          <select value={timeZone} onChange={(event) => setTimeZone(event.currentTarget.value)}>
            {zoneList.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {/* Inside the banner, so the note belongs to a landmark like the switches it is about. */}
      <p role="status" class="prefs-note">
        {saveFailed ? t("prefs.saveFailed") : ""}
      </p>
      {me && (
        <div class="who">
          <span class="who-name">{me.name}</span>
          <span class="who-detail">
            {me.kind === "user"
              ? t("session.account", { nic: me.account.nicHandle })
              : t("session.staff", { tier: me.tier })}
          </span>
          <button type="button" class="button secondary" onClick={() => void signOut()}>
            {t("session.signOut")}
          </button>
        </div>
      )}
    </header>
  );
}
