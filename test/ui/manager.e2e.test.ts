import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createUser,
  TEST_PASSWORD,
  type TestService,
  type TestUser,
} from "../helpers/factories.ts";
import { openIncident, subscribe } from "../helpers/ticket-factories.ts";
import { seriousViolations } from "./axe.ts";
import { type Browser, openBrowser, requireBrowser, skipWithoutBrowser } from "./browser.ts";
import { type RunningApp, serveManager } from "./server.ts";

const skip = skipWithoutBrowser();

describe.skipIf(skip)("the Manager in a browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let customer: TestUser;
  let vps: TestService;
  let domain: TestService;
  let ticketNumber: string;

  beforeAll(async () => {
    requireBrowser();
    const ctx = await testContext();
    const { db } = ctx;
    const account = await createAccount(db, { name: "Verrerie Dubois", language: "fr" });
    customer = await createUser(db, account);
    await db.updateTable("users").set({ language: "fr" }).where("id", "=", customer.id).execute();
    // A server of its own, and a domain it is only the tech contact of.
    vps = await createService(db, { admin: account });
    const owner = await createAccount(db);
    domain = await createService(
      db,
      { admin: owner, tech: account },
      { product: "domain", name: `verrerie-${Date.now()}.example` },
    );
    await subscribe(db, account, "server", "business");
    const ticket = await openIncident(ctx, customer, vps, { subject: "Kernel panic at boot" });
    ticketNumber = ticket.number;
    app = await serveManager();
    browser = await openBrowser({ locale: "en-GB" });
    // Fail on a missing element well before the test's own timeout, with Playwright's message.
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("refuses a wrong password next to the form, then signs in to the dashboard", async () => {
    const { page } = browser;
    await page.goto(app.url);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in");

    await page.getByLabel("Email address").fill(customer.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Tableau de bord" }).waitFor();
    // The user's language (fr) applies until they pick one in the Manager.
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    expect(await page.getByText("Verrerie Dubois").count()).toBeGreaterThan(0);
  });

  it("remembers the language chosen, across a reload", async () => {
    const { page } = browser;
    await page.getByLabel("Langue").selectOption("ru");
    await page.getByRole("heading", { level: 1, name: "Обзор" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Обзор" }).waitFor();
    await page.getByLabel("Язык").selectOption("en");
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  });

  it("shows open tickets with their due time, support levels and services by universe", async () => {
    const { page } = browser;
    const tickets = page.getByRole("table", { name: "Open tickets" });
    const row = tickets.getByRole("row").filter({ hasText: ticketNumber });
    await row.waitFor();
    expect(await row.textContent()).toContain("Kernel panic at boot");
    expect(await row.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);

    const levels = page.getByRole("table", { name: "My support levels" });
    const serverLevel = levels.getByRole("row").filter({ hasText: "Server" });
    expect(await serverLevel.textContent()).toContain("Business");

    const serverGroup = page.getByRole("table", { name: "Server" });
    const own = serverGroup.getByRole("row").filter({ hasText: vps.name });
    // Each section loads on its own: wait for a row before reading all of its items.
    await own.getByRole("listitem").first().waitFor();
    expect(await own.getByRole("listitem").allTextContents()).toEqual([
      "Admin",
      "Technical",
      "Billing",
    ]);
    const marketGroup = page.getByRole("table", { name: "Market" });
    const managed = marketGroup.getByRole("row").filter({ hasText: domain.name });
    await managed.getByRole("listitem").first().waitFor();
    expect(await managed.getByRole("listitem").allTextContents()).toEqual(["Technical"]);
    expect(await managed.textContent()).toContain("Domain name");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("compares support levels, upgrades one universe and schedules a downgrade in another", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Compare and change levels" }).click();
    await page.getByRole("heading", { level: 1, name: "Support levels" }).waitFor();
    const server = page.getByRole("table", { name: "Server" });
    expect(await server.locator("th.current").textContent()).toContain("Business");

    const market = page.getByRole("table", { name: "Market" });
    await market.getByRole("button", { name: "Upgrade to Premium" }).click();
    await page
      .getByText("Upgrade to Premium in the Market universe now?", { exact: false })
      .waitFor();
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByText("Market: Premium applies now.").waitFor();
    await market.locator("th.current", { hasText: "Premium" }).waitFor();

    await server.getByRole("button", { name: "Downgrade to Premium" }).click();
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByText(/^Server: Premium from /).waitFor();
    await server.getByRole("button", { name: "Keep Business" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows a service with its contacts, tickets and matrix, and opens a ticket about it", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("link", { name: vps.name }).click();
    await page.getByRole("heading", { level: 1, name: vps.name }).waitFor();
    const contacts = page.getByRole("table", { name: "Contacts" });
    expect(await contacts.getByRole("row").filter({ hasText: "Admin" }).textContent()).toContain(
      "Verrerie Dubois",
    );
    await page
      .getByRole("table", { name: "Tickets about this service" })
      .getByText(ticketNumber)
      .waitFor();
    const matrix = page.getByRole("table", { name: "Responsibility matrix" });
    const hypervisor = matrix.getByRole("row").filter({ hasText: "Hypervisor" });
    expect(await hypervisor.textContent()).toContain("Our responsibility");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Open a ticket about this service" }).click();
    await page.getByRole("heading", { level: 1, name: "Open a ticket" }).waitFor();
    expect(await page.getByLabel("Service", { exact: true }).inputValue()).toBe(vps.name);
  });

  it("opens a deep link through the server's fallback, and says when a page does not exist", async () => {
    const { page } = browser;
    await page.goto(`${app.url}/no/such/page`);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await page.getByRole("link", { name: "Back to the dashboard" }).click();
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
  });

  it("signs out", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  });
});
