import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workers } from "../../src/jobs/worker.ts";
import { en } from "../../ui/src/i18n/en.ts";
import { fr } from "../../ui/src/i18n/fr.ts";
import { tokensOf } from "../contact-changes/helpers.ts";
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
import { get, postOk, subscribe } from "../helpers/ticket-factories.ts";
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

// The issue's end-to-end flows, each screen driven in the browser, in English and in French:
// a customer opens a ticket on a service, the agent finds it in its queue and answers, the
// customer rates the answer; a partner opens a Fast-Path ticket for a client's service; a
// contact change is requested on the service page and accepted by both sides.

const skip = skipWithoutBrowser();

let ctx: TestContext;
let app: RunningApp;
let admin: TestStaff;
// The dispatcher turns committed outbox rows into live events: pages hear of each other.
let workers: Workers | undefined;

beforeAll(async () => {
  if (skip) return;
  requireBrowser();
  ctx = await testContext();
  admin = await createStaff(ctx.db, { role: "admin" });
  app = await serveManager();
  workers = await startTestWorkers(ctx);
});

afterAll(async () => {
  await workers?.stop();
  await app?.close();
});

async function userIn(lang: "en" | "fr", options: Parameters<typeof createAccount>[1] = {}) {
  const user = await createUser(ctx.db, await createAccount(ctx.db, options));
  await ctx.db.updateTable("users").set({ language: lang }).where("id", "=", user.id).execute();
  return user;
}

const numberIn = (url: string) => decodeURIComponent(url.split("/").pop() ?? "");

