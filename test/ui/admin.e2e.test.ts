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
  uniqueSuffix,
} from "../helpers/factories.ts";
import { get, type Json, openIncident, ticketRow } from "../helpers/ticket-factories.ts";
import { consumeRows, deliver, outboxRows } from "../mail/helpers.ts";
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
let agent: TestStaff;
let lead: TestStaff;

beforeAll(async () => {
  if (skip) return;
  requireBrowser();
  ctx = await testContext();
  admin = await createStaff(ctx.db, { role: "admin" });
  agent = await createStaff(ctx.db, { role: "agent" });
  lead = await createStaff(ctx.db, { role: "lead" });
  app = await serveManager();
});

afterAll(async () => {
  await app?.close();
});

/** The main navigation's link names, as a signed-in caller sees them. */
async function navLinks(browser: Browser): Promise<string[]> {
  const nav = browser.page.getByRole("navigation", { name: en["nav.label"] });
  await nav.getByRole("link").first().waitFor();
  return nav.getByRole("link").allTextContents();
}

describe.skipIf(skip)("the admin navigation follows the API's policies", () => {
  it("offers an agent neither the reports nor the admin screens", async () => {
    const browser = await openBrowser();
    try {
      await signIn(browser.page, `${app.url}/`, agent.email, TEST_PASSWORD);
      const links = await navLinks(browser);
      expect(links).not.toContain(en["nav.reports"]);
      expect(links).not.toContain(en["nav.offers"]);
      expect(links).not.toContain(en["nav.mailbox"]);
      await browser.page.goto(`${app.url}/admin/offers`);
      await browser.page.getByRole("heading", { level: 1, name: en["notFound.title"] }).waitFor();
    } finally {
      await browser.close();
    }
  });

  it("offers a lead the reports but not the admin screens", async () => {
    const browser = await openBrowser();
    try {
      await signIn(browser.page, `${app.url}/`, lead.email, TEST_PASSWORD);
      const links = await navLinks(browser);
      expect(links).toContain(en["nav.reports"]);
      expect(links).not.toContain(en["nav.staff"]);
      expect(links).not.toContain(en["nav.calendars"]);
    } finally {
      await browser.close();
    }
  });
});

