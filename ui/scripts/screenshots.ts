/**
 * Screenshots of the Manager's main pages for docs/screenshots, taken from a running Palier
 * with the demo data (npm start on a fresh database): npm run ui:screenshots [-- <base URL>].
 * Uses the browser tests' harness, so Debian's Chromium at /usr/bin/chromium.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openBrowser, signIn } from "../../test/ui/browser.ts";

const base = process.argv[2] ?? "http://localhost:8080";
const out = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));
mkdirSync(out, { recursive: true });

const browser = await openBrowser({ locale: "en-GB", timezoneId: "Europe/Paris" });
const { page } = browser;
page.setDefaultTimeout(20_000);
const shot = (name: string) => page.screenshot({ path: `${out}${name}.png`, fullPage: true });
try {
  await signIn(page, base, "camille.durand@atelier-lumiere.example", "palier-demo-2026");
  // The demo customer writes in French; the screenshots are in English.
  await page.getByLabel("Langue").selectOption("en");
  const tickets = page.getByRole("table", { name: "Open tickets" });
  await tickets.waitFor();
  await page.getByRole("table", { name: "Server" }).waitFor();
  await shot("customer-dashboard");

  const firstTicket = tickets.getByRole("link").first();
  await firstTicket.click();
  await page.getByRole("heading", { name: "Conversation" }).waitFor();
  await shot("ticket");

  await page.getByRole("link", { name: "New ticket" }).click();
  await page.getByLabel("Service", { exact: true }).selectOption({ index: 1 });
  const area = page.getByLabel("Which part of the service?");
  const customerSide = area.locator("option", { hasText: "Your responsibility" }).first();
  await area.selectOption((await customerSide.getAttribute("value")) ?? "");
  await page.getByText("First answer within", { exact: false }).waitFor();
  await page.getByRole("textbox", { name: "Subject" }).fill("New users cannot sign in");
  await shot("new-ticket");

  await page.getByRole("link", { name: "Support levels" }).click();
  await page.getByRole("table", { name: "Market" }).waitFor();
  await shot("support-levels");
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
