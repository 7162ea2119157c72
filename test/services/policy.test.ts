import { beforeAll, describe, expect, it } from "vitest";
import type { ContactRole } from "../../src/db/schema.ts";
import {
  can,
  contactRolePolicy,
  SERVICE_ACTIONS,
  type ServiceAction,
} from "../../src/modules/services/policy.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import type { TestService } from "../helpers/factories.ts";
import {
  CALLERS,
  type Caller,
  type Cast,
  createCast,
  createManagedService,
  headersOf,
} from "./fixtures.ts";

// The published contract of contact roles: every action, every role, nothing implicit.
const ROLE_MATRIX: Record<ServiceAction, Record<ContactRole, boolean>> = {
  "service.read": { admin: true, tech: true, billing: true },
  "service.contacts.read": { admin: true, tech: true, billing: true },
  "service.update": { admin: true, tech: false, billing: false },
  "contact_change.read": { admin: true, tech: true, billing: true },
  "contact_change.request.admin": { admin: true, tech: false, billing: false },
  "contact_change.request.tech": { admin: true, tech: true, billing: false },
  "contact_change.request.billing": { admin: true, tech: false, billing: true },
  "ticket.technical.open": { admin: true, tech: true, billing: false },
  "ticket.billing.open": { admin: true, tech: false, billing: true },
  "infra_logs.read": { admin: true, tech: true, billing: false },
  "abuse.answer": { admin: true, tech: true, billing: false },
  "billing.read": { admin: true, tech: false, billing: true },
  "service.provision": { admin: false, tech: false, billing: false },
  "service.operate": { admin: false, tech: false, billing: false },
};

describe("contact-role policy table", () => {
  it("covers every action", () => {
    expect(Object.keys(ROLE_MATRIX).sort()).toEqual([...SERVICE_ACTIONS].sort());
  });

  const cases = SERVICE_ACTIONS.flatMap((action) =>
    (["admin", "tech", "billing"] as const).map((role) => ({
      action,
      role,
      allowed: ROLE_MATRIX[action][role],
    })),
  );
  it.each(cases)("$role → $action: $allowed", ({ action, role, allowed }) => {
    expect(can([role], action)).toBe(allowed);
    expect(contactRolePolicy[role].includes(action)).toBe(allowed);
  });

  it("grants the union of several roles and nothing to no role", () => {
    expect(can(["tech", "billing"], "billing.read")).toBe(true);
    expect(can(["tech", "billing"], "contact_change.request.admin")).toBe(false);
    expect(can([], "service.read")).toBe(false);
  });
});

type Expect = number | "listed" | "absent";

/** HTTP policy: each endpoint × each caller, on a partner-managed vps (server universe). */
const HTTP_TABLE: { endpoint: string; expect: Record<Caller, Expect> }[] = [
  {
    endpoint: "GET /services (membership)",
    expect: {
      admin: "listed",
      tech: "listed",
      billing: "listed",
      unrelated: "absent",
      anonymous: 401,
      agentIn: "listed",
      agentOut: "absent",
      lead: "listed",
      staffAdmin: "listed",
    },
  },
  ...[
    "GET /services/{name}",
    "GET /services/{name}/contacts",
    "GET /services/{name}/contact-changes",
  ].map((endpoint) => ({
    endpoint,
    expect: {
      admin: 200,
      tech: 200,
      billing: 200,
      unrelated: 404,
      anonymous: 401,
      agentIn: 200,
      agentOut: 404,
      lead: 200,
      staffAdmin: 200,
    } as Record<Caller, Expect>,
  })),
  {
    endpoint: "POST /services/{name}/contact-changes billing",
    expect: {
      admin: 201,
      tech: 422,
      billing: 201,
      unrelated: 404,
      anonymous: 401,
      agentIn: 403,
      agentOut: 404,
      lead: 403,
      staffAdmin: 201,
    },
  },
  {
    endpoint: "POST /services/{name}/contact-changes tech",
    expect: {
      admin: 201,
      tech: 201,
      billing: 422,
      unrelated: 404,
      anonymous: 401,
      agentIn: 403,
      agentOut: 404,
      lead: 403,
      staffAdmin: 201,
    },
  },
  {
    endpoint: "POST /services/{name}/contact-changes admin",
    expect: {
      admin: 201,
      tech: 422,
      billing: 422,
      unrelated: 404,
      anonymous: 401,
      agentIn: 403,
      agentOut: 404,
      lead: 403,
      staffAdmin: 201,
    },
  },
  {
    endpoint: "PATCH /services/{name}",
    expect: {
      admin: 403,
      tech: 403,
      billing: 403,
      unrelated: 404,
      anonymous: 401,
      agentIn: 403,
      agentOut: 404,
      lead: 403,
      staffAdmin: 200,
    },
  },
];

