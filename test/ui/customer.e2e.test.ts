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
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { postOk, subscribe } from "../helpers/ticket-factories.ts";
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

beforeAll(async () => {
  if (skip) return;
  requireBrowser();
  ctx = await testContext();
  agent = await createStaff(ctx.db, { universes: ["server"] });
  app = await serveManager();
});

afterAll(async () => {
  await app?.close();
});

/** A customer of the language with one VPS on the Business level. */
async function customerIn(lang: "en" | "fr"): Promise<{ user: TestUser; vps: TestService }> {
  const account = await createAccount(ctx.db, { language: lang, name: `Atelier ${lang}` });
  const user = await createUser(ctx.db, account);
  await ctx.db.updateTable("users").set({ language: lang }).where("id", "=", user.id).execute();
  await subscribe(ctx.db, account, "server", "business");
  return { user, vps: await createService(ctx.db, { admin: account }) };
}

/** A ticket of the customer, already answered by support; returns its number. */
async function answeredTicket(user: TestUser, vps: TestService, words: string): Promise<string> {
  const ticket = await postOk(ctx, user, "/tickets", {
    category: "incident",
    service: vps.name,
    area: "hypervisor",
    impact: "medium",
    urgency: "medium",
    subject: `Disk ${words}`,
    body: `The disk of ${vps.name} is slow.`,
  });
  await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
    body: `Answer ${words}: the disk was moved.`,
  });
  return ticket.number;
}