describe.skipIf(skip).each([
  ["en", en],
  ["fr", fr],
] as const)("support from end to end (%s)", (lang, T) => {
  let customer: TestUser;
  let vps: TestService;
  let agent: TestStaff;
  let customerBrowser: Browser;
  let agentBrowser: Browser;
  let number: string;
  const subject = `Website down ${lang} ${Date.now()}`;
  const answer = `Restarted php-fpm on your ${lang} server; the site answers again.`;

  beforeAll(async () => {
    customer = await userIn(lang, { name: `Librairie ${lang}` });
    vps = await createService(ctx.db, { admin: customer.account });
    await subscribe(ctx.db, customer.account, "server", "business");
    agent = await createStaff(ctx.db, { tier: "L2", universes: ["server"] });
    await ctx.db
      .updateTable("staff")
      .set({ languages: ["en", "fr"] })
      .where("id", "=", agent.id)
      .execute();
    customerBrowser = await openBrowser();
    agentBrowser = await openBrowser();
    customerBrowser.page.setDefaultTimeout(15_000);
    agentBrowser.page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await customerBrowser?.close();
    await agentBrowser?.close();
  });

  it("lets the customer open a ticket on its service", async () => {
    const { page } = customerBrowser;
    const address = `${app.url}/tickets/new?service=${encodeURIComponent(vps.name)}`;
    await signIn(page, address, customer.email, TEST_PASSWORD);
    await page.getByRole("heading", { level: 1, name: T["new.title"] }).waitFor();
    await page.getByLabel(T["new.area"]).selectOption("hypervisor");
    const intake = page.getByRole("region", { name: T["intake.title"] });
    await intake.getByText(T["level.business"], { exact: false }).first().waitFor();
    await page.getByRole("textbox", { name: T["new.subject"] }).fill(subject);
    await page.getByRole("textbox", { name: T["new.body"] }).fill("Every page answers 502.");
    await page.getByRole("button", { name: T["new.submit"] }).click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    number = numberIn(page.url());
    expect(number).toMatch(/^PAL-\d+$/);
    // Whoever routing picked in this shared database, the ticket goes back to wait in its
    // queue, so the agent finds it there as the issue asks.
    const seen = (await get(ctx, admin, `/tickets/${number}`)).json();
    expect(seen).toMatchObject({ language: lang, staff: { tier: "L2" } });
    if (seen.staff.assignedStaffId) {
      await postOk(ctx, admin, `/tickets/${number}/unassign`, undefined, 200);
    }
  });

  it("lets the agent find it in the right queue and answer it", async () => {
    const { page } = agentBrowser;
    await signIn(page, `${app.url}/`, agent.email, TEST_PASSWORD);
    if (lang === "fr") await page.getByLabel(en["prefs.language"]).first().selectOption("fr");
    await page.getByRole("heading", { level: 1, name: T["desk.queues.title"] }).waitFor();
    await page.getByLabel(T["desk.filter.universe"], { exact: true }).selectOption("server");
    await page.getByLabel(T["desk.filter.tier"], { exact: true }).selectOption("L2");
    await page.getByLabel(T["desk.filter.language"], { exact: true }).selectOption(lang);
    const name = `${T["universe.server"]} · L2 · ${T[`desk.lang.${lang}`]}`;
    await page
      .getByRole("table", { name: T["desk.queues.list"] })
      .getByRole("link", { name })
      .click();
    const queue = page.getByRole("table");
    await queue.getByRole("link", { name: number }).click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();

    await page.getByRole("button", { name: T["desk.assign.take"] }).click();
    await page.getByText(T["desk.assign.heldBy"].replace("{name}", T["desk.assign.me"])).waitFor();
    await page.getByRole("textbox", { name: T["desk.compose.replyLabel"] }).fill(answer);
    await page.getByRole("button", { name: T["desk.compose.send"], exact: true }).click();
    await page.getByText(T["desk.compose.replySent"]).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the customer the answer without reloading, and takes its rating", async () => {
    const { page } = customerBrowser;
    const thread = page.getByRole("region", { name: T["thread.title"] });
    await thread.getByText(answer).waitFor({ timeout: 20_000 });
    await thread.getByRole("button", { name: T["rating.open"] }).click();
    await thread.getByLabel(T["rating.solved"]).check();
    await thread.getByRole("button", { name: T["rating.submit"] }).click();
    await thread.getByText(T["rating.done.solved"]).waitFor();
    const details = page.getByRole("region", { name: T["ticket.details"] });
    await details.getByText(T["status.solved"]).waitFor();
    const rated = await ctx.db
      .selectFrom("answer_ratings as r")
      .innerJoin("ticket_messages as m", "m.id", "r.message_id")
      .select(["r.rating", "m.author_staff_id"])
      .where("m.body", "=", answer)
      .executeTakeFirstOrThrow();
    expect(rated).toEqual({ rating: "solved", author_staff_id: agent.id });
  });

  it("lets a partner open a Fast-Path ticket for a client's service", async () => {
    const partner = await userIn(lang, { programme: "technical-partner" });
    const client = await createAccount(ctx.db, { name: `Client ${lang}` });
    const managed = await createService(ctx.db, { admin: client, tech: partner.account });
    await ctx.db
      .insertInto("fast_path_subscriptions")
      .values({
        account_id: partner.account.id,
        price_cents: 5000,
        yearly_quota: 6,
        starts_at: new Date("2026-01-01T00:00:00Z"),
        ends_at: null,
      })
      .execute();
    const browser = await openBrowser();
    try {
      const { page } = browser;
      page.setDefaultTimeout(15_000);
      const address = `${app.url}/tickets/new?service=${encodeURIComponent(managed.name)}`;
      await signIn(page, address, partner.email, TEST_PASSWORD);
      await page.getByLabel(T["new.area"]).selectOption("hypervisor");
      await page.getByRole("checkbox", { name: T["fastPath.option"] }).check();
      const intake = page.getByRole("region", { name: T["intake.title"] });
      await intake.getByText(T["fastPath.granted"]).waitFor();
      const title = `Client down ${lang}`;
      await page.getByRole("textbox", { name: T["new.subject"] }).fill(title);
      await page.getByRole("textbox", { name: T["new.body"] }).fill("Kernel panic at boot.");
      await page.getByRole("button", { name: T["new.submit"] }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      const opened = (await get(ctx, admin, `/tickets/${numberIn(page.url())}`)).json();
      expect(opened).toMatchObject({ fastPath: true, staff: { tier: "L3" } });
      expect(opened.entitlement).toMatchObject({
        reasonCode: "fast-path",
        firstResponseMinutes: 30,
      });
    } finally {
      await browser.close();
    }
  });

  it("hands a role over from the service page, accepted by both sides", async () => {
    const partner = await userIn(lang, { programme: "technical-partner" });
    const { page } = customerBrowser;
    await page.goto(`${app.url}/services/${vps.name}`);
    const form = page.getByRole("form", { name: T["cc.request"] });
    await form.getByLabel(T["contact.role"]).selectOption("tech");
    // An unknown account is refused under the field it names.
    await form.getByLabel(T["cc.to"]).fill("zz99999-pal");
    await form.getByRole("button", { name: T["cc.submit"] }).click();
    const nic = form.getByLabel(T["cc.to"]);
    await expect.poll(() => nic.getAttribute("aria-invalid")).toBe("true");
    await nic.fill(partner.account.nic);
    await form.getByRole("button", { name: T["cc.submit"] }).click();
    await form.getByRole("status").waitFor();
    const list = page.getByRole("table", { name: T["cc.list"] });
    const link = list.getByRole("link", { name: T["role.tech"] });
    await link.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const id = ((await link.getAttribute("href")) ?? "").split("/").pop() ?? "";
    const tokens = await tokensOf(ctx, id);

    await page.goto(`${app.url}/contact-changes/${id}?token=${encodeURIComponent(tokens.giving)}`);
    await page.getByRole("button", { name: T["cc.accept"] }).click();
    await page.getByText(T["cc.done.accepted"]).waitFor();

    const browser = await openBrowser();
    try {
      const other = browser.page;
      other.setDefaultTimeout(15_000);
      const address = `${app.url}/contact-changes/${id}?token=${encodeURIComponent(tokens.receiving)}`;
      await signIn(other, address, partner.email, TEST_PASSWORD);
      await other.getByText(T["cc.side.receiving"]).waitFor();
      await other.getByRole("button", { name: T["cc.accept"] }).click();
      await other.getByText(T["cc.state.done"]).waitFor();
    } finally {
      await browser.close();
    }
    const moved = await ctx.db
      .selectFrom("services")
      .select("tech_account_id")
      .where("id", "=", vps.id)
      .executeTakeFirstOrThrow();
    expect(moved.tech_account_id).toBe(partner.account.id);
  });
});
