import i18next, { type TFunction } from "i18next";
import en from "./locales/en.ts";
import fr from "./locales/fr.ts";
import ru from "./locales/ru.ts";

export const languages = ["en", "fr", "ru"] as const;
export type Lang = (typeof languages)[number];

const instance = i18next.createInstance();
await instance.init({
  resources: { en: { translation: en }, fr: { translation: fr }, ru: { translation: ru } },
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Translator bound to one language. */
export function translator(lang: Lang): TFunction {
  return instance.getFixedT(lang);
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLanguage(header: string | undefined, fallback: Lang = "en"): Lang {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const match = ranked.find((entry) => (languages as readonly string[]).includes(entry.tag));
  return (match?.tag as Lang | undefined) ?? fallback;
}
