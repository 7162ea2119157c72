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
const shot = (name: string, fullPage = true) =>
  page.screenshot({ path: `${out}${name}.png`, fullPage });
const settled = () =>
  page.waitForFunction(() => document.querySelectorAll("main .loading").length === 0);
try {
  await signIn(page, base, "camille.durand@atelier-lumiere.example", "palier-demo-2026");
  // The demo customer writes in French; the screenshots are in English.
  await page.locator("fieldset.prefs select").first().selectOption("en");
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
  await page.getByRole("button", { name: "Sign out" }).click();

  // The support desk, as the demo's L1 agent (English).
  await signIn(page, base, "lea.martin@palier.cloud", "palier-demo-2026");
  await page.locator("fieldset.prefs select").first().selectOption("en");
  const queues = page.getByRole("table", { name: "Queues I can take tickets from" });
  await queues.getByRole("row").nth(1).waitFor();
  await shot("agent-queues");
  // The demo's open tickets are mostly assigned: her own list shows the countdowns best.
  await page.getByRole("link", { name: "My tickets" }).click();
  const queue = page.getByRole("table");
  await queue.getByRole("link").first().waitFor();
  await shot("agent-queue");
  await queue.getByRole("link").first().click();
  await page.getByRole("region", { name: "Conversation" }).waitFor();
  // The context panel loads the account, the service and the account's other tickets.
  await page.getByRole("complementary").last().getByRole("link").first().waitFor();
  await settled();
  await shot("ticket-workspace");
  await page.getByRole("button", { name: "Sign out" }).click();

  // Reports, as the demo's lead.
  await signIn(page, base, "ivan.petrov@palier.cloud", "palier-demo-2026");
  await page.locator("fieldset.prefs select").first().selectOption("en");
  await page.getByRole("link", { name: "Reports" }).click();
  await page.locator("main figure svg").first().waitFor();
  await settled();
  // The page runs long (every universe × level × severity): its first screen shows the kind.
  await shot("reports", false);
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
}
