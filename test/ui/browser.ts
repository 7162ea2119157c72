import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";

/** Debian's Chromium, installed by .ci/run when missing; the tests never download a browser. */
export const CHROMIUM = process.env.PALIER_CHROMIUM ?? "/usr/bin/chromium";

// Headless and quiet: no first-run UI, no background downloads or sync, no QUIC (the app is
// plain HTTP/1.1 on localhost). The sandbox is off because CI runs as root in a container.
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Why the browser tests cannot run here, or null when they can. Outside CI a missing Chromium
 * skips them with this message; in CI (CI set) it fails them, so a broken image is noticed.
 */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `Chromium is not installed at ${CHROMIUM}: browser tests skipped (apt-get install -y chromium)`;
}

/**
 * Whether a browser test file skips its tests: only outside CI, when Chromium is missing (said
 * once on the console). In CI a missing browser is a broken image: `requireBrowser` fails then.
 */
export function skipWithoutBrowser(): boolean {
  const why = browserUnavailable();
  const skip = why !== null && !process.env.CI;
  if (skip) console.warn(why);
  return skip;
}

/** Throws when Chromium is missing; browser test files call it first in their setup. */
export function requireBrowser(): void {
  const why = browserUnavailable();
  if (why) throw new Error(why);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh Chromium with a new, empty profile of its own, removed on close. */
export async function openBrowser(options: { locale?: string; timezoneId?: string } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), "palier-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: options.locale ?? "en-GB",
    timezoneId: options.timezoneId ?? "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close } satisfies Browser;
}

/** Signs in through the Manager's own form at `url` (any address: it opens once signed in). */
export async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(url);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in once the form is gone (the screen that follows may be in the user's language).
  await page.getByLabel("Password").waitFor({ state: "detached" });
}

/**
 * Whether the element has the keyboard focus. Focus moved by a shortcut lands after the screen
 * re-renders, so callers poll this (`expect.poll`) rather than reading it once.
 */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}
