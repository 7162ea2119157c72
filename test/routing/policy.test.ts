import { beforeAll, describe, expect, it } from "vitest";
import {
  mayDo,
  mayUnassign,
  ROUTING_ACTIONS,
  type RoutingAction,
  routingPolicy,
} from "../../src/modules/routing/policy.ts";
import type { TestContext } from "../helpers/context.ts";
import {
  type Crew,
  type CrewMember,
  customerWith,
  openRussian,
  type RoutingCustomer,
  routingOf,
  routingWorld,
} from "../helpers/routing-factories.ts";
import { type Json, postOk } from "../helpers/ticket-factories.ts";

describe("routing policy table: role × action", () => {
  const expected: Record<RoutingAction, string> = {
    "queue.read": "agent lead admin",
    "ticket.assign": "lead admin",
    "ticket.take": "agent lead",
    "ticket.unassign": "lead admin",
    "ticket.escalate": "agent lead admin",
    "answer.rate": "customer",
    "quality.read": "lead admin",
  };
  const staff = (role: "agent" | "lead" | "admin", staffId = "s") => ({
    kind: "staff" as const,
    staffId,
    email: "s@palier.test",
    name: "S",
    role,
    tier: "L1" as const,
    universes: ["server"],
    region: "EU",
  });
  it.each(ROUTING_ACTIONS)("%s", (action) => {
    expect(routingPolicy[action].join(" ")).toBe(expected[action]);
    for (const role of ["agent", "lead", "admin"] as const) {
      expect(mayDo(staff(role), action)).toBe(expected[action].includes(role));
    }
  });
  it("lets an agent release only its own tickets", () => {
    expect(mayUnassign(staff("agent", "me"), "me")).toBe(true);
    expect(mayUnassign(staff("agent", "me"), "someone")).toBe(false);
    expect(mayUnassign(staff("agent", "me"), null)).toBe(false);
    expect(mayUnassign(staff("lead", "me"), "someone")).toBe(true);
  });
});

type Role = "anonymous" | "customer" | "outsider" | "agent" | "lead" | "admin";
const ROLES: Role[] = ["anonymous", "customer", "outsider", "agent", "lead", "admin"];

interface Call {
  method: "GET" | "POST";
  url: string;
  payload?: unknown;
}

describe("routing endpoints × callers", () => {
  const world = routingWorld();
  let ctx: TestContext;
  let crew: Crew;
  let customer: RoutingCustomer;
  let cast: Record<Exclude<Role, "anonymous" | "customer">, CrewMember>;

  beforeAll(async () => {
    ({ ctx, crew } = world);
    customer = await customerWith(ctx.db, { universe: "server", level: "standard" });
  });

  /** Staff are made per test (each test's crew retires at its end). */
  async function hire() {
    cast = {
      outsider: await crew.add({ tier: "L1", universes: ["market"] }),
      agent: await crew.add({ tier: "L1", universes: ["server"] }),
      lead: await crew.add({ role: "lead", tier: "L1", universes: ["server"] }),
      admin: await crew.add({ role: "admin", tier: "L3", universes: [] }),
    };
  }

  /** A Standard ticket on the customer's server, waiting unassigned in its queue. */
  async function fresh(): Promise<string> {
    const { number } = await openRussian(ctx, customer);
    await ctx.db
      .updateTable("tickets")
      .set({ assigned_staff_id: null })
      .where("id", "=", (await routingOf(ctx.db, number)).id)
      .execute();
    return number;
  }

  function headers(role: Role) {
    if (role === "anonymous") return {};
    if (role === "customer") return customer.user.auth;
    return cast[role].auth;
  }

  async function status(role: Role, call: Call): Promise<number> {
    const res = await ctx.app.inject({
      method: call.method,
      url: `/api/v1${call.url}`,
      headers: headers(role),
      ...(call.payload === undefined ? {} : { payload: call.payload as Record<string, unknown> }),
    });
    return res.statusCode;
  }

  const table: [string, () => Promise<Call>, Record<Role, number>][] = [
    [
      "GET /queues",
      async () => ({ method: "GET", url: "/queues" }),
      { anonymous: 401, customer: 403, outsider: 200, agent: 200, lead: 200, admin: 200 },
    ],
    [
      "GET /queues/mine",
      async () => ({ method: "GET", url: "/queues/mine" }),
      { anonymous: 401, customer: 403, outsider: 200, agent: 200, lead: 200, admin: 200 },
    ],
    [
      "GET /queues/{universe}/{tier}/{language}/tickets",
      async () => ({ method: "GET", url: "/queues/server/L1/ru/tickets" }),
      { anonymous: 401, customer: 403, outsider: 403, agent: 200, lead: 200, admin: 200 },
    ],
    [
      "POST /tickets/{number}/assign",
      async () => ({
        method: "POST",
        url: `/tickets/${await fresh()}/assign`,
        payload: { staffId: cast.agent.id },
      }),
      { anonymous: 401, customer: 403, outsider: 404, agent: 403, lead: 200, admin: 200 },
    ],
    [
      "POST /tickets/{number}/take",
      async () => ({ method: "POST", url: `/tickets/${await fresh()}/take` }),
      { anonymous: 401, customer: 403, outsider: 404, agent: 200, lead: 200, admin: 403 },
    ],
    [
      "POST /tickets/{number}/unassign (held by someone else)",
      async () => {
        const number = await fresh();
        await postOk(ctx, cast.lead, `/tickets/${number}/assign`, { staffId: cast.lead.id }, 200);
        return { method: "POST", url: `/tickets/${number}/unassign` };
      },
      { anonymous: 401, customer: 403, outsider: 404, agent: 403, lead: 200, admin: 200 },
    ],
    [
      "POST /tickets/{number}/escalate",
      async () => ({
        method: "POST",
        url: `/tickets/${await fresh()}/escalate`,
        payload: { summary: "Needs L2." },
      }),
      { anonymous: 401, customer: 403, outsider: 404, agent: 200, lead: 200, admin: 200 },
    ],
    [
      "GET /tickets/{number}/escalations",
      async () => ({ method: "GET", url: `/tickets/${await fresh()}/escalations` }),
      { anonymous: 401, customer: 403, outsider: 404, agent: 200, lead: 200, admin: 200 },
    ],
    [
      "POST /tickets/{number}/messages/{messageId}/rating",
      async () => {
        const number = await fresh();
        const answer: Json = await postOk(ctx, cast.agent, `/tickets/${number}/messages`, {
          body: "An answer.",
        });
        return {
          method: "POST",
          url: `/tickets/${number}/messages/${answer.id}/rating`,
          payload: { rating: "solved" },
        };
      },
      { anonymous: 401, customer: 201, outsider: 404, agent: 403, lead: 403, admin: 403 },
    ],
    [
      "GET /quality/agents",
      async () => ({ method: "GET", url: "/quality/agents" }),
      { anonymous: 401, customer: 403, outsider: 403, agent: 403, lead: 200, admin: 200 },
    ],
    [
      "GET /quality/teams",
      async () => ({ method: "GET", url: "/quality/teams" }),
      { anonymous: 401, customer: 403, outsider: 403, agent: 403, lead: 200, admin: 200 },
    ],
  ];

  it.each(table)("%s", async (_name, prepare, expected) => {
    await hire();
    const got: Record<string, number> = {};
    for (const role of ROLES) got[role] = await status(role, await prepare());
    expect(got).toEqual(expected);
  });
});
