import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { get, type Json, openIncident, ticketRow } from "../helpers/ticket-factories.ts";
import { consumeRows, deliver, outboxRows } from "./helpers.ts";

let ctx: TestContext;
let customer: TestUser;
let service: TestService;
let admin: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
  admin = await createStaff(ctx.db, { role: "admin" });
});

/** Opens a ticket and keeps its creation notice in the developer mailbox (no SMTP_URL). */
async function heldCreationMail(subject: string): Promise<{ number: string; id: string }> {
  const ticket = await openIncident(ctx, customer, service, { subject });
  const row = await ticketRow(ctx.db, ticket.number);
  const mails = await consumeRows(
    ctx,
    await outboxRows(ctx.db, { topic: "ticket.created", ticketId: row.id }),
  );
  await deliver(ctx, mails, undefined);
  return { number: ticket.number, id: row.id };
}

describe("the developer mailbox", () => {
  it("shows staff admins the mails held without an SMTP transport, filtered by recipient and ticket", async () => {
    const first = await heldCreationMail("First trouble");
    const second = await heldCreationMail("Second trouble");
    const byTo = await get(
      ctx,
      admin,
      `/admin/mailbox?to=${encodeURIComponent(customer.email.toUpperCase())}`,
    );
    expect(byTo.statusCode, byTo.body).toBe(200);
    const items = byTo.json().items as Json[];
    expect(items.map((m) => m.ticket)).toEqual([second.number, first.number]);
    expect(items[0]).toMatchObject({
      to: customer.email,
      subject: `[${second.number}] Received: Second trouble`,
      status: "held",
      transport: "mailbox",
      language: "en",
    });
    const byTicket = (
      await get(ctx, admin, `/admin/mailbox?ticket=${first.number.toLowerCase()}`)
    ).json();
    expect(byTicket.items.map((m: Json) => m.subject)).toEqual([
      `[${first.number}] Received: First trouble`,
    ]);

    const one = await get(ctx, admin, `/admin/mailbox/${items[1].id}`);
    expect(one.statusCode, one.body).toBe(200);
    const mail = one.json();
    expect(mail.headers).toMatchObject({
      "Message-ID": `<t-${first.id}@palier.localhost>`,
      "Auto-Submitted": "auto-generated",
    });
    expect(mail.replyTo).toMatch(/^support\+t[0-9a-f]{32}\.[0-9a-f]+@palier\.localhost$/);
    expect(mail.text).toContain("We have received your ticket");
    expect(mail.html).toContain("<!DOCTYPE html>");
    expect(mail).toMatchObject({
      status: "held",
      secret: false,
      lastError: null,
      from: ctx.config.mailFrom,
    });
  });

  it("pages newest first with a cursor", async () => {
    await heldCreationMail("Paging one");
    await heldCreationMail("Paging two");
    const url = `/admin/mailbox?to=${encodeURIComponent(customer.email)}&limit=1`;
    const page1 = (await get(ctx, admin, url)).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await get(ctx, admin, `${url}&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page2.items[0].createdAt <= page1.items[0].createdAt).toBe(true);
    const bad = await get(ctx, admin, `${url}&cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("invalid_cursor");
  });

  it("is for staff admins only", async () => {
    const { number } = await heldCreationMail("Private");
    const mails = (await get(ctx, admin, `/admin/mailbox?ticket=${number}`)).json().items as Json[];
    const id = mails[0]?.id as string;
    for (const caller of [
      customer,
      await createStaff(ctx.db, { role: "agent" }),
      await createStaff(ctx.db, { role: "lead" }),
    ]) {
      for (const url of ["/admin/mailbox", `/admin/mailbox/${id}`]) {
        const res = await get(ctx, caller, url);
        expect(res.statusCode, `${caller.email} ${url}`).toBe(403);
        expect(res.headers["content-type"]).toContain("application/problem+json");
        expect(res.json().code).toBe("forbidden");
      }
    }
    const anonymous = await ctx.app.inject({ method: "GET", url: "/api/v1/admin/mailbox" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("answers bad input with problems naming the field, in the caller's language", async () => {
    const badTicket = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/admin/mailbox?ticket=T-12",
      headers: { ...admin.auth, "accept-language": "fr" },
    });
    expect(badTicket.statusCode).toBe(400);
    expect(badTicket.json().errors[0].field).toContain("ticket");
    expect(badTicket.json().title).toBe("La requête n'est pas valide");
    const badId = await get(ctx, admin, "/admin/mailbox/not-a-uuid");
    expect(badId.statusCode).toBe(400);
    const missing = await get(ctx, admin, "/admin/mailbox/00000000-0000-4000-8000-000000000000");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("not_found");
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    expect(Object.keys(doc.paths["/api/v1/admin/mailbox"])).toEqual(["get"]);
    expect(Object.keys(doc.paths["/api/v1/admin/mailbox/{id}"])).toEqual(["get"]);
    expect(doc.components.schemas.MailMessage.required).toContain("html");
  });
});
