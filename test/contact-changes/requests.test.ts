import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createCustomer } from "../helpers/factories.ts";
import { type Cast, createCast, createManagedService } from "../services/fixtures.ts";
import {
  auditOf,
  changeRow,
  decide,
  openChange,
  outboxOf,
  requestChange,
  serviceContacts,
  tokensOf,
} from "./helpers.ts";

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await testContext();
  cast = await createCast(ctx.db);
});

async function openCount(serviceId: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom("contact_changes")
    .select("id")
    .where("service_id", "=", serviceId)
    .where("state", "in", ["todo", "validating"])
    .execute();
  return rows.length;
}

describe("who may hand over which role", () => {
  it("refuses the tech contact handing over the admin role", async () => {
    const service = await createManagedService(ctx.db, cast);
    const res = await requestChange(ctx, service, "admin", cast.newcomer, cast.tech);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "role_not_transferable",
      errors: [{ field: "role", in: "body" }],
    });
    expect(await openCount(service.id)).toBe(0);
  });

  it("lets the billing contact hand over billing, from itself", async () => {
    const service = await createManagedService(ctx.db, cast);
    const res = await requestChange(ctx, service, "billing", cast.newcomer, cast.billing);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      from: { nicHandle: cast.billing.account.nic },
      to: { nicHandle: cast.newcomer.account.nic },
      requestedBy: { kind: "user", nicHandle: cast.billing.account.nic },
      mySide: "giving",
    });
  });

  it("lets the admin hand the tech role from the partner holding it to another", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "tech", cast.newcomer, cast.admin);
    const row = await changeRow(ctx, id);
    expect(row.from_account_id).toBe(cast.tech.account.id);
    expect(row.requested_by_user_id).toBe(cast.admin.id);
    const tokens = await tokensOf(ctx, id);
    await decide(ctx, id, "accept", tokens.giving, cast.tech);
    await decide(ctx, id, "accept", tokens.receiving, cast.newcomer);
    expect((await serviceContacts(ctx, service)).tech_account_id).toBe(cast.newcomer.account.id);
  });

  it("lets a staff admin request on the customer's behalf", async () => {
    const service = await createManagedService(ctx.db, cast);
    const res = await requestChange(ctx, service, "admin", cast.newcomer, cast.staffAdmin);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      requestedBy: { kind: "staff", nicHandle: null },
      from: { nicHandle: cast.admin.account.nic },
    });
    const audit = await auditOf(ctx, res.json().id);
    expect(audit[0]).toMatchObject({ action: "contact_change.requested", actor_kind: "staff" });
  });
});

describe("request validation", () => {
  it("refuses a receiving account in another region", async () => {
    const service = await createManagedService(ctx.db, cast);
    const canadian = await createCustomer(ctx.db, { region: "CA" });
    const res = await requestChange(ctx, service, "tech", canadian, cast.admin);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "region_mismatch",
      errors: [{ field: "toNicHandle" }],
    });
    expect(await openCount(service.id)).toBe(0);
    expect(await outboxOf(ctx, "none")).toHaveLength(0);
  });

  it("names toNicHandle for an unknown or malformed NIC, and refuses the current holder", async () => {
    const service = await createManagedService(ctx.db, cast);
    const unknown = await requestChange(ctx, service, "tech", "zz000001-pal", cast.admin);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe("toNicHandle");
    const malformed = await requestChange(ctx, service, "tech", "Not A Nic", cast.admin);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe("toNicHandle");
    const same = await requestChange(ctx, service, "tech", cast.tech, cast.admin);
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ code: "same_account", errors: [{ field: "toNicHandle" }] });
    const badRole = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/services/${service.name}/contact-changes`,
      headers: cast.admin.auth,
      payload: { role: "owner", toNicHandle: cast.newcomer.account.nic },
    });
    expect(badRole.json().errors[0].field).toBe("role");
    expect(await openCount(service.id)).toBe(0);
  });

  it("refuses a second request for the same service and role while one is open", async () => {
    const service = await createManagedService(ctx.db, cast);
    await openChange(ctx, service, "billing", cast.newcomer, cast.admin);
    const other = await createCustomer(ctx.db);
    const second = await requestChange(ctx, service, "billing", other, cast.billing);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe("contact_change_open");
    // Another role of the same service is independent.
    expect((await requestChange(ctx, service, "tech", other, cast.admin)).statusCode).toBe(201);
    expect(await openCount(service.id)).toBe(2);
  });

  it("lets exactly one of two concurrent requests win", async () => {
    const service = await createManagedService(ctx.db, cast);
    const other = await createCustomer(ctx.db);
    const results = await Promise.all([
      requestChange(ctx, service, "admin", cast.newcomer, cast.admin),
      requestChange(ctx, service, "admin", other, cast.staffAdmin),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe("contact_change_open");
    expect(await openCount(service.id)).toBe(1);
    // Only the winner's notifications exist.
    const winner = results.find((r) => r.statusCode === 201)?.json().id;
    expect(await outboxOf(ctx, winner, "contact_change.requested")).toHaveLength(2);
  });
});

describe("concurrent decisions", () => {
  it("applies a double-submitted acceptance once", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "billing", cast.newcomer, cast.admin);
    const tokens = await tokensOf(ctx, id);
    const results = await Promise.all([
      decide(ctx, id, "accept", tokens.receiving, cast.newcomer),
      decide(ctx, id, "accept", tokens.receiving, cast.newcomer),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe("token_already_used");
  });

  it("completes once when both sides accept at the same moment", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "tech", cast.newcomer, cast.admin);
    const tokens = await tokensOf(ctx, id);
    const results = await Promise.all([
      decide(ctx, id, "accept", tokens.giving, cast.tech),
      decide(ctx, id, "accept", tokens.receiving, cast.newcomer),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.map((r) => r.json().state).sort()).toEqual(["done", "validating"]);
    expect((await changeRow(ctx, id)).state).toBe("done");
    expect((await serviceContacts(ctx, service)).tech_account_id).toBe(cast.newcomer.account.id);
    expect(await outboxOf(ctx, id, "contact_change.done")).toHaveLength(2);
  });
});

describe("abort", () => {
  it("lets the requesting account abort an open task, notifying both sides", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "billing", cast.newcomer, cast.admin);
    const giving = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/contact-changes/${id}/abort`,
      headers: cast.billing.auth,
    });
    expect(giving.statusCode).toBe(403);
    const outsider = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/contact-changes/${id}/abort`,
      headers: cast.unrelated.auth,
    });
    expect(outsider.statusCode).toBe(404);
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/contact-changes/${id}/abort`,
      headers: cast.admin.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe("aborted");
    expect(await outboxOf(ctx, id, "contact_change.aborted")).toHaveLength(2);
    const tokens = await tokensOf(ctx, id);
    const late = await decide(ctx, id, "accept", tokens.receiving, cast.newcomer);
    expect(late.json().code).toBe("contact_change_closed");
    const again = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/contact-changes/${id}/abort`,
      headers: cast.admin.auth,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("contact_change_closed");
    expect((await auditOf(ctx, id)).some((a) => a.action === "contact_change.aborted")).toBe(true);
  });

  it("lets a staff admin abort, but not a lead", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "tech", cast.newcomer, cast.tech);
    const url = `/api/v1/contact-changes/${id}/abort`;
    expect(
      (await ctx.app.inject({ method: "POST", url, headers: cast.lead.auth })).statusCode,
    ).toBe(403);
    const res = await ctx.app.inject({ method: "POST", url, headers: cast.staffAdmin.auth });
    expect(res.json().state).toBe("aborted");
  });
});