describe.skipIf(skip)("a staff admin's screens", () => {
  let browser: Browser;
  let offer: Json;

  beforeAll(async () => {
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
    const offers = (await get(ctx, admin, "/support/offers?universe=enterprise")).json().items;
    offer = offers.find((o: Json) => o.level === "enterprise");
  });

  afterAll(async () => {
    // The worker's database is shared with other files: put the seeded targets back.
    if (offer) {
      await ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/support/offers/${offer.id}`,
        headers: admin.auth,
        payload: { firstResponseMinutes: offer.firstResponseMinutes },
      });
    }
    await browser?.close();
  });

  it("edits an offer's first-response target, which the API then returns", async () => {
    const { page } = browser;
    await signIn(page, `${app.url}/admin/offers`, admin.email, TEST_PASSWORD);
    await page.getByRole("heading", { level: 1, name: en["offers.title"] }).waitFor();
    expect(await navLinks(browser)).toEqual(
      expect.arrayContaining([en["nav.reports"], en["nav.offers"], en["nav.mailbox"]]),
    );
    const section = page.getByRole("region", { name: en["universe.enterprise"] });
    const level = offer.levelName.en as string;
    await section
      .getByRole("button", { name: en["offers.edit"].replace("{level}", level) })
      .click();
    const targets = section.getByRole("group", { name: en["offers.firstResponseMinutes"] });
    const wanted = offer.firstResponseMinutes.low + 15;
    await targets.getByLabel(en["severity.low"]).fill(String(wanted));
    expect(await seriousViolations(page)).toEqual([]);
    await section.getByRole("button", { name: en["admin.save"] }).click();
    await page
      .getByText(
        en["offers.saved"]
          .replace("{level}", level)
          .replace("{universe}", en["universe.enterprise"]),
      )
      .waitFor();
    const after = (await get(ctx, admin, `/support/offers/${offer.id}`)).json();
    expect(after.firstResponseMinutes.low).toBe(wanted);
    expect(after.firstResponseMinutes.critical).toBe(offer.firstResponseMinutes.critical);
  });

  it("shows the API's complaint about a target under that target's field", async () => {
    const { page } = browser;
    const section = page.getByRole("region", { name: en["universe.enterprise"] });
    const level = offer.levelName.en as string;
    await section
      .getByRole("button", { name: en["offers.edit"].replace("{level}", level) })
      .click();
    const targets = section.getByRole("group", { name: en["offers.firstResponseMinutes"] });
    // A high-severity ticket may not wait longer... than a critical one may: ask for less.
    await targets.getByLabel(en["severity.critical"]).fill("120");
    await targets.getByLabel(en["severity.high"]).fill("60");
    await section.getByRole("button", { name: en["admin.save"] }).click();
    const high = targets.getByLabel(en["severity.high"]);
    await page.locator("#field-firstResponseMinutes-high-error").waitFor();
    expect(await high.getAttribute("aria-invalid")).toBe("true");
    // Focus moves to the field the API named, so its message is read at once.
    await expect.poll(() => isFocused(high)).toBe(true);
    expect(await high.getAttribute("aria-describedby")).toBe(
      "field-firstResponseMinutes-high-error",
    );
    expect(await page.locator("#field-firstResponseMinutes-high-error").textContent()).toContain(
      "critical",
    );
    const after = (await get(ctx, admin, `/support/offers/${offer.id}`)).json();
    expect(after.firstResponseMinutes.high).toBe(offer.firstResponseMinutes.high);
    await section.getByRole("button", { name: en["admin.cancel"] }).click();
  });

  it("adds a business calendar, changes its hours, and shows a bad interval under its day", async () => {
    const { page } = browser;
    const code = `T${uniqueSuffix().replace(/\W/g, "").slice(-8)}`;
    await page.goto(`${app.url}/admin/calendars`);
    await page.getByRole("heading", { level: 1, name: en["calendars.title"] }).waitFor();
    await page.getByRole("button", { name: en["calendars.add"] }).click();
    const form = page.getByRole("form", { name: en["calendars.new"] });
    await form.getByLabel(en["calendars.code"]).fill(code);
    await form.getByLabel(en["calendars.name"]).fill(`Test ${code}`);
    await form.getByLabel(en["calendars.timeZone"]).fill("Europe/Paris");
    await form.getByLabel(en["weekday.mon"]).fill("09:00-18:00");
    await form.getByLabel(en["calendars.holidays"]).fill("2026-12-25");
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole("button", { name: en["admin.save"] }).click();
    await page.getByText(en["calendars.saved"].replace("{name}", `Test ${code}`)).waitFor();

    const edit = en["calendars.edit"].replace("{name}", `Test ${code}`);
    await page.getByRole("button", { name: edit }).click();
    const editing = page.getByRole("form", { name: edit });
    await editing.getByLabel(en["weekday.mon"]).fill("08:00-12:00, 13:00-17:00");
    await editing.getByLabel(en["weekday.sat"]).fill("10:00-12:00");
    await editing.getByRole("button", { name: en["admin.save"] }).click();
    await page.getByText(en["calendars.saved"].replace("{name}", `Test ${code}`)).waitFor();
    const saved = (await get(ctx, admin, `/support/calendars/${code}`)).json();
    expect(saved.weeklyHours).toEqual({
      mon: [
        ["08:00", "12:00"],
        ["13:00", "17:00"],
      ],
      sat: [["10:00", "12:00"]],
    });
    expect(saved.holidays).toEqual(["2026-12-25"]);

    await page.getByRole("button", { name: edit }).click();
    await editing.getByLabel(en["weekday.tue"]).fill("18:00-09:00");
    await editing.getByRole("button", { name: en["admin.save"] }).click();
    await page.locator("#field-weeklyHours-tue-error").waitFor();
    const tuesday = editing.getByLabel(en["weekday.tue"]);
    expect(await tuesday.getAttribute("aria-describedby")).toBe("field-weeklyHours-tue-error");
    expect(await page.locator("#field-weeklyHours-tue-error").textContent()).toContain(
      "must end after it starts",
    );
    expect((await get(ctx, admin, `/support/calendars/${code}`)).json().weeklyHours.tue).toBe(
      undefined,
    );
  });

  it("lists a mail Palier kept in the developer mailbox and shows it in a sandboxed frame", async () => {
    const { page } = browser;
    const customer = await createUser(ctx.db, await createAccount(ctx.db));
    const service = await createService(ctx.db, { admin: customer.account });
    const subject = `Mailbox check ${uniqueSuffix()}`;
    const ticket = await openIncident(ctx, customer, service, { subject });
    const row = await ticketRow(ctx.db, ticket.number);
    const events = await outboxRows(ctx.db, { topic: "ticket.created", ticketId: row.id });
    await deliver(ctx, await consumeRows(ctx, events), undefined);

    await page.goto(`${app.url}/admin/mailbox`);
    await page.getByRole("heading", { level: 1, name: en["mailbox.title"] }).waitFor();
    await page.getByLabel(en["mailbox.to"]).fill(customer.email);
    await page.getByRole("button", { name: en["mailbox.filter"] }).click();
    const link = page.getByRole("link", { name: `[${ticket.number}] Received: ${subject}` });
    await link.waitFor();
    const listed = page.getByRole("row").filter({ has: link });
    expect(await listed.textContent()).toContain(en["mailStatus.held"]);
    expect(await seriousViolations(page)).toEqual([]);

    await link.click();
    await page
      .getByRole("heading", { level: 1, name: `[${ticket.number}] Received: ${subject}` })
      .waitFor();
    expect(await page.locator("pre.mail-text").textContent()).toContain(ticket.number);
    const frame = page.locator("iframe.mail-html");
    expect(await frame.getAttribute("sandbox")).toBe("");
    expect(await frame.getAttribute("src")).toMatch(
      /^\/api\/v1\/admin\/mailbox\/[0-9a-f-]{36}\/html$/,
    );
    const inside = page.frameLocator("iframe.mail-html");
    await inside.getByText(subject, { exact: false }).first().waitFor();
  });
});

describe.skipIf(skip)("staff and the catalogue", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
    await signIn(browser.page, `${app.url}/admin/staff`, admin.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("creates a staff member, a short password refused under its field first", async () => {
    const { page } = browser;
    await page.getByRole("heading", { level: 1, name: en["staff.title"] }).waitFor();
    await page.getByRole("button", { name: en["staff.add"] }).click();
    const form = page.getByRole("form", { name: en["staff.new"] });
    const email = `new-${uniqueSuffix()}@palier.test`;
    await form.getByLabel(en["staff.email"]).fill(email);
    await form.getByLabel(en["staff.name"], { exact: true }).fill("Nadia Petrova");
    await form.getByLabel(en["staff.password"]).fill("short");
    await form.getByLabel(en["staff.role"]).selectOption("lead");
    await form.getByLabel(en["staff.tier"]).selectOption("L2");
    await form.getByLabel(en["staff.languages"]).fill("ru, en");
    await form.getByLabel(en["staff.region"]).fill("EU");
    await form
      .getByRole("group", { name: en["staff.universes"] })
      .getByLabel(en["universe.server"])
      .check();
    await form.getByRole("button", { name: en["staff.create"] }).click();
    await page.getByText(en["field.tooShort"].replace("{n}", "12")).waitFor();
    const password = form.getByLabel(en["staff.password"]);
    expect(await password.getAttribute("aria-describedby")).toContain("field-password-error");
    expect(await seriousViolations(page)).toEqual([]);

    await password.fill("a-long-enough-password");
    await form.getByRole("button", { name: en["staff.create"] }).click();
    await page.getByText(en["staff.created"].replace("{name}", "Nadia Petrova")).waitFor();
    const staff = (await get(ctx, admin, "/staff?limit=100&role=lead")).json().items as Json[];
    expect(staff.find((m) => m.email === email)).toMatchObject({
      name: "Nadia Petrova",
      role: "lead",
      tier: "L2",
      languages: ["ru", "en"],
      universes: ["server"],
      region: "EU",
      active: true,
    });
  });

  it("edits a row of a product's responsibility matrix", async () => {
    const { page } = browser;
    // A product of this test's own, so the shared seeded matrices stay as other files expect.
    const code = `gpu-${uniqueSuffix()
      .replace(/[^a-z0-9]/g, "")
      .slice(-8)}`;
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/catalog/products",
      headers: admin.auth,
      payload: { code, name: "GPU test", universe: "public-cloud", productUnit: "compute" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const explanation = {
      en: "Drivers are ours.",
      fr: "Les pilotes sont à nous.",
      ru: "Драйверы — наши.",
    };
    await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/catalog/products/${code}/responsibilities/hardware`,
      headers: admin.auth,
      payload: { owner: "provider", explanation },
    });
    await page.goto(`${app.url}/admin/catalogue`);
    await page.getByRole("heading", { level: 1, name: en["catalogue.title"] }).waitFor();
    await page.getByLabel(en["catalogue.universe"], { exact: true }).selectOption("public-cloud");
    await page.getByLabel(en["catalogue.product"], { exact: true }).selectOption(code);
    const matrix = page.getByRole("region", {
      name: en["catalogue.matrix"].replace("{product}", code),
    });
    await matrix.getByText("Drivers are ours.").waitFor();
    await matrix
      .getByRole("button", { name: en["catalogue.edit"].replace("{area}", en["area.hardware"]) })
      .click();
    const form = matrix.getByRole("form");
    await form.getByLabel(en["catalogue.owner"]).selectOption("shared");
    await form
      .getByLabel(en["catalogue.explanation"].replace("{language}", "English"))
      .fill("Drivers are shared.");
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole("button", { name: en["admin.save"] }).click();
    await matrix.getByText("Drivers are shared.").waitFor();
    const read = (
      await get(ctx, admin, `/catalog/products/${code}/responsibilities?lang=en`)
    ).json();
    expect(read.items).toEqual([
      expect.objectContaining({
        area: "hardware",
        owner: "shared",
        explanation: { ...explanation, en: "Drivers are shared." },
      }),
    ]);
  });
});

