import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { en, type Key } from "./en.ts";

export const LANGUAGES = ["en", "fr", "ru"] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language's own name, the same in every catalogue so a reader finds theirs. */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  en: "English",
  fr: "Français",
  ru: "Русский",
};

// Distributes over the keys only through a type parameter (a plain union would not distribute).
type PluralBaseOf<K> = K extends `${infer Base}_other` ? Base : never;
type PluralBase = PluralBaseOf<Key>;
/**
 * Every catalogue has every key (a missing one fails the type check), plus the plural forms
 * its language needs beyond one/other (Russian few and many).
 */
export type Catalog = Record<Key, string> &
  Partial<Record<`${PluralBase}_${"zero" | "two" | "few" | "many"}`, string>>;
export type Vars = Record<string, string | number>;
export type { Key };

// English ships in the main bundle; French and Russian are fetched when chosen.
const loaders: Record<Lang, () => Promise<Catalog>> = {
  en: async () => en,
  fr: () => import("./fr.ts").then((module) => module.fr),
  ru: () => import("./ru.ts").then((module) => module.ru),
};

export function loadCatalog(lang: Lang): Promise<Catalog> {
  return loaders[lang]();
}

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export interface Translator {
  lang: Lang;
  /** For Intl: the browser's own locale when it speaks this language (en-GB), else the language. */
  locale: string;
  t(key: Key, vars?: Vars): string;
  /** Plural: picks `<base>_<category>` for the count by the language's rules. */
  tn(base: PluralBase, count: number, vars?: Vars): string;
  /**
   * A label for a code the API returns (`universe`, `server` → "Server"); a code the
   * catalogue does not know yet (a product an admin just created) shows as itself.
   */
  label(group: string, code: string): string;
}

function localeFor(lang: Lang): string {
  const own = globalThis.navigator?.languages?.find((tag) => tag.toLowerCase().startsWith(lang));
  try {
    return own ? (Intl.getCanonicalLocales(own)[0] ?? lang) : lang;
  } catch {
    return lang;
  }
}

export function translator(lang: Lang, catalog: Catalog): Translator {
  const locale = localeFor(lang);
  const rules = new Intl.PluralRules(locale);
  const t = (key: Key, vars?: Vars) => interpolate(catalog[key] ?? key, vars);
  const label = (group: string, code: string) =>
    (catalog as Record<string, string | undefined>)[`${group}.${code}`] ?? code;
  const tn = (base: PluralBase, count: number, vars?: Vars) => {
    const forms = catalog as Record<string, string | undefined>;
    const text = forms[`${base}_${rules.select(count)}`] ?? forms[`${base}_other`] ?? base;
    return interpolate(text, { count: new Intl.NumberFormat(locale).format(count), ...vars });
  };
  return { lang, locale, t, tn, label };
}

export interface Preferences extends Translator {
  timeZone: string;
  setLang(lang: Lang): void;
  setTimeZone(zone: string): void;
}

export const PreferencesContext = createContext<Preferences>({
  ...translator("en", en),
  timeZone: "UTC",
  setLang: () => {},
  setTimeZone: () => {},
});

export function usePrefs(): Preferences {
  return useContext(PreferencesContext);
}
