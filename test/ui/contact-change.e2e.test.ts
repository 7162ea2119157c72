import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokensOf } from "../contact-changes/helpers.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createUser,
  TEST_PASSWORD,
  type TestService,
  type TestUser,
} from "../helpers/factories.ts";
import { postOk } from "../helpers/ticket-factories.ts";
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

describe.skipIf(skip)("a contact change decided in the Manager by both sides", () => {
  let ctx: TestContext;
  let app: RunningApp;
  let browser: Browser;
  let owner: TestUser;
  let partner: TestUser;
  let vps: TestService;
  let id: string;
  let tokens: { giving: string; receiving: string };

  beforeAll(async () => {
    requireBrowser();
    ctx = await testContext();
    owner = await createUser(ctx.db, await createAccount(ctx.db, { name: "Fromagerie Alpes" }));
    partner = await createUser(
      ctx.db,
      await createAccount(ctx.db, { name: "Relais Ops", programme: "technical-partner" }),
    );
    vps = await createService(ctx.db, { admin: owner.account });
    const change = await postOk(ctx, owner, `/services/${vps.name}/contact-changes`, {
      role: "tech",
      toNicHandle: partner.account.nic,
    });
    id = change.id;
    // The links the two accounts received by email carry these single-use tokens.
    tokens = await tokensOf(ctx, id);
    app = await serveManager();
    browser = await openBrowser();
    browser.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("lets the giving account accept through its email link, then forgets the token", async () => {
    const { page } = browser;
    const link = `${app.url}/contact-changes/${id}?token=${encodeURIComponent(tokens.giving)}`;
    await signIn(page, link, owner.email, TEST_PASSWORD);
    await page.getByRole("heading", { level: 1, name: "Contact change" }).waitFor();
    await page.getByText("Your account gives this role.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Accept the change" }).click();
    await page.getByText("You accepted this change.").waitFor();
    await page.getByText("Accepted by one account").waitFor();
    expect(page.url()).toBe(`${app.url}/contact-changes/${id}`);
    await page.getByRole("button", { name: "Sign out" }).click();
  });

  it("lets the receiving account accept too, and the role moves to it", async () => {
    const { page } = browser;
    const link = `${app.url}/contact-changes/${id}?token=${encodeURIComponent(tokens.receiving)}`;
    await signIn(page, link, partner.email, TEST_PASSWORD);
    await page.getByText("Your account receives this role.").waitFor();
    await page.getByRole("button", { name: "Accept the change" }).click();
    await page.getByText("Done: the role has moved").waitFor();

    await page.getByRole("link", { name: "Dashboard" }).click();
    const server = page.getByRole("table", { name: "Server" });
    const row = server.getByRole("row").filter({ hasText: vps.name });
    // The dashboard loads its sections on their own: wait for the row before reading it.
    await row.getByRole("listitem").first().waitFor();
    expect(await row.getByRole("listitem").allTextContents()).toEqual(["Technical"]);
  });
});
