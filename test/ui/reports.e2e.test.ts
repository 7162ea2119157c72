import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../ui/src/i18n/en.ts";
import { fr } from "../../ui/src/i18n/fr.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  TEST_PASSWORD,
  type TestStaff,
} from "../helpers/factories.ts";
import { type Json, openIncident, postOk, subscribe } from "../helpers/ticket-factories.ts";
import { seriousViolations } from "./axe.ts";
import {
  type Browser,
  openBrowser,
  requireBrowser,
  signIn,
  skipWithoutBrowser,
} from "./browser.ts";
import { type RunningApp, serveManager } from "./server.ts";

const skip = skipWithoutBrowser();

let ctx: TestContext;
let app: RunningApp;
let lead: TestStaff;
let answered: Json;

beforeAll(async () => {
  if (skip) return;
  requireBrowser();
  ctx = await testContext();
  lead = await createStaff(ctx.db, { role: "lead" });
  const agent = await createStaff(ctx.db, { universes: ["server"] });
  const account = await createAccount(ctx.db, { name: "Reports Brewery" });
  const customer = await createUser(ctx.db, account);
  const service = await createService(ctx.db, { admin: account });
  await subscribe(ctx.db, account, "server", "business");
  // Two tickets created in the period, one of them answered: figures for both charts.
  answered = await openIncident(ctx, customer, service, { subject: "Reports: answered" });
  await openIncident(ctx, customer, service, { subject: "Reports: waiting" });
  await postOk(ctx, agent, `/tickets/${answered.number}/messages`, {
    body: "Looking into it.",
    status: "waiting-for-customer",
  });
  app = await serveManager();
});

afterAll(async () => {
  await app?.close();
});

describe.skipIf(skip).each([
  ["en", en],
  ["fr", fr],
] as const)("the reports page (%s)", (lang, T) => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("charts SLA compliance and response times for the tickets created here", async () => {
    const { page } = browser;
    await signIn(page, `${app.url}/reports`, lead.email, TEST_PASSWORD);
    if (lang !== "en") await page.getByLabel(en["prefs.language"]).selectOption(lang);
    await page.getByRole("heading", { level: 1, name: T["report.title"] }).waitFor();

    const group = `${T["universe.server"]} · ${T["level.business"]}`;
    const compliance = page.getByRole("figure", { name: T["report.complianceChart"] });
    const svg = compliance.getByRole("img", { name: T["report.complianceChart"] });
    await svg.waitFor();
    const row = `${group} · ${T[`severity.${answered.severity as "high"}`]}`;
    expect(await svg.textContent()).toContain(row);
    expect(await svg.locator("rect.bar").count()).toBeGreaterThan(0);
    // The same figures as a table, behind a keyboard-reachable disclosure.
    await compliance.getByText(T["chart.showData"]).click();
    const table = compliance.getByRole("table", { name: T["report.complianceChart"] });
    await table.getByRole("rowheader", { name: row }).waitFor();

    const firstResponse = page.getByRole("figure", { name: T["report.firstResponse"] });
    expect(await firstResponse.getByRole("img").textContent()).toContain(group);
    expect(await firstResponse.textContent()).not.toContain(T["report.nothingMeasured"]);
    const resolution = page.getByRole("figure", { name: T["report.resolution"] });
    expect(await resolution.textContent()).toContain(group);

    const backlog = page.getByRole("region", { name: T["report.backlog"] });
    await backlog.getByRole("figure", { name: T["report.backlogChart"] }).waitFor();
    await page.getByRole("region", { name: T["report.fastPath"] }).waitFor();
    await page.getByRole("region", { name: T["report.ratings"] }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("links each report to its CSV export for the chosen period", async () => {
    const { page } = browser;
    await page.getByLabel(T["report.period"]).selectOption("7");
    const link = page.getByRole("link", {
      name: T["report.csv"].replace("{report}", T["report.compliance"]),
    });
    const href = (await link.getAttribute("href")) ?? "";
    const query = new URL(href, app.url).searchParams;
    expect(query.get("format")).toBe("csv");
    const days =
      (new Date(query.get("to") ?? "").getTime() - new Date(query.get("from") ?? "").getTime()) /
      86_400_000;
    expect(days).toBe(7);
    // The link works with the session cookie alone, as a click would.
    const answer = await page.context().request.get(new URL(href, app.url).toString());
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("text/csv");
    expect(await answer.text()).toContain(answered.severity);
  });

  it("takes chosen dates, with the API's complaint about them under the date it names", async () => {
    const { page } = browser;
    await page.getByLabel(T["report.period"]).selectOption("custom");
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel(T["report.from"], { exact: true }).fill(today);
    await page.getByLabel(T["report.to"], { exact: true }).fill("2025-01-01");
    await page.getByRole("button", { name: T["report.apply"] }).click();
    await page.locator("#field-from-error").waitFor();
    const from = page.getByLabel(T["report.from"], { exact: true });
    expect(await from.getAttribute("aria-describedby")).toBe("field-from-error");

    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await from.fill(weekAgo);
    await page.getByLabel(T["report.to"], { exact: true }).fill(today);
    await page.getByRole("button", { name: T["report.apply"] }).click();
    await page.locator("#field-from-error").waitFor({ state: "detached" });
    const link = page.getByRole("link", {
      name: T["report.csv"].replace("{report}", T["report.compliance"]),
    });
    const query = new URL((await link.getAttribute("href")) ?? "", app.url).searchParams;
    // Midnight to midnight in the browser's zone (Europe/Paris), both days included.
    const span =
      new Date(query.get("to") ?? "").getTime() - new Date(query.get("from") ?? "").getTime();
    expect(span).toBe(8 * 86_400_000);
    expect(new Date(query.get("from") ?? "").toISOString()).toMatch(/T2[23]:00:00\.000Z$/);
    const compliance = page.getByRole("figure", { name: T["report.complianceChart"] });
    const group = `${T["universe.server"]} · ${T["level.business"]}`;
    expect(await compliance.getByRole("img").textContent()).toContain(group);
  });
});
