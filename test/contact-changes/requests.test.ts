import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createCustomer, type TestStaff, type TestUser } from "../helpers/factories.ts";
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

describe("reading contact changes", () => {
  it("shows a task to the sides, the requester, the service's contacts and staff who see it", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "tech", cast.newcomer, cast.admin);
    const expectations: [TestUser | TestStaff, number, string | null][] = [
      [cast.admin, 200, null],
      [cast.tech, 200, "giving"],
      [cast.newcomer, 200, "receiving"],
      [cast.billing, 200, null],
      [cast.unrelated, 404, null],
      [cast.agentIn, 200, null],
      [cast.agentOut, 404, null],
      [cast.lead, 200, null],
      [cast.staffAdmin, 200, null],
    ];
    for (const [caller, status, side] of expectations) {
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/contact-changes/${id}`,
        headers: caller.auth,
      });
      expect(res.statusCode, caller.email).toBe(status);
      if (status === 200) expect(res.json().mySide).toBe(side);
    }
    const anonymous = await ctx.app.inject({ method: "GET", url: `/api/v1/contact-changes/${id}` });
    expect(anonymous.statusCode).toBe(401);
    const malformed = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/contact-changes/not-a-uuid",
      headers: cast.admin.auth,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe("id");
    const missing = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/contact-changes/00000000-0000-4000-8000-000000000000",
      headers: cast.staffAdmin.auth,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("pages through my tasks, giving and receiving, newest first, without gaps", async () => {
    const me = await createCustomer(ctx.db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const mine = await createManagedService(ctx.db, { ...cast, billing: me });
      ids.push(await openChange(ctx, mine, "billing", cast.newcomer, me));
      const theirs = await createManagedService(ctx.db, cast);
      ids.push(await openChange(ctx, theirs, "tech", me, cast.admin));
    }
    const seen: { id: string; mySide: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/contact-changes?limit=2${query}`,
        headers: me.auth,
      });
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((c) => c.id)).toEqual([...ids].reverse());
    expect(seen.map((c) => c.mySide)).toEqual([
      "receiving",
      "giving",
      "receiving",
      "giving",
      "receiving",
      "giving",
    ]);
    const unrelated = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/contact-changes",
      headers: cast.unrelated.auth,
    });
    expect(unrelated.json().items).toEqual([]);
    const filtered = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/contact-changes?state=done",
      headers: me.auth,
    });
    expect(filtered.json().items).toEqual([]);
    const badCursor = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/contact-changes?cursor=${Buffer.from('["x",1]').toString("base64url")}`,
      headers: me.auth,
    });
    expect(badCursor.json().code).toBe("invalid_cursor");
  });

  it("lists a service's tasks for its contacts and staff", async () => {
    const service = await createManagedService(ctx.db, cast);
    const first = await openChange(ctx, service, "tech", cast.newcomer, cast.admin);
    const second = await openChange(ctx, service, "billing", cast.newcomer, cast.billing);
    const url = `/api/v1/services/${service.name}/contact-changes`;
    for (const caller of [cast.admin, cast.tech, cast.billing, cast.agentIn, cast.staffAdmin]) {
      const res = await ctx.app.inject({ method: "GET", url, headers: caller.auth });
      expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([second, first]);
    }
    const byState = await ctx.app.inject({
      method: "GET",
      url: `${url}?state=todo&limit=1`,
      headers: cast.admin.auth,
    });
    expect(byState.json().items).toHaveLength(1);
    expect(byState.json().nextCursor).not.toBeNull();
    const staffList = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/contact-changes?limit=100",
      headers: cast.agentOut.auth,
    });
    expect(staffList.json().items.map((c: { id: string }) => c.id)).not.toContain(first);
  });
});