describe("service and contact endpoints × callers", () => {
  let ctx: TestContext;
  let cast: Cast;
  let shared: TestService;

  beforeAll(async () => {
    ctx = await testContext();
    cast = await createCast(ctx.db);
    shared = await createManagedService(ctx.db, cast);
  });

  async function call(endpoint: string, caller: Caller) {
    const headers = headersOf(cast, caller);
    const [method = "GET", path = ""] = endpoint.split(" ");
    // Each write gets a service of its own, so one caller's success does not block the next.
    const service = method === "GET" ? shared : await createManagedService(ctx.db, cast);
    const url = `/api/v1${path.replace("{name}", service.name)}`;
    if (endpoint.startsWith("GET /services (membership)")) {
      return {
        service,
        res: await ctx.app.inject({
          method: "GET",
          url: `/api/v1/services?q=${service.name}`,
          headers,
        }),
      };
    }
    if (method === "POST") {
      const role = endpoint.split(" ")[2];
      const payload = { role, toNicHandle: cast.newcomer.account.nic };
      return { service, res: await ctx.app.inject({ method: "POST", url, headers, payload }) };
    }
    if (method === "PATCH") {
      const payload = { status: "suspended" };
      return { service, res: await ctx.app.inject({ method: "PATCH", url, headers, payload }) };
    }
    return { service, res: await ctx.app.inject({ method: "GET", url, headers }) };
  }

  const cases = HTTP_TABLE.flatMap((row) =>
    CALLERS.map((caller) => ({ endpoint: row.endpoint, caller, expected: row.expect[caller] })),
  );

  it.each(cases)("$endpoint as $caller → $expected", async ({ endpoint, caller, expected }) => {
    const { service, res } = await call(endpoint, caller);
    if (expected === "listed" || expected === "absent") {
      expect(res.statusCode).toBe(200);
      const names = res.json().items.map((item: { name: string }) => item.name);
      expect(names.includes(service.name)).toBe(expected === "listed");
      return;
    }
    expect(res.statusCode, res.body).toBe(expected);
    if (expected >= 400) {
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const code = res.json().code;
      const codes: Record<number, string[]> = {
        401: ["unauthenticated"],
        403: ["forbidden"],
        404: ["not_found"],
        422: ["role_not_transferable"],
      };
      expect(codes[expected]).toContain(code);
      // A refused write changed nothing.
      if (endpoint.startsWith("POST")) {
        const open = await ctx.db
          .selectFrom("contact_changes")
          .select("id")
          .where("service_id", "=", service.id)
          .execute();
        expect(open).toHaveLength(0);
      }
      if (endpoint.startsWith("PATCH")) {
        const row = await ctx.db
          .selectFrom("services")
          .select("status")
          .where("id", "=", service.id)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe("active");
      }
    } else if (endpoint.startsWith("POST")) {
      expect(res.json()).toMatchObject({ serviceName: service.name, state: "todo" });
    } else if (endpoint.startsWith("PATCH")) {
      expect(res.json().status).toBe("suspended");
    } else if (endpoint === "GET /services/{name}") {
      expect(res.json().name).toBe(service.name);
    } else if (endpoint === "GET /services/{name}/contacts") {
      expect(res.json().admin.nicHandle).toBe(cast.admin.account.nic);
    }
  });

  it("reports the caller's own roles in myRoles", async () => {
    for (const caller of ["admin", "tech", "billing"] as const) {
      const res = await ctx.app.inject({
        method: "GET",
        url: `/api/v1/services/${shared.name}`,
        headers: cast[caller].auth,
      });
      expect(res.json().myRoles).toEqual([caller]);
    }
    const staff = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/services/${shared.name}`,
      headers: cast.lead.auth,
    });
    expect(staff.json().myRoles).toEqual([]);
  });
});
