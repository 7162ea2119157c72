import { describe, expect, it } from "vitest";
import { en } from "../../ui/src/i18n/en.ts";
import { fr } from "../../ui/src/i18n/fr.ts";
import { ru } from "../../ui/src/i18n/ru.ts";

// Words that are the same in French as in English (brands, loanwords, codes); any other
// French text equal to the English one is an untranslated string.
const SAME_IN_FRENCH = new Set([
  "Palier Manager",
  "Palier",
  "Market",
  "Standard",
  "Premium",
  "Business",
  "Service",
  "Ticket",
  "Incident",
  "Programme",
  "Chat",
  "Instance",
  "Infrastructure",
  "Application",
  "Description",
  "Impact",
  "Europe",
  "Canada",
  "Agent",
  "Support",
  "Contacts",
  "DNSSEC",
  "Ticket {number}",
]);
// Russian shares only names and codes with English.
const SAME_IN_RUSSIAN = new Set(["Palier Manager", "Palier", "DNSSEC"]);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the Manager's catalogues", () => {
  for (const [lang, catalog, same] of [
    ["fr", fr, SAME_IN_FRENCH],
    ["ru", ru, SAME_IN_RUSSIAN],
  ] as const) {
    it(`translates every English string into ${lang}`, () => {
      const untranslated = Object.entries(en)
        .filter(([key, text]) => catalog[key as keyof typeof en] === text && !same.has(text))
        .map(([key]) => key);
      expect(untranslated).toEqual([]);
    });

    it(`keeps the placeholders of every string in ${lang}`, () => {
      for (const [key, text] of Object.entries(en)) {
        const translated = catalog[key as keyof typeof en];
        expect(placeholders(translated), `${lang} ${key}`).toEqual(placeholders(text));
      }
    });
  }

  it("writes Russian in Cyrillic, Latin letters only in names and codes", () => {
    // A Russian string made only of Latin letters is English left behind.
    const latin = Object.entries(ru).filter(
      ([, text]) => /^[\s\p{Script=Latin}\p{P}{}\d]+$/u.test(text) && !SAME_IN_RUSSIAN.has(text),
    );
    expect(latin.map(([key]) => key)).toEqual([]);
  });
});
