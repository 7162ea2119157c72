import type { Page } from "playwright-core";

/**
 * What the routes × languages test looks for on a screen: catalogue keys shown instead of
 * their text (the translator returns the key itself when a catalogue lacks it) and English
 * catalogue texts left on a French or Russian screen.
 */

type Catalog = Record<string, string>;

/** Every visible text node and accessible name (aria-label, placeholder, title, alt). */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const element = node.parentElement;
      const text = node.textContent?.trim() ?? "";
      if (!element || !text || element.closest("script, style, template")) continue;
      // Text marked as another language is meant to be in it (each language's own name in
      // the language switch).
      if (element.closest("[lang]")?.getAttribute("lang") !== document.documentElement.lang) {
        continue;
      }
      // Options of a closed select are not "visible" to the layout, but are read and chosen.
      if (element.tagName !== "OPTION" && !element.checkVisibility()) continue;
      out.push(text);
    }
    for (const element of document.querySelectorAll(
      "[aria-label], [placeholder], [title], [alt]",
    )) {
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

const KEY_LIKE = /(?<![\w@./-])[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+(?![\w@/-])/g;

/**
 * Tokens shaped like `word.word` whose first word starts a catalogue key (`rating.open`,
 * `desk.nav.queues`): a key shown as itself. Domain names and emails start otherwise.
 */
export function keysShown(texts: string[], english: Catalog): string[] {
  const prefixes = new Set(Object.keys(english).map((key) => key.split(".")[0]));
  const found = new Set<string>();
  for (const text of texts) {
    for (const [token] of text.matchAll(KEY_LIKE)) {
      const bare = token.replace(/\.$/, "");
      if (bare in english || prefixes.has(bare.split(".")[0] ?? "")) found.add(bare);
    }
  }
  return [...found];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The English catalogue texts that would betray an untranslated screen in `target`: those its
 * catalogue words differently and that are no text of its own (French shares "Service",
 * "Support"...). Each becomes a whole-text pattern, placeholders matching anything.
 */
export function englishOnly(english: Catalog, target: Catalog): { key: string; pattern: RegExp }[] {
  const own = new Set(Object.values(target));
  return (
    Object.entries(english)
      .filter(([key, text]) => target[key] !== text && !own.has(text))
      // Enough words of its own to be recognised: "{level} in {universe}" would match any text,
      // and "Ticket {number}" any ticket whose subject starts with that word.
      .filter(([, text]) => {
        const fixed = text.replace(/\{\w+\}/g, " ");
        const letters = fixed.match(/\p{L}/gu)?.length ?? 0;
        const words = fixed.match(/\p{L}{2,}/gu)?.length ?? 0;
        return text.includes("{") ? letters >= 5 && words >= 2 : letters >= 2;
      })
      .map(([key, text]) => ({
        key,
        pattern: new RegExp(
          `^${text
            .split(/\{\w+\}/)
            .map(escapeRegExp)
            .join(".+?")}$`,
          "s",
        ),
      }))
  );
}

/** The English texts found on the screen, as "key: text". */
export function englishShown(texts: string[], patterns: ReturnType<typeof englishOnly>): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const { key, pattern } of patterns) {
      if (pattern.test(text)) found.add(`${key}: ${text}`);
    }
  }
  return [...found];
}
