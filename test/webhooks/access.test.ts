import { beforeAll, describe, expect, it } from "vitest";
import { MAX_SUBSCRIPTIONS } from "../../src/modules/webhooks/rules.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createCustomer,
  createStaff,
  createUser,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import type { Json } from "../helpers/ticket-factories.ts";
import { type Caller, callApi, subscribe } from "./helpers.ts";

let ctx: TestContext;
let alice: TestUser;
let bob: TestUser;
let admin: TestStaff;

const URL = "https://hooks.example.test/palier";
let aliceColleague: TestUser;
let lead: TestStaff;
let agent: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  alice = await createCustomer(ctx.db);
  aliceColleague = await createUser(ctx.db, alice.account);
  bob = await createCustomer(ctx.db);
  admin = await createStaff(ctx.db, { role: "admin" });
  lead = await createStaff(ctx.db, { role: "lead" });
  agent = await createStaff(ctx.db, { role: "agent" });
});

const call = (as: Caller, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: Json) =>
  callApi(ctx, as, method, url, body);

describe("authorisation", () => {
  let aliceHook: Json;
  let globalHook: Json;
  beforeAll(async () => {
    aliceHook = await subscribe(ctx, alice, { url: URL, eventTypes: ["ticket.created"] });
    globalHook = await subscribe(ctx, admin, { url: URL, eventTypes: ["ticket.created"] });
    await call(admin, "PATCH", `/webhooks/${globalHook.id}`, { active: false });
  });

  it("lets every user of the account manage its subscriptions", async () => {
    const res = await call(aliceColleague, "PATCH", `/webhooks/${aliceHook.id}`, {
      description: "renamed by a colleague",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().description).toBe("renamed by a colleague");
  });

  it("hides another account's and the global subscriptions from a user (404)", async () => {
    for (const id of [aliceHook.id, globalHook.id]) {
      for (const [method, path, body] of [
        ["GET", "", undefined],
        ["PATCH", "", { description: "mine now" }],
        ["DELETE", "", undefined],
        ["POST", "/rotate-secret", undefined],
        ["POST", "/ping", undefined],
        ["GET", "/deliveries", undefined],
      ] as const) {
        const res = await call(bob, method, `/webhooks/${id}${path}`, body);
        expect(res.statusCode, `${method} ${path}`).toBe(404);
      }
    }
    const list = (await call(bob, "GET", "/webhooks")).json();
    expect(list.items.map((s: Json) => s.id)).not.toContain(aliceHook.id);
    expect(list.items.map((s: Json) => s.id)).not.toContain(globalHook.id);
    expect((await call(bob, "GET", "/webhooks?global=true")).statusCode).toBe(403);
  });

  it("refuses staff agents and leads (403)", async () => {
    for (const staff of [agent, lead]) {
      expect((await call(staff, "GET", "/webhooks")).statusCode).toBe(403);
      expect((await call(staff, "GET", `/webhooks/${aliceHook.id}`)).statusCode).toBe(403);
      const create = await call(staff, "POST", "/webhooks", {
        url: URL,
        eventTypes: ["ticket.created"],
      });
      expect(create.statusCode).toBe(403);
      expect(create.json().code).toBe("forbidden");
    }
  });

  it("lets staff admins read any subscription but change only global ones", async () => {
    const read = await call(admin, "GET", `/webhooks/${aliceHook.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().nicHandle).toBe(alice.account.nic);
    expect((await call(admin, "GET", `/webhooks/${aliceHook.id}/deliveries`)).statusCode).toBe(200);
    for (const [method, path] of [
      ["PATCH", ""],
      ["DELETE", ""],
      ["POST", "/rotate-secret"],
      ["POST", "/ping"],
    ] as const) {
      const body = method === "PATCH" ? { active: false } : undefined;
      const res = await call(admin, method, `/webhooks/${aliceHook.id}${path}`, body);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
    }
    const mine = await call(admin, "GET", `/webhooks?nicHandle=${alice.account.nic}`);
    expect(mine.json().items.map((s: Json) => s.id)).toContain(aliceHook.id);
    expect(mine.json().items.every((s: Json) => s.nicHandle === alice.account.nic)).toBe(true);
    const global = await call(admin, "GET", "/webhooks?global=true&limit=100");
    expect(global.json().items.every((s: Json) => s.scope === "global")).toBe(true);
  });

  it("refuses writes with a read-scoped token", async () => {
    const reader = await createUser(ctx.db, alice.account, "read");
    const res = await call(reader, "POST", "/webhooks", {
      url: URL,
      eventTypes: ["ticket.created"],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("insufficient_scope");
    expect((await call(reader, "GET", `/webhooks/${aliceHook.id}`)).statusCode).toBe(200);
  });
});

describe("changing and deleting", () => {
  it("updates the URL, types and description, pauses and resumes", async () => {
    const created = await subscribe(ctx, bob, { url: URL, eventTypes: ["ticket.created"] });
    const res = await call(bob, "PATCH", `/webhooks/${created.id}`, {
      url: "https://other.example.test/in",
      eventTypes: ["contact_change.requested", "ticket.status.changed"],
      description: "second endpoint",
      active: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      url: "https://other.example.test/in",
      eventTypes: ["contact_change.requested", "ticket.status.changed"],
      description: "second endpoint",
      active: false,
      disabledAt: null,
    });
    const ping = await call(bob, "POST", `/webhooks/${created.id}/ping`);
    expect(ping.statusCode).toBe(409);
    expect(ping.json().code).toBe("webhook_inactive");
    const french = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/webhooks/${created.id}/ping`,
      headers: { ...bob.auth, "accept-language": "fr" },
    });
    expect(french.json().title).toBe("Cet abonnement webhook n'est pas actif");
  });

  it("re-enables a disabled subscription, clearing its failure state", async () => {
    const created = await subscribe(ctx, bob, { url: URL, eventTypes: ["ticket.created"] });
    const since = new Date(Date.now() - 25 * 3_600_000);
    await ctx.db
      .updateTable("webhook_subscriptions")
      .set({
        active: false,
        failing_since: since,
        disabled_at: new Date(),
        disabled_reason: "failing_for_24h",
      })
      .where("id", "=", created.id)
      .execute();
    const disabled = (await call(bob, "GET", `/webhooks/${created.id}`)).json();
    expect(disabled).toMatchObject({ active: false, disabledReason: "failing_for_24h" });
    expect(disabled.failingSince).toBe(since.toISOString());
    const res = await call(bob, "PATCH", `/webhooks/${created.id}`, { active: true });
    expect(res.json()).toMatchObject({
      active: true,
      failingSince: null,
      disabledAt: null,
      disabledReason: null,
    });
  });

  it("deletes: gone from reads and lists, audited", async () => {
    const created = await subscribe(ctx, bob, { url: URL, eventTypes: ["ticket.created"] });
    const res = await call(bob, "DELETE", `/webhooks/${created.id}`);
    expect(res.statusCode).toBe(204);
    expect((await call(bob, "GET", `/webhooks/${created.id}`)).statusCode).toBe(404);
    expect((await call(bob, "DELETE", `/webhooks/${created.id}`)).statusCode).toBe(404);
    const list = (await call(bob, "GET", "/webhooks?limit=100")).json();
    expect(list.items.map((s: Json) => s.id)).not.toContain(created.id);
    const actions = await ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", created.id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["webhook.created", "webhook.deleted"]);
  });

  it("pages the list newest first and caps subscriptions per account", async () => {
    const owner = await createCustomer(ctx.db);
    const ids: string[] = [];
    for (let i = 0; i < MAX_SUBSCRIPTIONS; i++) {
      ids.push(
        (await subscribe(ctx, owner, { url: `${URL}/${i}`, eventTypes: ["ticket.created"] })).id,
      );
    }
    const over = await call(owner, "POST", "/webhooks", {
      url: URL,
      eventTypes: ["ticket.created"],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe("webhook_limit_reached");

    const seen: Json[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: Json = (await call(owner, "GET", `/webhooks?limit=7${query}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((s) => s.id).sort()).toEqual([...ids].sort());
    const times = seen.map((s) => Date.parse(s.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const bad = await call(owner, "GET", "/webhooks?cursor=bm90LWEtY3Vyc29y");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("invalid_cursor");
  });
});
