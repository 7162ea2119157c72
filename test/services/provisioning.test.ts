import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createCustomer,
  createService,
  createStaff,
  type TestStaff,
  type TestUser,
  uniqueSuffix,
} from "../helpers/factories.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await testContext();
});

function get(url: string, headers: Record<string, string>) {
  return ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers });
}

describe("service name and body validation", () => {
  let staffAdmin: TestStaff;
  let owner: TestUser;
  beforeAll(async () => {
    staffAdmin = await createStaff(ctx.db, { role: "admin" });
    owner = await createCustomer(ctx.db);
  });

  it("rejects a malformed service name naming serviceName, and accepts any case", async () => {
    for (const bad of ["-starts-with-dash", "under_score", "ends-with-dot.", "a%20b"]) {
      const res = await get(`/services/${bad}`, owner.auth);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: "serviceName", in: "params" });
    }
    const long = await get(`/services/${"a".repeat(254)}`, owner.auth);
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe("serviceName");
    // The longest valid name reaches the service layer (and is simply unknown here).
    const longest = await get(`/services/${"a".repeat(253)}`, owner.auth);
    expect(longest.statusCode).toBe(404);
    const service = await createService(ctx.db, { admin: owner.account });
    const upper = await get(`/services/${service.name.toUpperCase()}`, owner.auth);
    expect(upper.statusCode).toBe(200);
    expect(upper.json().name).toBe(service.name);
    const contacts = await get(`/services/${service.name.toUpperCase()}/contacts`, owner.auth);
    expect(contacts.statusCode).toBe(200);
  });

  function provision(
    body: Record<string, unknown>,
    headers: Record<string, string> = staffAdmin.auth,
  ) {
    return ctx.app.inject({ method: "POST", url: "/api/v1/services", headers, payload: body });
  }

  const validBody = (overrides: Record<string, unknown> = {}) => ({
    name: `prov-${uniqueSuffix()}.ip-51-91-0.eu`,
    product: "dedicated-server",
    region: "EU",
    datacenter: "rbx8",
    contacts: {
      admin: owner.account.nic,
      tech: owner.account.nic,
      billing: owner.account.nic,
    },
    ...overrides,
  });

  it("provisions a service with resources stored as networks, audited", async () => {
    const body = validBody({
      resources: [
        { kind: "ipv4", value: "198.51.100.23" },
        { kind: "ipv6", value: "2001:DB8::1" },
        { kind: "ip-range", value: "198.51.100.0/24" },
        { kind: "ip-range", value: "2001:db8:ab00::/40" },
        { kind: "domain", value: "Example.COM" },
        { kind: "hostname", value: "ns1.example.com" },
      ],
    });
    const res = await provision(body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: body.name, direct: true, status: "active" });
    const stored = await ctx.db
      .selectFrom("service_resources")
      .innerJoin("services", "services.id", "service_resources.service_id")
      .select(["kind", "value", "network"])
      .where("services.name", "=", body.name)
      .orderBy("value")
      .execute();
    expect(stored).toEqual(
      expect.arrayContaining([
        { kind: "ipv4", value: "198.51.100.23", network: "198.51.100.23/32" },
        { kind: "ipv6", value: "2001:db8::1", network: "2001:db8::1/128" },
        { kind: "ip-range", value: "198.51.100.0/24", network: "198.51.100.0/24" },
        { kind: "ip-range", value: "2001:db8:ab00::/40", network: "2001:db8:ab00::/40" },
        { kind: "domain", value: "example.com", network: null },
        { kind: "hostname", value: "ns1.example.com", network: null },
      ]),
    );
    // The cidr column answers containment queries, which abuse matching will rely on.
    const inside = await ctx.db
      .selectFrom("service_resources")
      .select("value")
      .where("kind", "=", "ip-range")
      .where(sql<boolean>`network >>= ${"198.51.100.77"}::inet`)
      .execute();
    expect(inside.map((r) => r.value)).toContain("198.51.100.0/24");
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_kind", "account_id"])
      .where("action", "=", "service.provisioned")
      .where("account_id", "=", owner.account.id)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit[0]?.actor_kind).toBe("staff");
  });

  it("names the offending field for bad resources, products, regions and contacts", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ resources: [{ kind: "ipv4", value: "300.1.2.3" }] }, 400, "resources.0.value"],
      [{ resources: [{ kind: "ipv4", value: "2001:db8::1" }] }, 400, "resources.0.value"],
      [
        {
          resources: [
            { kind: "domain", value: "ok.example" },
            { kind: "ipv6", value: "fe80::1%eth0" },
          ],
        },
        400,
        "resources.1.value",
      ],
      [{ resources: [{ kind: "ip-range", value: "10.0.0.1/24" }] }, 400, "resources.0.value"],
      [{ resources: [{ kind: "ip-range", value: "10.0.0.0/33" }] }, 400, "resources.0.value"],
      [{ resources: [{ kind: "ip-range", value: "10.0.0.0" }] }, 400, "resources.0.value"],
      [{ resources: [{ kind: "ip-range", value: "2001:db8::1/64" }] }, 400, "resources.0.value"],
      [{ resources: [{ kind: "domain", value: "-bad-.com" }] }, 400, "resources.0.value"],
      [{ resources: [{ kind: "hostname", value: "localhost" }] }, 400, "resources.0.value"],
      [
        {
          resources: [
            { kind: "domain", value: "dup.example" },
            { kind: "domain", value: "DUP.example" },
          ],
        },
        400,
        "resources.1.value",
      ],
      [{ resources: [{ kind: "mac", value: "aa:bb" }] }, 400, "resources.0.kind"],
      [{ product: "teleporter" }, 422, "product"],
      [{ region: "ZZ" }, 422, "region"],
      [{ name: "Bad_Name" }, 400, "name"],
      [{ datacenter: "" }, 400, "datacenter"],
      [{ colour: "blue" }, 400, "colour"],
    ];
    for (const [overrides, status, field] of cases) {
      const res = await provision(validBody(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(status);
      expect(res.json().errors[0].field, JSON.stringify(overrides)).toBe(field);
    }
    const unknownNic = await provision(
      validBody({
        contacts: { admin: owner.account.nic, tech: "zz999999-pal", billing: owner.account.nic },
      }),
    );
    expect(unknownNic.statusCode).toBe(422);
    expect(unknownNic.json().errors[0].field).toBe("contacts.tech");
    const missing = await provision({ name: "x.test" });
    expect(missing.statusCode).toBe(400);
  });

  it("refuses a duplicate name and writes nothing half-way", async () => {
    const body = validBody({ resources: [{ kind: "ipv4", value: "192.0.2.10" }] });
    expect((await provision(body)).statusCode).toBe(201);
    const again = await provision({ ...body, name: body.name.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "already_exists", errors: [{ field: "name" }] });
    const bad = validBody({
      resources: [
        { kind: "ipv4", value: "192.0.2.11" },
        { kind: "ipv4", value: "192.0.2.256" },
      ],
    });
    expect((await provision(bad)).statusCode).toBe(400);
    const leftover = await ctx.db
      .selectFrom("services")
      .select("id")
      .where("name", "=", bad.name)
      .execute();
    expect(leftover).toHaveLength(0);
  });

  it("lets only staff admins provision", async () => {
    const agent = await createStaff(ctx.db, { role: "agent" });
    expect((await provision(validBody(), agent.auth)).statusCode).toBe(403);
    expect((await provision(validBody(), owner.auth)).statusCode).toBe(403);
    expect((await provision(validBody(), {})).statusCode).toBe(401);
  });

  it("lets staff admins change status and datacenter, audited with both values", async () => {
    const service = await createService(ctx.db, { admin: owner.account });
    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/services/${service.name}`,
      headers: staffAdmin.auth,
      payload: { status: "suspended", datacenter: "sbg3" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "suspended", datacenter: "sbg3" });
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["details"])
      .where("action", "=", "service.updated")
      .where("subject_id", "=", service.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      status: { from: "active", to: "suspended" },
      datacenter: { from: "gra1", to: "sbg3" },
    });
    const empty = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/services/${service.name}`,
      headers: staffAdmin.auth,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const bad = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/services/${service.name}`,
      headers: staffAdmin.auth,
      payload: { status: "asleep" },
    });
    expect(bad.json().errors[0].field).toBe("status");
  });
});
