import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createCustomer,
  createStaff,
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

beforeAll(async () => {
  ctx = await testContext();
  alice = await createCustomer(ctx.db);
  bob = await createCustomer(ctx.db);
  admin = await createStaff(ctx.db, { role: "admin" });
});

const call = (as: Caller, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: Json) =>
  callApi(ctx, as, method, url, body);

const ticketTypes = ["ticket.created", "ticket.message.created"];

describe("creating a subscription", () => {
  it("shows the secret once, stores it sealed, and audits without it", async () => {
    const created = await subscribe(ctx, alice, {
      url: URL,
      eventTypes: ticketTypes,
      description: "helpdesk sync",
    });
    expect(created).toMatchObject({
      scope: "account",
      nicHandle: alice.account.nic,
      url: URL,
      eventTypes: ticketTypes,
      description: "helpdesk sync",
      active: true,
      failingSince: null,
      disabledAt: null,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const row = await ctx.db
      .selectFrom("webhook_subscriptions")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(created.secret);
    expect(ctx.keys.decrypt(row.secret_sealed)).toBe(created.secret);
    expect(row.created_by_user_id).toBe(alice.id);

    const read = await call(alice, "GET", `/webhooks/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty("secret");
    const list = await call(alice, "GET", "/webhooks");
    expect(list.json().items.map((s: Json) => s.id)).toContain(created.id);
    expect(list.body).not.toContain(created.secret);

    const audit = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_id", "=", created.id)
      .execute();
    expect(audit.map((a) => [a.action, a.account_id])).toEqual([
      ["webhook.created", alice.account.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain(created.secret);
  });

  it("never stores the secret for an Idempotency-Key replay", async () => {
    const key = randomUUID();
    const send = () =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/webhooks",
        headers: { ...alice.auth, "idempotency-key": key },
        payload: { url: URL, eventTypes: ["ticket.created"] },
      });
    const first = await send();
    expect(first.statusCode).toBe(201);
    const secret = first.json().secret as string;
    const replay = await send();
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(first.json().id);
    expect(replay.json()).not.toHaveProperty("secret");
    const stored = await ctx.db
      .selectFrom("idempotency_keys")
      .select("response_body")
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.response_body)).not.toContain(secret);
  });

  it("rotates the secret: the new one is shown once and replaces the old", async () => {
    const created = await subscribe(ctx, alice, { url: URL, eventTypes: ["ticket.created"] });
    const res = await call(alice, "POST", `/webhooks/${created.id}/rotate-secret`);
    expect(res.statusCode).toBe(200);
    const rotated = res.json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    const row = await ctx.db
      .selectFrom("webhook_subscriptions")
      .select("secret_sealed")
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(ctx.keys.decrypt(row.secret_sealed)).toBe(rotated.secret);
    expect((await call(alice, "GET", `/webhooks/${created.id}`)).json()).not.toHaveProperty(
      "secret",
    );
  });

  it("makes a staff admin's subscription global, with staff-only events allowed", async () => {
    const created = await subscribe(ctx, admin, {
      url: URL,
      eventTypes: ["sla.breached", "ticket.escalated"],
    });
    expect(created).toMatchObject({ scope: "global", nicHandle: null });
    await call(admin, "DELETE", `/webhooks/${created.id}`);
  });
});

describe("validation", () => {
  async function refused(body: Json, field: string, as: Caller = alice) {
    const res = await call(as, "POST", "/webhooks", body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const problem = res.json();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.map((e: Json) => e.field)).toContain(field);
    return problem;
  }

  it("refuses URLs that are not https, carry credentials or cannot be parsed", async () => {
    for (const url of [
      "not a url",
      "ftp://files.example.test/hook",
      "http://hooks.example.test/palier",
      "http://10.0.0.8/hook",
      "https://user:secret@hooks.example.test/palier",
      "https://hooks.example.test/palier#part",
      "javascript:alert(1)",
    ]) {
      await refused({ url, eventTypes: ["ticket.created"] }, "url");
    }
    await refused(
      { url: `https://x.test/${"a".repeat(2050)}`, eventTypes: ["ticket.created"] },
      "url",
    );
  });

  it("accepts plain http for a receiver on this machine", async () => {
    for (const url of ["http://localhost:8080/hook", "http://127.0.0.1:9000/hook"]) {
      const created = await subscribe(ctx, bob, { url, eventTypes: ["ticket.created"] });
      expect(created.url).toBe(url);
      await call(bob, "DELETE", `/webhooks/${created.id}`);
    }
  });

  it("names the event type field for unknown, missing, repeated or staff-only types", async () => {
    const unknown = await refused({ url: URL, eventTypes: ["ticket.deleted"] }, "eventTypes.0");
    expect(unknown.errors[0].message).toContain('"ticket.created"');
    await refused({ url: URL, eventTypes: [] }, "eventTypes");
    await refused({ url: URL }, "eventTypes");
    await refused({ url: URL, eventTypes: ["ticket.created", "ticket.created"] }, "eventTypes");
    await refused({ url: URL, eventTypes: ["ping"] }, "eventTypes.0");
    const staffOnly = await refused({ url: URL, eventTypes: ["sla.breached"] }, "eventTypes");
    expect(staffOnly.detail).toContain("staff");
  });

  it("refuses unknown fields and an empty change", async () => {
    await refused({ url: URL, eventTypes: ["ticket.created"], secret: "mine" }, "secret");
    const created = await subscribe(ctx, alice, { url: URL, eventTypes: ["ticket.created"] });
    const empty = await call(alice, "PATCH", `/webhooks/${created.id}`, {});
    expect(empty.statusCode).toBe(400);
    const bad = await call(alice, "PATCH", `/webhooks/${created.id}`, { url: "http://a.test/" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("url");
  });
});

describe("OpenAPI", () => {
  it("documents every webhook endpoint", async () => {
    const doc = (await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const methods = (path: string) => Object.keys(doc.paths[`/api/v1${path}`] ?? {}).sort();
    expect(methods("/webhooks")).toEqual(["get", "post"]);
    expect(methods("/webhooks/{id}")).toEqual(["delete", "get", "patch"]);
    expect(methods("/webhooks/{id}/rotate-secret")).toEqual(["post"]);
    expect(methods("/webhooks/{id}/ping")).toEqual(["post"]);
    expect(methods("/webhooks/{id}/deliveries")).toEqual(["get"]);
    const body = doc.paths["/api/v1/webhooks"].post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["url", "eventTypes"]);
    expect(JSON.stringify(body.properties.eventTypes)).toContain("contact_change.refused");
  });
});