// The rating flow in English and in French, with the texts taken from the catalogues.
describe.skipIf(skip).each([
  ["en", en],
  ["fr", fr],
] as const)("rating support's answers (%s)", (lang, T) => {
  let browser: Browser;
  let user: TestUser;
  let solved: string;
  let missed: string;

  beforeAll(async () => {
    const customer = await customerIn(lang);
    user = customer.user;
    solved = await answeredTicket(user, customer.vps, `${lang}-one`);
    missed = await answeredTicket(user, customer.vps, `${lang}-two`);
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("rates an answer as solving the problem: the answer shows it and the ticket is solved", async () => {
    const { page } = browser;
    await signIn(page, `${app.url}/tickets/${solved}`, user.email, TEST_PASSWORD);
    const thread = page.getByRole("region", { name: T["thread.title"] });
    await thread.getByText(`Answer ${lang}-one: the disk was moved.`).waitFor();
    await thread.getByRole("button", { name: T["rating.open"] }).click();
    // Opening the form moves focus to its first choice.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe("solved");
    await thread.getByLabel(T["rating.solved"]).check();
    await thread.getByRole("button", { name: T["rating.submit"] }).click();
    await thread.getByText(T["rating.done.solved"]).waitFor();
    await page.getByRole("status").getByText(T["rating.thanks"]).waitFor();
    const details = page.getByRole("region", { name: T["ticket.details"] });
    await details.getByText(T["status.solved"]).waitFor();
    expect(await thread.getByRole("button", { name: T["rating.open"] }).count()).toBe(0);
  });

  it("rates another answer as not answering, with a comment: the ticket is reopened", async () => {
    const { page } = browser;
    await page.goto(`${app.url}/tickets/${missed}`);
    const thread = page.getByRole("region", { name: T["thread.title"] });
    await thread.getByRole("button", { name: T["rating.open"] }).click();
    // Nothing chosen: the form says so under the question instead of calling the API.
    await thread.getByRole("button", { name: T["rating.submit"] }).click();
    await thread.getByText(T["rating.pick"]).waitFor();
    await thread.getByLabel(T["rating.not-answered"]).check();
    await thread.getByText(T["rating.notAnsweredHint"]).waitFor();
    await thread.getByLabel(T["rating.comment"]).fill(`Why did it happen? (${lang})`);
    expect(await seriousViolations(page)).toEqual([]);
    await thread.getByRole("button", { name: T["rating.submit"] }).click();
    await thread.getByText(T["rating.done.not-answered"]).waitFor();
    await thread.getByText(`Why did it happen? (${lang})`).waitFor();
    const details = page.getByRole("region", { name: T["ticket.details"] });
    await details.getByText(T["status.waiting-for-provider"]).waitFor();

    const row = await ctx.db
      .selectFrom("tickets")
      .select(["reopened_count", "status"])
      .where("number", "=", Number(missed.replace("PAL-", "")))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ reopened_count: 1, status: "waiting-for-provider" });
    // After a reload the rating comes from the API's thread.
    await page.reload();
    await thread.getByText(T["rating.done.not-answered"]).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe.skipIf(skip)("attachments", () => {
  let browser: Browser;
  let user: TestUser;
  let vps: TestService;

  beforeAll(async () => {
    ({ user, vps } = await customerIn("en"));
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("uploads a file with a new ticket; it appears in the thread as a download link", async () => {
    const { page } = browser;
    await signIn(page, `${app.url}/tickets/new?service=${vps.name}`, user.email, TEST_PASSWORD);
    await page.getByRole("heading", { level: 1, name: en["new.title"] }).waitFor();
    const files = page.getByLabel(en["files.label"]);
    // A type outside the allow-list: the API's refusal shows under the field.
    await files.setInputFiles({
      name: "setup.exe",
      mimeType: "application/x-msdownload",
      buffer: Buffer.from("MZ"),
    });
    const error = page.locator("#field-attachments-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("setup.exe");
    expect(await files.getAttribute("aria-invalid")).toBe("true");

    await files.setInputFiles({
      name: "dmesg.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("[ 12.3] ata1: link is slow\n"),
    });
    const list = page.getByRole("list", { name: en["files.list"] });
    await list.getByText("dmesg.txt", { exact: true }).waitFor();
    expect(await error.count()).toBe(0);
    await page.getByLabel(en["new.area"]).selectOption("hypervisor");
    await page.getByRole("textbox", { name: en["new.subject"] }).fill("Slow disk, log attached");
    await page.getByRole("textbox", { name: en["new.body"] }).fill("See the kernel log.");
    await page.getByRole("button", { name: en["new.submit"] }).click();
    await page.getByRole("heading", { level: 1, name: "Slow disk, log attached" }).waitFor();
    const thread = page.getByRole("region", { name: en["thread.title"] });
    const link = thread.getByRole("link", { name: "dmesg.txt" });
    await link.waitFor();
    const download = await page.request.get(`${app.url}${await link.getAttribute("href")}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("ata1: link is slow");
  });

  it("attaches a file to a reply", async () => {
    const { page } = browser;
    await page.getByLabel(en["files.label"]).setInputFiles({
      name: "smart.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("attribute,value\nreallocated,12\n"),
    });
    await page
      .getByRole("list", { name: en["files.list"] })
      .getByText("smart.csv", { exact: true })
      .waitFor();
    await page.getByRole("textbox", { name: en["reply.body"] }).fill("SMART values attached.");
    await page.getByRole("button", { name: en["reply.send"] }).click();
    await page.getByText(en["reply.sent"]).waitFor();
    const thread = page.getByRole("region", { name: en["thread.title"] });
    await thread.getByRole("link", { name: "smart.csv" }).waitFor();
    expect(await page.getByRole("list", { name: en["files.list"] }).count()).toBe(0);
  });
});

describe.skipIf(skip)("a technical partner", () => {
  let browser: Browser;
  let partner: TestUser;
  let client: { nic: string };
  let managed: TestService;

  beforeAll(async () => {
    const account = await createAccount(ctx.db, { programme: "technical-partner" });
    partner = await createUser(ctx.db, account);
    const clientAccount = await createAccount(ctx.db, { name: "Boulangerie Client" });
    client = clientAccount;
    managed = await createService(ctx.db, { admin: clientAccount, tech: account });
    // A service the partner is only billed for: listed, but not offered Fast-Path.
    await createService(ctx.db, { admin: clientAccount, billing: account });
    await ctx.db
      .insertInto("fast_path_subscriptions")
      .values({
        account_id: account.id,
        price_cents: 5000,
        yearly_quota: 6,
        starts_at: new Date("2026-01-01T00:00:00Z"),
        ends_at: null,
      })
      .execute();
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const usage = (used: number) => {
    const year = new Date().getUTCFullYear();
    return en["fastPath.usage"]
      .replace("{used}", String(used))
      .replace("{quota}", "6")
      .replace("{year}", String(year));
  };

  it("sees its clients' services by client account, and its Fast-Path use", async () => {
    const { page } = browser;
    await signIn(page, `${app.url}/`, partner.email, TEST_PASSWORD);
    const clients = page.getByRole("region", { name: en["partner.clients"] });
    const group = clients.getByRole("table", {
      name: en["partner.client"].replace("{nic}", client.nic),
    });
    await group.getByRole("link", { name: managed.name }).waitFor();
    const row = group.getByRole("row").filter({ hasText: managed.name });
    expect(await row.textContent()).toContain(en["role.tech"]);
    expect(await group.getByRole("row").count()).toBe(3);
    const fastPath = page.getByRole("region", { name: en["fastPath.title"] });
    await fastPath.getByText(usage(0)).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("opens a Fast-Path ticket for a client's service, and its quota use goes up", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: en["nav.newTicket"] }).first().click();
    await page.getByRole("heading", { level: 1, name: en["new.title"] }).waitFor();
    await page.getByLabel(en["new.service"], { exact: true }).selectOption(managed.name);
    await page.getByLabel(en["new.area"]).selectOption("hypervisor");
    const option = page.getByRole("checkbox", { name: en["fastPath.option"] });
    await option.check();
    const intake = page.getByRole("region", { name: en["intake.title"] });
    await intake.getByText(en["fastPath.granted"]).waitFor();
    await page.getByRole("textbox", { name: en["new.subject"] }).fill("Kernel panic, client down");
    await page.getByRole("textbox", { name: en["new.body"] }).fill("Panics at boot since 3 am.");
    await page.getByRole("button", { name: en["new.submit"] }).click();
    await page.getByRole("heading", { level: 1, name: "Kernel panic, client down" }).waitFor();
    const number = decodeURIComponent(page.url().split("/").pop() ?? "");
    const stored = await ctx.db
      .selectFrom("tickets")
      .select(["fast_path", "account_id"])
      .where("number", "=", Number(number.replace("PAL-", "")))
      .executeTakeFirstOrThrow();
    expect(stored.fast_path).toBe(true);

    await page.getByRole("link", { name: en["nav.dashboard"] }).click();
    const fastPath = page.getByRole("region", { name: en["fastPath.title"] });
    await fastPath.getByText(usage(1)).waitFor();
  });
});

describe.skipIf(skip)("preferences kept on the server", () => {
  it("saves the language and time zone chosen in the header, and applies them at the next sign-in elsewhere", async () => {
    const { user } = await customerIn("en");
    const first = await openBrowser();
    first.page.setDefaultTimeout(10_000);
    try {
      await signIn(first.page, `${app.url}/`, user.email, TEST_PASSWORD);
      await first.page.getByRole("heading", { level: 1, name: en["dashboard.title"] }).waitFor();
      await first.page.getByLabel(en["prefs.timeZone"]).selectOption("Asia/Tokyo");
      await first.page.getByLabel(en["prefs.language"]).selectOption("fr");
      await first.page.getByRole("heading", { level: 1, name: fr["dashboard.title"] }).waitFor();
      await expect
        .poll(async () =>
          ctx.db
            .selectFrom("users")
            .select(["language", "time_zone"])
            .where("id", "=", user.id)
            .executeTakeFirstOrThrow(),
        )
        .toEqual({ language: "fr", time_zone: "Asia/Tokyo" });
    } finally {
      await first.close();
    }
    // Another browser, English and Paris by default: the saved choices win once signed in.
    const second = await openBrowser({ locale: "en-GB", timezoneId: "Europe/Paris" });
    second.page.setDefaultTimeout(10_000);
    try {
      await signIn(second.page, `${app.url}/`, user.email, TEST_PASSWORD);
      await second.page.getByRole("heading", { level: 1, name: fr["dashboard.title"] }).waitFor();
      expect(await second.page.getByLabel(fr["prefs.timeZone"]).inputValue()).toBe("Asia/Tokyo");
      // Remembered locally too, for the signed-out pages of this browser.
      expect(
        await second.page.evaluate(() => [
          localStorage.getItem("palier.language"),
          localStorage.getItem("palier.timeZone"),
        ]),
      ).toEqual(["fr", "Asia/Tokyo"]);
    } finally {
      await second.close();
    }
  });
});
