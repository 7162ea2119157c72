import type { JSX } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, call, type Me, onSessionEnded, setApiLanguage, setCsrfToken } from "./api/client.ts";
import { Header } from "./components/header.tsx";
import { Loading } from "./components/state.tsx";
import { en } from "./i18n/en.ts";
import {
  type Catalog,
  isLang,
  type Lang,
  loadCatalog,
  type Preferences,
  PreferencesContext,
  translator,
  usePrefs,
} from "./i18n/index.ts";
import { match, navigate, useLocation } from "./lib/router.tsx";
import { browserTimeZone, isTimeZone, stored } from "./lib/storage.ts";
import { NotFound } from "./pages/not-found.tsx";
import { SignIn } from "./pages/sign-in.tsx";
import { routesFor } from "./routes.tsx";
import { type Session, type SessionApi, SessionContext } from "./session.ts";

/** A remembered choice first, then the browser's languages, then English. */
function initialLang(): Lang {
  const remembered = stored.language();
  if (isLang(remembered)) return remembered;
  for (const tag of navigator.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLang(base)) return base;
  }
  return "en";
}

function initialTimeZone(): string {
  const remembered = stored.timeZone();
  return isTimeZone(remembered) ? remembered : browserTimeZone();
}

export function App() {
  const [texts, setTexts] = useState<{ lang: Lang; catalog: Catalog } | null>(null);
  const [wanted, setWanted] = useState<Lang>(initialLang);
  const [timeZone, setTimeZoneState] = useState(initialTimeZone);
  const [session, setSession] = useState<Session>({ state: "loading" });
  const [saveFailed, setSaveFailed] = useState(false);
  // Read by the preference setters, which must not change identity with every session change.
  const signedIn = useRef(false);
  signedIn.current = session.state === "signed-in";

  // The previous language stays on screen until the next catalogue has arrived.
  useEffect(() => {
    let current = true;
    loadCatalog(wanted).then(
      (catalog) => current && setTexts({ lang: wanted, catalog }),
      () => current && setTexts({ lang: "en", catalog: en }),
    );
    setApiLanguage(wanted);
    return () => {
      current = false;
    };
  }, [wanted]);
  useEffect(() => {
    if (texts) document.documentElement.lang = texts.lang;
  }, [texts]);

  const adopt = useCallback((me: Me) => {
    if (me.preferencesSaved) {
      // Chosen in the Manager, maybe in another browser: the saved choice wins, and is
      // remembered here for the signed-out pages.
      if (isLang(me.language)) {
        stored.setLanguage(me.language);
        setWanted(me.language);
      }
      if (isTimeZone(me.timeZone)) {
        stored.setTimeZone(me.timeZone);
        setTimeZoneState(me.timeZone);
      }
    } else if (me.kind === "user" && !stored.language() && isLang(me.language)) {
      // The account's language applies until the user picks one here.
      setWanted(me.language);
    }
    setSession({ state: "signed-in", me });
  }, []);

  /** Saves a choice made in the header on the server, when someone is signed in. */
  const save = useCallback(async (body: { language?: Lang; timeZone?: string }) => {
    if (!signedIn.current) return;
    const result = await call(api.PATCH("/api/v1/me", { body }));
    setSaveFailed(!result.ok);
  }, []);

  useEffect(() => {
    onSessionEnded(() => {
      setCsrfToken(null);
      setSession((now) => (now.state === "signed-in" ? { state: "signed-out", ended: true } : now));
    });
    call(api.GET("/api/v1/me")).then((result) => {
      if (!result.ok) return setSession({ state: "signed-out", ended: false });
      setCsrfToken(result.data.csrfToken ?? null);
      adopt(result.data);
    });
  }, [adopt]);

  const sessionApi = useMemo<SessionApi>(
    () => ({
      session,
      signedIn: (me, csrfToken) => {
        setCsrfToken(csrfToken);
        adopt(me);
      },
      signOut: async () => {
        await call(api.DELETE("/api/v1/auth/sessions/current"));
        setCsrfToken(null);
        setSession({ state: "signed-out", ended: false });
        navigate("/");
      },
    }),
    [session, adopt],
  );

  const prefs = useMemo<Preferences | null>(() => {
    if (!texts) return null;
    return {
      ...translator(texts.lang, texts.catalog),
      timeZone,
      setLang: (lang) => {
        stored.setLanguage(lang);
        setWanted(lang);
        void save({ language: lang });
      },
      setTimeZone: (zone) => {
        if (!isTimeZone(zone)) return;
        stored.setTimeZone(zone);
        setTimeZoneState(zone);
        void save({ timeZone: zone });
      },
    };
  }, [texts, timeZone, save]);

  if (!prefs) return null;
  return (
    <PreferencesContext.Provider value={prefs}>
      <SessionContext.Provider value={sessionApi}>
        <Shell session={session} saveFailed={saveFailed} />
      </SessionContext.Provider>
    </PreferencesContext.Provider>
  );
}

function Shell({ session, saveFailed }: { session: Session; saveFailed: boolean }) {
  const { path } = useLocation();
  const prefs = usePrefs();
  const me = session.state === "signed-in" ? session.me : null;
  const routes = me ? routesFor(me, prefs) : [];
  let page: JSX.Element;
  if (session.state === "loading") page = <Loading />;
  else if (session.state === "signed-out") page = <SignIn ended={session.ended} />;
  else {
    page = <NotFound />;
    for (const route of routes) {
      const params = match(route.pattern, path);
      if (params) {
        page = route.render(params);
        break;
      }
    }
  }
  const nav = routes
    .filter((route) => route.nav)
    .map((route) => ({
      href: route.pattern,
      label: route.nav ?? "",
      current: route.pattern === "/" ? path === "/" : path.startsWith(route.pattern),
    }));
  return (
    <>
      <a class="skip" href="#main">
        {prefs.t("app.skip")}
      </a>
      <Header nav={nav} saveFailed={saveFailed} />
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  );
}
