import i18next, { type TFunction } from "i18next";
import type { Language } from "../db/schema.ts";
import en from "./locales/en.ts";
import fr from "./locales/fr.ts";
import ru from "./locales/ru.ts";

// Mail wording lives apart from the API's catalogue: its own instance, its own files.
const instance = i18next.createInstance();
await instance.init({
  resources: { en: { mail: en }, fr: { mail: fr }, ru: { mail: ru } },
  ns: ["mail"],
  defaultNS: "mail",
  fallbackLng: "en",
  // Templates escape for HTML themselves; plain text must stay unescaped.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Mail translator bound to one language. */
export function mailTranslator(language: Language): TFunction {
  return instance.getFixedT(language, "mail");
}
