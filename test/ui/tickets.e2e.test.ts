import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workers } from "../../src/jobs/worker.ts";
import { en } from "../../ui/src/i18n/en.ts";
import { fr } from "../../ui/src/i18n/fr.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  TEST_PASSWORD,
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { postOk, subscribe } from "../helpers/ticket-factories.ts";
import { startTestWorkers } from "../jobs/helpers.ts";
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
let agent: TestStaff;
// The dispatcher turns committed outbox rows into live events: the page hears of the answer.
let workers: Workers | undefined;

beforeAll(async () => {
  if (skip) return;
  requireBrowser();
  ctx = await testContext();
  agent = await createStaff(ctx.db, { universes: ["server"] });
  app = await serveManager();
  workers = await startTestWorkers(ctx);
});

afterAll(async () => {
  await workers?.stop();
  await app?.close();
});

// The same flow in English and in French, with the texts taken from the Manager's catalogues.
describe.skipIf(skip).each([
  ["en", en],
  ["fr", fr],
] as const)("opening and following a ticket in the Manager (%s)", (lang, T) => {
  let browser: Browser;
  let customer: TestUser;
  let vps: TestService;
  let number: string;
  const subject = `SSH ${lang} ${Date.now()}`;

  beforeAll(async () => {
    const account = await createAccount(ctx.db, { name: `Brasserie Nord ${lang}` });
    customer = await createUser(ctx.db, account);
    await ctx.db
      .updateTable("users")
      .set({ language: lang })
      .where("id", "=", customer.id)
      .execute();
    vps = await createService(ctx.db, { admin: account });
    await subscribe(ctx.db, account, "server", "business");
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the perimeter and the first-response time before anything is sent", async () => {
    const { page } = browser;
    await signIn(page, `${app.url}/tickets/new`, customer.email, TEST_PASSWORD);
    await page.getByRole("heading", { level: 1, name: T["new.title"] }).waitFor();
    await page.getByLabel(T["new.service"], { exact: true }).selectOption(vps.name);
    await page.getByLabel(T["new.area"]).selectOption("operating-system");
    const intake = page.getByRole("region", { name: T["intake.title"] });
    await intake.getByText(T["intake.outOfPerimeter"]).waitFor();
    expect(await intake.textContent()).toContain(T["level.business"]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the API's complaint under the field it names", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: T["new.submit"] }).click();
    const field = page.getByRole("textbox", { name: T["new.subject"] });
    await page.getByText(T["field.required"]).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.getAttribute("aria-describedby")).toBe("field-subject-error");
  });

  it("opens the ticket and lands on its page, with the thread and the due time", async () => {
    const { page } = browser;
    await page.getByRole("textbox", { name: T["new.subject"] }).fill(subject);
    await page.getByRole("textbox", { name: T["new.body"] }).fill("sshd refuses every key.");
    await page.getByRole("button", { name: T["new.submit"] }).click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    number = decodeURIComponent(page.url().split("/").pop() ?? "");
    expect(number).toMatch(/^PAL-\d+$/);
    const details = page.getByRole("region", { name: T["ticket.details"] });
    expect(await details.textContent()).toContain(T["area.operating-system"]);
    expect(await details.locator("time").first().getAttribute("datetime")).toBeTruthy();
    await page.getByText("sshd refuses every key.").waitFor();
  });

  it("sends a reply, and shows support's answer as it arrives, without reloading", async () => {
    const { page } = browser;
    await page.getByRole("textbox", { name: T["reply.body"] }).fill("A reboot did not help.");
    await page.getByRole("button", { name: T["reply.send"] }).click();
    await page.getByText(T["reply.sent"]).waitFor();
    const thread = page.getByRole("region", { name: T["thread.title"] });
    await thread.getByText("A reboot did not help.").waitFor();

    await postOk(ctx, agent, `/tickets/${number}/messages`, {
      body: `Host key reset on ${number}.`,
      status: "waiting-for-customer",
    });
    await thread.getByText(`Host key reset on ${number}.`).waitFor({ timeout: 20_000 });
    const details = page.getByRole("region", { name: T["ticket.details"] });
    await details.getByText(T["status.waiting-for-customer"]).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("closes the ticket", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: T["ticket.close"] }).click();
    await page.getByRole("button", { name: T["ticket.reopen"] }).waitFor();
    const details = page.getByRole("region", { name: T["ticket.details"] });
    expect(await details.textContent()).toContain(T["status.closed"]);
    expect(await page.getByRole("textbox", { name: T["reply.body"] }).count()).toBe(0);
  });
});
