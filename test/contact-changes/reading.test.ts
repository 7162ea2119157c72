import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createCustomer, type TestStaff, type TestUser } from "../helpers/factories.ts";
import { type Cast, createCast, createManagedService } from "../services/fixtures.ts";
import { openChange } from "./helpers.ts";

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await testContext();
  cast = await createCast(ctx.db);
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
