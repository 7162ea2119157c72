import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workers } from "../../src/jobs/worker.ts";
import { seedCannedAnswers } from "../../src/modules/canned-answers/seed.ts";
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
  type TestUser,
} from "../helpers/factories.ts";
import { get, type Json, openIncident, postOk, subscribe } from "../helpers/ticket-factories.ts";
import { startTestWorkers } from "../jobs/helpers.ts";
import { seriousViolations } from "./axe.ts";
import {
  type Browser,
  isFocused,
  openBrowser,
  requireBrowser,
  signIn,
  skipWithoutBrowser,
} from "./browser.ts";
import { type RunningApp, serveManager } from "./server.ts";

const skip = skipWithoutBrowser();

let ctx: TestContext;
let app: RunningApp;
let admin: TestStaff;
// The dispatcher turns committed outbox rows into live events: the workspace hears of replies.
let workers: Workers | undefined;

beforeAll(async () => {
  if (skip) return;
  requireBrowser();
  ctx = await testContext();
  await seedCannedAnswers(ctx.db);
  admin = await createStaff(ctx.db, { role: "admin" });
  app = await serveManager();
  workers = await startTestWorkers(ctx);
});

afterAll(async () => {
  await workers?.stop();
  await app?.close();
});

// An agent's day on one customer ticket, in English and in French (texts from the catalogues).
describe.skipIf(skip).each([
  ["en", en],
  ["fr", fr],
] as const)("the support desk (%s)", (lang, T) => {
  let browser: Browser;
  let customer: TestUser;
  let agent: TestStaff;
  let ticket: Json;
  let another: Json;
  let vps: Awaited<ReturnType<typeof createService>>;
  const subject = `Disk full ${lang} ${Date.now()}`;
  const answer = `Purged the old logs on the ${lang} server.`;
  const note = `Internal: customer keeps 90 days of logs (${lang}).`;
  const summary = `Needs an L2 look at the ${lang} filesystem quotas.`;
  const withFile = `The ${lang} cleanup report is attached.`;
  const report = `cleanup-${lang}.txt`;
  const noteWithFile = `Internal: raw ${lang} inode dump attached.`;
  const dump = `inodes-${lang}.csv`;

  beforeAll(async () => {
    const account = await createAccount(ctx.db, { name: `Fromagerie ${lang}` });
    customer = await createUser(ctx.db, account);
    vps = await createService(ctx.db, { admin: account });
    await subscribe(ctx.db, account, "server", "business");
    const opened = await openIncident(ctx, customer, vps, { subject });
    ticket = await waiting(opened.number);
    agent = await createStaff(ctx.db, { tier: ticket.staff.tier, universes: ["server"] });
    browser = await openBrowser();
    browser.page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Whoever routing picked in this shared database, the ticket goes back to wait in its queue. */
  async function waiting(number: string): Promise<Json> {
    const seen = (await get(ctx, admin, `/tickets/${number}`)).json();
    if (seen.staff.assignedStaffId) {
      await postOk(ctx, admin, `/tickets/${number}/unassign`, undefined, 200);
    }
    return (await get(ctx, admin, `/tickets/${number}`)).json();
  }

  it("finds the ticket in its queue, with its count and the keys on screen", async () => {
    const { page } = browser;
    await signIn(page, `${app.url}/`, agent.email, TEST_PASSWORD);
    // Staff have no language of their own: the Manager's switch (kept in the browser) sets it.
    if (lang === "fr") await page.getByLabel(en["prefs.language"]).first().selectOption("fr");
    await page.getByRole("heading", { level: 1, name: T["desk.queues.title"] }).waitFor();
    const nav = page.getByRole("navigation", { name: T["nav.label"] });
    await nav.getByRole("link", { name: T["desk.nav.mine"] }).waitFor();
    await page.getByLabel(T["desk.filter.universe"], { exact: true }).selectOption("server");
    await page.getByLabel(T["desk.filter.tier"], { exact: true }).selectOption(ticket.staff.tier);
    await page.getByLabel(T["desk.filter.language"], { exact: true }).selectOption("en");
    const name = `${T["universe.server"]} · ${ticket.staff.tier} · ${T["desk.lang.en"]}`;
    const queues = page.getByRole("table", { name: T["desk.queues.list"] });
    const row = queues.getByRole("row").filter({ hasText: name });
    expect(await row.count()).toBe(1);
    const count = async () => Number(await row.getByRole("cell").nth(1).textContent());
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    // Another ticket in the same queue: the count follows without reloading the page.
    // On the operating system: the customer's side of the VPS matrix.
    another = await openIncident(ctx, customer, vps, {
      subject: `${subject} (2)`,
      area: "operating-system",
    });
    await waiting(another.number);
    // On the PostgreSQL shared with other test files the queue also moves with their tickets,
    // so the count is compared with the API's, read at the same moment, until they agree.
    const apiCount = async () => {
      const items = (await get(ctx, agent, "/queues")).json().items as Json[];
      const queue = items.find(
        (q) => q.universe === "server" && q.tier === ticket.staff.tier && q.language === "en",
      );
      return Number(queue?.unassigned ?? 0);
    };
    expect(await apiCount()).toBeGreaterThanOrEqual(1);
    await expect
      .poll(async () => (await count()) === (await apiCount()), {
        timeout: 30_000,
      })
      .toBe(true);

    await row.getByRole("link", { name }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(T["desk.lang.en"]) }).waitFor();
    await page.getByText(T["desk.keys.next"], { exact: false }).waitFor();
    const list = page.getByRole("table");
    await list.getByRole("link", { name: ticket.number }).waitFor();
    // The countdown says its risk in words, not only in colour.
    const line = list.getByRole("row").filter({ hasText: ticket.number });
    const risks = ["ok", "risk", "breached", "paused"].map((r) => T[`desk.risk.${r}` as never]);
    const text = (await line.textContent()) ?? "";
    expect(risks.filter((label) => text.includes(label))).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("opens it with the keyboard", async () => {
    const { page } = browser;
    await page.getByLabel(T["desk.filter.words"]).fill(ticket.number);
    await page.getByRole("heading", { level: 1 }).focus();
    await page.keyboard.press("j");
    const link = page.getByRole("table").getByRole("link", { name: ticket.number });
    await expect.poll(() => isFocused(link)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    await page.getByText(T["desk.keys.escalate"], { exact: false }).first().waitFor();
  });

  it("takes it, answers publicly with a canned answer, and adds an internal note", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: T["desk.assign.take"] }).click();
    await page.getByText(T["desk.assign.heldBy"].replace("{name}", T["desk.assign.me"])).waitFor();

    await page.getByRole("heading", { level: 1 }).focus();
    await page.keyboard.press("r");
    const reply = page.getByRole("textbox", { name: T["desk.compose.replyLabel"] });
    await expect.poll(() => isFocused(reply)).toBe(true);
    const canned = page.getByLabel(T["desk.canned.label"]);
    await canned.selectOption({ label: "Acknowledge and investigate" });
    await page.getByRole("button", { name: T["desk.canned.insert"] }).click();
    expect(await reply.inputValue()).toContain("We are looking into it now");
    await reply.fill(`${await reply.inputValue()}\n${answer}`);
    await page.getByRole("button", { name: T["desk.compose.send"], exact: true }).click();
    await page.getByText(T["desk.compose.replySent"]).waitFor();
    const thread = page.getByRole("region", { name: T["thread.title"] });
    const publicAnswer = thread.getByRole("article").filter({ hasText: answer });
    await publicAnswer.waitFor();
    expect(await publicAnswer.textContent()).toContain(T["desk.thread.public"]);

    await page.getByRole("heading", { level: 1 }).focus();
    await page.keyboard.press("n");
    const noteBox = page.getByRole("textbox", { name: T["desk.compose.noteLabel"] });
    await expect.poll(() => isFocused(noteBox)).toBe(true);
    await noteBox.fill(note);
    await page.getByRole("button", { name: T["desk.compose.addNote"] }).click();
    await page.getByText(T["desk.compose.noteAdded"]).waitFor();
    // The note's article is named by its header, which starts with the words "internal note".
    const noteArticle = thread.getByRole("article", { name: new RegExp(T["desk.thread.note"]) });
    await noteArticle.filter({ hasText: note }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("answers with an attachment, a refused type shown under the field first", async () => {
    const { page } = browser;
    await page.getByRole("heading", { level: 1 }).focus();
    await page.keyboard.press("r");
    const reply = page.getByRole("textbox", { name: T["desk.compose.replyLabel"] });
    await expect.poll(() => isFocused(reply)).toBe(true);
    const files = page.getByLabel(T["files.label"]);
    // Who will see the files is said with the limits, and follows the mode.
    expect(await page.locator("#field-composer-attachments-hint").textContent()).toContain(
      T["desk.compose.filesReply"],
    );
    // A type outside the allow-list: the API's refusal shows under the field.
    await files.setInputFiles({
      name: "tool.exe",
      mimeType: "application/x-msdownload",
      buffer: Buffer.from("MZ"),
    });
    const error = page.locator("#field-composer-attachments-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("tool.exe");
    expect(await files.getAttribute("aria-invalid")).toBe("true");
    expect(await files.getAttribute("aria-describedby")).toContain(
      "field-composer-attachments-error",
    );
    // Over 10 MB: refused before uploading, with the file's name.
    await files.setInputFiles({
      name: "core.gz",
      mimeType: "application/gzip",
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
    });
    await expect
      .poll(() => error.textContent())
      .toBe(T["files.tooBig"].replace("{name}", "core.gz"));

    await files.setInputFiles({
      name: report,
      mimeType: "text/plain",
      buffer: Buffer.from(`removed 4.2 GB of logs (${lang})\n`),
    });
    const list = page.getByRole("list", { name: T["files.list"] });
    await list.getByText(report, { exact: true }).waitFor();
    expect(await error.count()).toBe(0);
    await reply.fill(withFile);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: T["desk.compose.send"], exact: true }).click();
    await page.getByText(T["desk.compose.replySent"]).waitFor();
    expect(await list.count()).toBe(0);
    const thread = page.getByRole("region", { name: T["thread.title"] });
    const answered = thread.getByRole("article").filter({ hasText: withFile });
    await answered.getByRole("link", { name: report }).waitFor();
    expect(await answered.textContent()).toContain(T["desk.thread.public"]);

    // A note carries files too; they stay staff-only, like the note.
    await page.getByRole("heading", { level: 1 }).focus();
    await page.keyboard.press("n");
    const noteBox = page.getByRole("textbox", { name: T["desk.compose.noteLabel"] });
    await expect.poll(() => isFocused(noteBox)).toBe(true);
    expect(await page.locator("#field-composer-attachments-hint").textContent()).toContain(
      T["desk.compose.filesNote"],
    );
    await files.setInputFiles({
      name: dump,
      mimeType: "text/csv",
      buffer: Buffer.from("mount,inodes\n/var,99%\n"),
    });
    await list.getByText(dump, { exact: true }).waitFor();
    await noteBox.fill(noteWithFile);
    await page.getByRole("button", { name: T["desk.compose.addNote"] }).click();
    await page.getByText(T["desk.compose.noteAdded"]).waitFor();
    const noted = thread.getByRole("article", { name: new RegExp(T["desk.thread.note"]) });
    await noted.filter({ hasText: noteWithFile }).getByRole("link", { name: dump }).waitFor();
  });

  it("escalates only with a summary", async () => {
    const { page } = browser;
    await page.getByRole("heading", { level: 1 }).focus();
    await page.keyboard.press("e");
    const field = page.getByRole("textbox", { name: T["desk.escalate.summary"] });
    await expect.poll(() => isFocused(field)).toBe(true);
    await page.getByRole("button", { name: T["desk.escalate.submit"] }).click();
    await page.getByText(T["field.required"]).waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await field.fill(summary);
    await page.getByRole("button", { name: T["desk.escalate.submit"] }).click();
    await page.getByText(T["desk.escalate.done"]).waitFor();
    const thread = page.getByRole("region", { name: T["thread.title"] });
    await thread.getByText(summary, { exact: false }).waitFor();
  });

  it("shows the customer the answer, never the note nor the escalation summary", async () => {
    const res = await get(ctx, customer, `/tickets/${ticket.number}/messages?limit=100`);
    expect(res.statusCode).toBe(200);
    const bodies = (res.json().items as Json[]).map((m) => m.body as string).join("\n");
    expect(bodies).toContain(answer);
    expect(bodies).not.toContain(note);
    expect(bodies).not.toContain(summary);
    expect(res.json().items.some((m: Json) => m.kind === "internal")).toBe(false);
  });

  it("lists the answer's attachment in the customer's view, never the note's", async () => {
    const res = await get(ctx, customer, `/tickets/${ticket.number}/messages?limit=100`);
    const items = res.json().items as Json[];
    const answered = items.find((m) => m.body === withFile);
    expect(answered).toMatchObject({
      kind: "agent",
      attachments: [expect.objectContaining({ filename: report, contentType: "text/plain" })],
    });
    const names = items.flatMap((m) => (m.attachments as Json[]).map((f) => f.filename));
    expect(names).not.toContain(dump);
    const file = await get(
      ctx,
      customer,
      `/tickets/${ticket.number}/attachments/${answered.attachments[0].id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe(`removed 4.2 GB of logs (${lang})\n`);
    // Staff see the note's file; the customer cannot fetch it even knowing its id.
    const staffView = (await get(ctx, agent, `/tickets/${ticket.number}/messages?limit=100`)).json()
      .items as Json[];
    const note = staffView.find((m) => m.body === noteWithFile);
    expect(note?.kind).toBe("internal");
    const noteFile = note.attachments[0];
    expect(noteFile.filename).toBe(dump);
    const refused = await get(
      ctx,
      customer,
      `/tickets/${ticket.number}/attachments/${noteFile.id}`,
    );
    expect(refused.statusCode).toBe(404);
  });

  it("shows the customer's reply in the workspace as it arrives, with the context panel", async () => {
    const { page } = browser;
    await postOk(ctx, customer, `/tickets/${ticket.number}/messages`, {
      body: `Thanks, ${lang} disk is fine now.`,
    });
    const thread = page.getByRole("region", { name: T["thread.title"] });
    await thread.getByText(`Thanks, ${lang} disk is fine now.`).waitFor({ timeout: 20_000 });
    const context = page.getByRole("complementary", { name: T["desk.ctx.label"] });
    await context.getByText(`Fromagerie ${lang}`).waitFor();
    expect(await context.textContent()).toContain(T["level.business"]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("reaches the account's other ticket from the context and sends the out-of-perimeter answer", async () => {
    const { page } = browser;
    const context = page.getByRole("complementary", { name: T["desk.ctx.label"] });
    await context.getByRole("link", { name: another.number }).click();
    await page.getByRole("heading", { level: 1, name: `${subject} (2)` }).waitFor();
    await page.getByRole("button", { name: T["desk.oop.send"] }).click();
    const thread = page.getByRole("region", { name: T["thread.title"] });
    const sent = thread.getByRole("article", { name: new RegExp(T["desk.thread.public"]) });
    await sent.first().waitFor();
    const details = page.getByRole("region", { name: T["ticket.details"] });
    await details.getByText(T["desk.fact.outOfPerimeter"]).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
