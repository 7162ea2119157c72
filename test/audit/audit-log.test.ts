import { beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/modules/accounts/service.ts";
import { type Cast, createCast, ROLES, type Role } from "../accounts/cast.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createUser } from "../helpers/factories.ts";

interface Entry {
  id: number;
  at: string;
  actor: { kind: string; id: string | null; label: string };
  action: string;
  subject: { kind: string; id: string };
  account: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

describe("audit log", () => {
  let ctx: TestContext;
  let cast: Cast;
  let renameRequestId: string;
  let startedAt: string;

  async function read(role: Role | { authorization: string }, query = "") {
    const headers = typeof role === "string" ? cast.headers(role) : role;
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/audit-log${query}`, headers });
    return res;
  }

  async function entries(role: Role, query: string): Promise<Entry[]> {
    const res = await read(role, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  beforeAll(async () => {
    ctx = await testContext();
    startedAt = new Date(Date.now() - 1000).toISOString();
    cast = await createCast(ctx.db);
    // One change by a user of the account, one by a staff admin, one to another account.
    const byMember = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/accounts/${cast.account.nic}`,
      headers: { ...cast.member.auth, "x-request-id": "audit-rename-1" },
      payload: { name: "Audited Name" },
    });
    expect(byMember.statusCode).toBe(200);
    renameRequestId = byMember.headers["x-request-id"] as string;
    const byAdmin = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/accounts/${cast.account.nic}`,
      headers: cast.admin.auth,
      payload: { programme: "technical-partner", certifiedAt: "2022-09-01" },
    });
    expect(byAdmin.statusCode).toBe(200);
    const otherNic = cast.other.account.nic;
    const onOther = await ctx.app.inject({
      method: "PATCH",
      url: `/api/v1/accounts/${otherNic}`,
      headers: cast.other.auth,
      payload: { language: "fr" },
    });
    expect(onOther.statusCode).toBe(200);
  });

  it.each([
    ["anonymous", 401],
    ["member", 200],
    ["other", 200],
    ["agent", 403],
    ["lead", 200],
    ["admin", 200],
  ] as [Role, number][])("GET /audit-log as %s → %i", async (role, status) => {
    expect(ROLES).toContain(role);
    const res = await read(role, "?limit=5");
    expect(res.statusCode).toBe(status);
    if (status === 403) expect(res.json().code).toBe("forbidden");
    if (status === 401) expect(res.json().code).toBe("unauthenticated");
  });

  it("shows who did what, when, from where, with the request id and details", async () => {
    const [entry] = await entries("lead", `?subjectId=${cast.account.nic}&action=account.updated`);
    const list = await entries("lead", `?account=${cast.account.nic}&action=account.updated`);
    expect(list.map((e) => e.actor.kind)).toEqual(["staff", "user"]);
    expect(entry?.actor).toEqual({
      kind: "staff",
      id: cast.admin.id,
      label: `${cast.admin.email} (staff admin)`,
    });
    const rename = list[1];
    expect(rename).toMatchObject({
      actor: {
        kind: "user",
        id: cast.member.id,
        label: `${cast.member.email} (${cast.account.nic})`,
      },
      action: "account.updated",
      subject: { kind: "account", id: cast.account.nic },
      account: cast.account.nic,
      ip: "127.0.0.1",
      requestId: renameRequestId,
      details: { changes: { name: { to: "Audited Name" } } },
    });
    expect(Date.parse(rename?.at ?? "")).toBeGreaterThanOrEqual(Date.parse(startedAt));
  });

  it("shows a customer only the entries about their own account", async () => {
    const mine = await entries("member", "?limit=100");
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((e) => e.account === cast.account.nic)).toBe(true);
    const theirs = await entries("other", "?limit=100");
    expect(theirs.every((e) => e.account === cast.other.account.nic)).toBe(true);
    expect(theirs.map((e) => e.action)).toContain("account.updated");
    // Asking for someone else's account yields nothing, and says nothing about its existence.
    expect(await entries("member", `?account=${cast.other.account.nic}`)).toEqual([]);
    expect(await entries("member", "?account=zz1-pal")).toEqual([]);
    expect(await entries("member", `?subjectId=${cast.other.account.nic}`)).toEqual([]);
  });

  it("hides a staff member's id and address from customers, not from leads", async () => {
    const forCustomer = await entries("member", "?action=account.updated");
    const staffEntry = forCustomer.find((e) => e.actor.kind === "staff");
    expect(staffEntry?.actor).toMatchObject({
      id: null,
      label: `${cast.admin.email} (staff admin)`,
    });
    expect(staffEntry?.ip).toBeNull();
    const userEntry = forCustomer.find((e) => e.actor.kind === "user");
    expect(userEntry?.ip).toBe("127.0.0.1");
    const forLead = await entries("lead", `?account=${cast.account.nic}&action=account.updated`);
    expect(forLead[0]?.actor.id).toBe(cast.admin.id);
    expect(forLead[0]?.ip).toBe("127.0.0.1");
  });

  it("filters by subject kind and by time window", async () => {
    const users = await entries("admin", `?account=${cast.account.nic}&subjectKind=user`);
    expect(users).toEqual([]);
    const created = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/accounts/${cast.account.nic}/users`,
      headers: cast.member.auth,
      payload: {
        email: `audited-${Date.now()}@example.test`,
        name: "A",
        password: "long-enough-pass",
      },
    });
    expect(created.statusCode).toBe(201);
    const afterCreate = await entries("admin", `?account=${cast.account.nic}&subjectKind=user`);
    expect(afterCreate.map((e) => [e.action, e.subject.id])).toEqual([
      ["user.created", created.json().id],
    ]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await entries("admin", `?account=${cast.account.nic}&from=${future}`)).toEqual([]);
    expect(await entries("admin", `?account=${cast.account.nic}&to=${startedAt}`)).toEqual([]);
    const window = await entries(
      "admin",
      `?account=${cast.account.nic}&from=${startedAt}&to=${future}`,
    );
    expect(window.length).toBe(3);
  });

  it("pages newest first by id without gaps or duplicates", async () => {
    const account = await createAccount(ctx.db, null, {
      kind: "company",
      name: "Paged Audit",
      region: "EU",
      language: "en",
    });
    const user = await createUser(ctx.db, { id: account.id, nic: account.nicHandle, region: "EU" });
    for (const name of ["One", "Two", "Three", "Four"]) {
      const res = await ctx.app.inject({
        method: "PATCH",
        url: `/api/v1/accounts/${account.nicHandle}`,
        headers: user.auth,
        payload: { name },
      });
      expect(res.statusCode).toBe(200);
    }
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await read(user.auth, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      ids.push(...res.json().items.map((e: Entry) => e.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(5);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(new Set(ids).size).toBe(5);
  });

  it("refuses bad filters naming them", async () => {
    const nic = await read("lead", "?account=NOPE");
    expect(nic.statusCode).toBe(400);
    expect(nic.json().errors[0]).toMatchObject({ field: "account", in: "query" });
    const date = await read("lead", "?from=yesterday");
    expect(date.json().errors[0]).toMatchObject({ field: "from", in: "query" });
    const forged = Buffer.from(JSON.stringify(["abc"])).toString("base64url");
    const cursor = await read("lead", `?cursor=${forged}`);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().code).toBe("invalid_cursor");
  });
});
