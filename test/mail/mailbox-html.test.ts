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
import { get, openIncident, ticketRow } from "../helpers/ticket-factories.ts";
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

/** The id of the creation notice of a new ticket, held in the developer mailbox. */
async function heldMailId(subject: string): Promise<string> {
  const ticket = await openIncident(ctx, customer, service, { subject });
  const row = await ticketRow(ctx.db, ticket.number);
  const events = await outboxRows(ctx.db, { topic: "ticket.created", ticketId: row.id });
  const mails = await consumeRows(ctx, events);
  await deliver(ctx, mails, undefined);
  const id = mails[0]?.id;
  if (!id) throw new Error("no mail made");
  return id;
}

describe("a mail's HTML as its own sandboxed document", () => {
  it("serves staff admins the mail's HTML under a sandboxing policy", async () => {
    const id = await heldMailId("Frame <b>me</b>");
    const json = (await get(ctx, admin, `/admin/mailbox/${id}`)).json();
    const res = await get(ctx, admin, `/admin/mailbox/${id}/html`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toBe(json.html);
    // The subject's markup arrives escaped: the template escapes every field.
    expect(res.body).toContain("Frame &lt;b&gt;me&lt;/b&gt;");
    const policy = String(res.headers["content-security-policy"]);
    expect(policy.split(";").map((d) => d.trim())).toEqual(
      expect.arrayContaining(["sandbox", "default-src 'none'", "style-src 'unsafe-inline'"]),
    );
    expect(policy).not.toContain("script-src");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("is for staff admins only, with problems for everyone else", async () => {
    const id = await heldMailId("Private frame");
    for (const caller of [
      customer,
      await createStaff(ctx.db, { role: "agent" }),
      await createStaff(ctx.db, { role: "lead" }),
    ]) {
      const res = await get(ctx, caller, `/admin/mailbox/${id}/html`);
      expect(res.statusCode, caller.email).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("forbidden");
    }
    const anonymous = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/admin/mailbox/${id}/html`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("names a malformed id and answers 404 for an unknown one", async () => {
    const bad = await get(ctx, admin, "/admin/mailbox/not-a-uuid/html");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: "id", in: "params" });
    const missing = await get(
      ctx,
      admin,
      "/admin/mailbox/00000000-0000-4000-8000-000000000000/html",
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("not_found");
  });

  it("is documented as an HTML answer in the OpenAPI document", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const operation = doc.paths["/api/v1/admin/mailbox/{id}/html"].get;
    expect(Object.keys(operation.responses["200"].content)).toEqual(["text/html"]);
    expect(operation.responses["4XX"] ?? operation.responses["4xx"]).toBeDefined();
  });
});