describe.skipIf(skip)("canned answers", () => {
  let browser: Browser;
  const suffix = uniqueSuffix();
  const title = `Reboot window ${suffix}`;
  const renamed = `Reboot window agreed ${suffix}`;
  const body = "Nous redémarrons votre serveur cette nuit entre 2 h et 4 h.";

  beforeAll(async () => {
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
    await signIn(browser.page, `${app.url}/admin/canned-answers`, admin.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The API's French answers for the server universe (with the general ones). */
  const frenchServer = async () =>
    (await get(ctx, admin, "/canned-answers?language=fr&universe=server")).json().items as Json[];

  it("creates, edits and deletes an answer, each change read back through the API", async () => {
    const { page } = browser;
    await page.getByRole("heading", { level: 1, name: en["canned.title"] }).waitFor();
    expect(await navLinks(browser)).toContain(en["nav.cannedAnswers"]);
    // The list follows the Manager's language until another is chosen, kept in the address.
    const filters = page.getByRole("form", { name: en["canned.filters"] });
    expect(await filters.getByLabel(en["canned.language"]).inputValue()).toBe("en");
    await filters.getByLabel(en["canned.language"]).selectOption("fr");
    await page.waitForURL(/\/admin\/canned-answers\?language=fr$/);

    const add = page.getByRole("button", { name: en["canned.add"] });
    await add.click();
    const form = page.getByRole("form", { name: en["canned.new"] });
    await expect
      .poll(() => isFocused(form.getByRole("heading", { name: en["canned.new"] })))
      .toBe(true);
    // A new answer starts in the language the list shows.
    expect(await form.getByLabel(en["canned.language"]).inputValue()).toBe("fr");
    await form.getByLabel(en["canned.universe"]).selectOption("server");
    await form.getByLabel(en["canned.answerTitle"]).fill(`  ${title}  `);
    await form.getByLabel(en["canned.body"]).fill(body);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole("button", { name: en["canned.create"] }).click();
    await page.getByText(en["canned.created"].replace("{title}", title)).waitFor();
    expect(await form.count()).toBe(0);
    await expect.poll(() => isFocused(add)).toBe(true);
    const created = (await frenchServer()).find((a) => a.title === title);
    expect(created).toMatchObject({ language: "fr", universe: "server", body, shipped: false });

    const table = page.getByRole("table", {
      name: en["canned.tableLabel"].replace("{language}", en["desk.lang.fr"]),
    });
    const row = table.getByRole("row").filter({ hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain(en["universe.server"]);
    expect(await seriousViolations(page)).toEqual([]);
    // A server answer is not offered on market tickets; the filter asks the API for those.
    await filters.getByLabel(en["canned.universe"]).selectOption("market");
    await page.waitForURL(/language=fr&universe=market$/);
    // Settled on the market list (its table or its empty state), which lacks the answer.
    const rows = page.getByRole("row").filter({ hasText: title });
    await expect
      .poll(
        async () =>
          (await page.locator(".loading").count()) === 0 &&
          (await page.locator("main table, main p.empty").count()) > 0 &&
          (await rows.count()) === 0,
      )
      .toBe(true);
    await filters.getByLabel(en["canned.universe"]).selectOption("server");
    await row.waitFor();

    const edit = page.getByRole("button", { name: en["canned.edit"].replace("{title}", title) });
    await edit.click();
    const editing = page.getByRole("form", {
      name: en["canned.editing"].replace("{title}", title),
    });
    await editing.getByLabel(en["canned.answerTitle"]).fill(renamed);
    await editing.getByLabel(en["canned.universe"]).selectOption("");
    await editing.getByRole("button", { name: en["admin.save"] }).click();
    await page.getByText(en["canned.saved"].replace("{title}", renamed)).waitFor();
    const saved = (await get(ctx, admin, `/canned-answers/${created.id}`)).json();
    expect(saved).toMatchObject({ title: renamed, universe: null, language: "fr", body });
    const renamedRow = table.getByRole("row").filter({ hasText: renamed });
    await renamedRow.waitFor();
    expect(await renamedRow.textContent()).toContain(en["canned.everyUniverse"]);

    // Cancelling the question keeps the answer and puts focus back on its Delete button.
    const remove = page.getByRole("button", {
      name: en["canned.delete"].replace("{title}", renamed),
    });
    await remove.click();
    const question = page.getByText(en["canned.confirmDelete"].replace("{title}", renamed));
    await expect.poll(() => isFocused(question)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: en["admin.cancel"] }).click();
    await expect.poll(() => isFocused(remove)).toBe(true);
    expect((await get(ctx, admin, `/canned-answers/${created.id}`)).statusCode).toBe(200);

    await remove.click();
    await page.getByRole("button", { name: en["canned.deleteButton"], exact: true }).click();
    await page.getByText(en["canned.deleted"].replace("{title}", renamed)).waitFor();
    await expect.poll(() => renamedRow.count()).toBe(0);
    await expect
      .poll(() => isFocused(page.getByRole("heading", { level: 1, name: en["canned.title"] })))
      .toBe(true);
    expect((await get(ctx, admin, `/canned-answers/${created.id}`)).statusCode).toBe(404);
    expect((await frenchServer()).some((a) => a.id === created.id)).toBe(false);
  });

  it("shows the API's refusal of a too long title under the title, and creates nothing", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: en["canned.add"] }).click();
    const form = page.getByRole("form", { name: en["canned.new"] });
    const long = `Too long ${suffix} ${"x".repeat(120)}`;
    const titleField = form.getByLabel(en["canned.answerTitle"]);
    await titleField.fill(long);
    await form.getByLabel(en["canned.body"]).fill("Short text.");
    await form.getByRole("button", { name: en["canned.create"] }).click();
    const error = page.locator("#field-title-error");
    await error.waitFor();
    expect(await error.textContent()).toBe(en["field.tooLong"].replace("{n}", "120"));
    expect(await titleField.getAttribute("aria-invalid")).toBe("true");
    expect(await titleField.getAttribute("aria-describedby")).toContain("field-title-error");
    await expect.poll(() => isFocused(titleField)).toBe(true);
    await page.getByText(en["admin.notSaved"]).waitFor();
    expect(await page.locator("#field-body-error").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    const all = (await get(ctx, admin, "/canned-answers?language=fr")).json().items as Json[];
    expect(all.some((a) => a.title.startsWith(`Too long ${suffix}`))).toBe(false);
    await form.getByRole("button", { name: en["admin.cancel"] }).click();
    expect(await form.count()).toBe(0);
  });
});

describe.skipIf(skip)("the admin screens in French", () => {
  it("shows the business calendars with French labels and no serious axe violation", async () => {
    const browser = await openBrowser();
    try {
      const { page } = browser;
      await signIn(page, `${app.url}/admin/calendars`, admin.email, TEST_PASSWORD);
      await page.getByLabel(en["prefs.language"]).selectOption("fr");
      await page.getByRole("heading", { level: 1, name: fr["calendars.title"] }).waitFor();
      const nav = page.getByRole("navigation", { name: fr["nav.label"] });
      await nav.getByRole("link", { name: fr["nav.calendars"] }).waitFor();
      await page.getByRole("button", { name: fr["calendars.add"] }).click();
      await page
        .getByRole("form", { name: fr["calendars.new"] })
        .getByLabel(fr["weekday.mon"])
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
