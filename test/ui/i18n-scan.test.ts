import { describe, expect, it } from "vitest";
import { en } from "../../ui/src/i18n/en.ts";
import { fr } from "../../ui/src/i18n/fr.ts";
import { ru } from "../../ui/src/i18n/ru.ts";
import { englishOnly, englishShown, keysShown } from "./i18n-scan.ts";

/** The detectors routes-i18n.e2e.test.ts relies on, without a browser. */
describe("the translation scan", () => {
  it("finds catalogue keys shown as themselves, not host names, emails or sentences", () => {
    const texts = [
      "rating.open",
      "Status: dashboard.tickets.",
      "vps-12ab.vps.palier.test",
      "user-1@example.test",
      "See https://docs.palier.example/vps.",
      "Version 1.2 of the guide. Done.",
      "Ticket PAL-100001",
      "unknown.section.key",
    ];
    expect(keysShown(texts, en).sort()).toEqual(["dashboard.tickets", "rating.open"]);
  });

  it("finds English catalogue texts left on a French or Russian screen, with placeholders", () => {
    const patterns = englishOnly(en, fr);
    const found = englishShown(
      [
        en["rating.open"],
        fr["rating.solved"],
        "Ticket PAL-100001",
        en["fastPath.usage"]
          .replace("{used}", "2")
          .replace("{quota}", "6")
          .replace("{year}", "2026"),
        "Support",
      ],
      patterns,
    );
    expect(found).toEqual([
      `rating.open: ${en["rating.open"]}`,
      "fastPath.usage: 2 of 6 Fast-Path tickets used in 2026",
    ]);
    // Words French shares with English are not reported ("Support", "Ticket {number}").
    expect(patterns.some(({ key }) => key === "thread.support")).toBe(false);
    expect(englishShown([ru["rating.open"]], englishOnly(en, ru))).toEqual([]);
  });
});
