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
import { subscribe } from "../helpers/ticket-factories.ts";
import { type Browser, browserUnavailable, openBrowser, signIn } from "./browser.ts";
import { type RunningApp, serveManager } from "./server.ts";

const unavailable = browserUnavailable();
const skip = unavailable !== null && !process.env.CI;
if (skip) console.warn(unavailable);

describe.skipIf(skip)("opening and following a ticket in the Manager", () => {
  let app: RunningApp;
  let browser: Browser;
  let customer: TestUser;
  let vps: TestService;
  const subject = `Cannot log in over SSH ${Date.now()}`;

  beforeAll(async () => {
    if (unavailable) throw new Error(unavailable);
    const { db } = await testContext();
    const account = await createAccount(db, { name: "Brasserie Nord" });
    customer = await createUser(db, account);
    vps = await createService(db, { admin: account });
    await subscribe(db, account, "server", "business");
    app = await serveManager();
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the perimeter and the first-response time before anything is sent", async () => {
    const { page } = browser;
    await signIn(page, `${app.url}/tickets/new`, customer.email, TEST_PASSWORD);
    await page.getByRole("heading", { level: 1, name: "Open a ticket" }).waitFor();
    await page.getByLabel("Service", { exact: true }).selectOption(vps.name);
    await page.getByLabel("Which part of the service?").selectOption("operating-system");
    const intake = page.getByRole("region", { name: "Before you send" });
    await intake.getByText("This is outside our perimeter", { exact: false }).waitFor();
    expect(await intake.textContent()).toMatch(/First answer within .+ \(Business level/);
  });

  it("shows the API's complaint under the field it names", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Open the ticket" }).click();
    const field = page.getByRole("textbox", { name: "Subject" });
    await page.getByText("This field is required.").waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.getAttribute("aria-describedby")).toBe("field-subject-error");
  });

  it("opens the ticket and lands on its page, with the thread and the due time", async () => {
    const { page } = browser;
    await page.getByRole("textbox", { name: "Subject" }).fill(subject);
    await page
      .getByRole("textbox", { name: "Description" })
      .fill("Since the kernel update, sshd refuses every key.");
    await page.getByRole("button", { name: "Open the ticket" }).click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    expect(page.url()).toMatch(/\/tickets\/PAL-\d+$/);
    const details = page.getByRole("region", { name: "Details" });
    expect(await details.textContent()).toContain("Operating system");
    expect(await details.locator("time").first().getAttribute("datetime")).toBeTruthy();
    await page.getByText("Since the kernel update, sshd refuses every key.").waitFor();
  });

  it("sends a reply into the thread, then closes the ticket", async () => {
    const { page } = browser;
    await page.getByRole("textbox", { name: "Your message" }).fill("A reboot fixed it.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Your message was sent.").waitFor();
    const thread = page.getByRole("region", { name: "Conversation" });
    await thread.getByText("A reboot fixed it.").waitFor();

    await page.getByRole("button", { name: "Close the ticket" }).click();
    await page.getByRole("button", { name: "Reopen the ticket" }).waitFor();
    expect(await page.getByRole("region", { name: "Details" }).textContent()).toContain("Closed");
    expect(await page.getByRole("textbox", { name: "Your message" }).count()).toBe(0);
  });
});
