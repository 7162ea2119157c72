import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestAccount,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import { get, type Json, openIncident } from "../helpers/ticket-factories.ts";

// The staff workspace shows "the customer's other recent tickets": GET /tickets?account=NIC.
describe("GET /tickets?account=", () => {
  let ctx: TestContext;
  let account: TestAccount;
  let customer: TestUser;
  let neighbour: TestUser;
  let agent: TestStaff;
  let marketAgent: TestStaff;
  const mine: string[] = [];

  beforeAll(async () => {
    ctx = await testContext();
    account = await createAccount(ctx.db);
    customer = await createUser(ctx.db, account);
    const service = await createService(ctx.db, { admin: account });
    const other = await createAccount(ctx.db);
    neighbour = await createUser(ctx.db, other);
    const otherService = await createService(ctx.db, { admin: other });
    for (const subject of ["First", "Second"]) {
      mine.push((await openIncident(ctx, customer, service, { subject })).number);
    }
    await openIncident(ctx, neighbour, otherService, { subject: "Someone else's" });
    agent = await createStaff(ctx.db, { universes: ["server"] });
    marketAgent = await createStaff(ctx.db, { universes: ["market"] });
  });

  it("lists only that account's tickets, newest first, for staff", async () => {
    const res = await get(ctx, agent, `/tickets?account=${account.nic}&limit=10`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Json[];
    expect(items.map((t) => t.number)).toEqual([...mine].reverse());
    expect(items.every((t) => t.accountNic === account.nic)).toBe(true);
  });

  it("still keeps an agent to their universes", async () => {
    const res = await get(ctx, marketAgent, `/tickets?account=${account.nic}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it("answers an empty page for an unknown account", async () => {
    const res = await get(ctx, agent, "/tickets?account=zz999999-pal");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it("refuses customers, naming the field", async () => {
    const res = await get(ctx, customer, `/tickets?account=${account.nic}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors).toEqual([expect.objectContaining({ field: "account", in: "query" })]);
  });

  it("rejects a malformed handle, naming the field", async () => {
    const res = await get(ctx, agent, "/tickets?account=not-a-nic");
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: "account", in: "query" });
  });
});
