import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createUser,
  type TestService,
  type TestUser,
} from "../helpers/factories.ts";
import { get, type Json, openIncident } from "../helpers/ticket-factories.ts";

// Ticket lists read each ticket's copy of its service's contacts; the database keeps it true.
let ctx: TestContext;
let owner: TestUser;
let firstPartner: TestUser;
let secondPartner: TestUser;
let service: TestService;

const numbersSeenBy = async (user: TestUser): Promise<string[]> => {
  const res = await get(ctx, user, "/tickets?limit=100");
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((t: Json) => t.number);
};

beforeAll(async () => {
  ctx = await testContext();
  owner = await createUser(ctx.db, await createAccount(ctx.db));
  firstPartner = await createUser(
    ctx.db,
    await createAccount(ctx.db, { programme: "technical-partner" }),
  );
  secondPartner = await createUser(
    ctx.db,
    await createAccount(ctx.db, { programme: "technical-partner" }),
  );
  service = await createService(ctx.db, { admin: owner.account, tech: firstPartner.account });
});

describe("the ticket's copy of its service's contacts", () => {
  it("is filled when the ticket is created", async () => {
    const ticket = await openIncident(ctx, owner, service);
    const row = await ctx.db
      .selectFrom("tickets")
      .select(["admin_contact_id", "tech_contact_id", "billing_contact_id"])
      .where("number", "=", Number(String(ticket.number).replace(/\D/g, "")))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      admin_contact_id: owner.account.id,
      tech_contact_id: firstPartner.account.id,
      billing_contact_id: owner.account.id,
    });
  });

  it("follows a contact change, so the new tech contact sees the tickets and the old one not", async () => {
    const ticket = await openIncident(ctx, owner, service);
    expect(await numbersSeenBy(firstPartner)).toContain(ticket.number);
    expect(await numbersSeenBy(secondPartner)).not.toContain(ticket.number);

    // The same statement the contact-change module runs when both sides have accepted.
    await ctx.db
      .updateTable("services")
      .set({ tech_account_id: secondPartner.account.id })
      .where("id", "=", service.id)
      .execute();

    expect(await numbersSeenBy(secondPartner)).toContain(ticket.number);
    expect(await numbersSeenBy(firstPartner)).not.toContain(ticket.number);
    expect(await numbersSeenBy(owner)).toContain(ticket.number);
  });
});
