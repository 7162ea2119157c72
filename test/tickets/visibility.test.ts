import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestService,
  type TestStaff,
  type TestUser,
} from "../helpers/factories.ts";
import {
  get,
  type Json,
  openIncident,
  openTicket,
  post,
  postOk,
  ticketRow,
} from "../helpers/ticket-factories.ts";

let ctx: TestContext;
let owner: TestUser;
let partner: TestUser;
let billing: TestUser;
let managed: TestService;
let direct: TestService;
let agent: TestStaff;

const SECRET = "internal: customer is on a legacy kernel, do not promise a fix";

beforeAll(async () => {
  ctx = await testContext();
  owner = await createUser(ctx.db, await createAccount(ctx.db));
  partner = await createUser(
    ctx.db,
    await createAccount(ctx.db, { programme: "technical-partner" }),
  );
  billing = await createUser(ctx.db, await createAccount(ctx.db));
  managed = await createService(ctx.db, {
    admin: owner.account,
    tech: partner.account,
    billing: billing.account,
  });
  direct = await createService(ctx.db, { admin: owner.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
});

/** Every number in every page of GET /tickets for the caller and query. */
async function allNumbers(as: TestUser | TestStaff, query = "", limit = 2): Promise<string[]> {
  const numbers: string[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor ? `&cursor=${cursor}` : "";
    const res = await get(ctx, as, `/tickets?limit=${limit}${query}${after}`);
    expect(res.statusCode, res.body).toBe(200);
    const page: Json = res.json();
    numbers.push(...page.items.map((t: { number: string }) => t.number));
    cursor = page.nextCursor;
  } while (cursor);
  return numbers;
}

describe("internal notes never reach a customer", () => {
  it("is absent from the ticket, the messages, the list, the audit log and the note's files", async () => {
    const ticket = await openIncident(ctx, owner, managed, { subject: "Disk latency" });
    const upload = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/attachments?filename=trace.txt",
      headers: { ...agent.auth, "content-type": "text/plain" },
      payload: Buffer.from("strace output, staff eyes only"),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const attachmentId = upload.json().id;
    const note = await postOk(ctx, agent, `/tickets/${ticket.number}/notes`, {
      body: SECRET,
      attachments: [attachmentId],
    });
    expect(note.kind).toBe("internal");

    for (const customer of [owner, partner]) {
      const responses = [
        await get(ctx, customer, `/tickets/${ticket.number}`),
        await get(ctx, customer, `/tickets/${ticket.number}/messages`),
        await get(ctx, customer, "/tickets?limit=100"),
        await get(ctx, customer, `/tickets?q=${encodeURIComponent("Disk latency")}`),
        await get(ctx, customer, "/audit-log?limit=100"),
      ];
      for (const res of responses) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.body).not.toContain(SECRET);
        expect(res.body).not.toContain(note.id);
        expect(res.body).not.toContain(attachmentId);
        expect(res.body).not.toContain("internal");
      }
      const messages = responses[1]?.json();
      expect(messages.items.map((m: { kind: string }) => m.kind)).toEqual(["customer"]);
      const file = await get(
        ctx,
        customer,
        `/tickets/${ticket.number}/attachments/${attachmentId}`,
      );
      expect(file.statusCode).toBe(404);
    }

    // Staff read the note and its file.
    const staffView = (await get(ctx, agent, `/tickets/${ticket.number}/messages`)).json();
    const kinds = staffView.items.map((m: { kind: string }) => m.kind);
    expect(kinds).toEqual(["customer", "internal"]);
    expect(staffView.items[1].body).toBe(SECRET);
    expect(staffView.items[1].attachments[0].id).toBe(attachmentId);
    const file = await get(ctx, agent, `/tickets/${ticket.number}/attachments/${attachmentId}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe("strace output, staff eyes only");
  });

  it("does not move updated_at, so not even the time of a note leaks", async () => {
    const ticket = await openIncident(ctx, owner, direct);
    const before = (await get(ctx, owner, `/tickets/${ticket.number}`)).json().updatedAt;
    await postOk(ctx, agent, `/tickets/${ticket.number}/notes`, { body: "checking" });
    expect((await get(ctx, owner, `/tickets/${ticket.number}`)).json().updatedAt).toBe(before);
  });

  it("is refused to customers writing one", async () => {
    const ticket = await openIncident(ctx, owner, direct);
    const res = await post(ctx, owner, `/tickets/${ticket.number}/notes`, { body: "x" });
    expect(res.statusCode).toBe(403);
  });
});

describe("who sees which tickets", () => {
  let technical: string;
  let billingTicket: string;
  let partnerOwn: string;

  beforeAll(async () => {
    technical = (await openIncident(ctx, owner, managed)).number;
    billingTicket = (await openTicket(ctx, owner, { category: "billing", service: managed.name }))
      .number;
    partnerOwn = (await openIncident(ctx, partner, managed)).number;
  });

  it("shows the owner (admin) every ticket on its service, whoever opened it", async () => {
    const numbers = await allNumbers(owner, `&service=${managed.name}`);
    expect(numbers).toEqual(expect.arrayContaining([technical, billingTicket, partnerOwn]));
    expect((await get(ctx, owner, `/tickets/${partnerOwn}`)).statusCode).toBe(200);
  });

  it("shows the partner tech contact the technical tickets of its client's service, not billing", async () => {
    const numbers = await allNumbers(partner, `&service=${managed.name}`);
    expect(numbers).toEqual(expect.arrayContaining([technical, partnerOwn]));
    expect(numbers).not.toContain(billingTicket);
    expect((await get(ctx, partner, `/tickets/${technical}`)).statusCode).toBe(200);
    expect((await get(ctx, partner, `/tickets/${billingTicket}`)).statusCode).toBe(404);
    expect((await get(ctx, partner, `/tickets/${billingTicket}/messages`)).statusCode).toBe(404);
    // Nor does it see the owner's tickets on the owner's own direct service.
    const onDirect = (await openIncident(ctx, owner, direct)).number;
    expect(await allNumbers(partner, "", 100)).not.toContain(onDirect);
  });

  it("shows the billing contact the billing tickets only", async () => {
    const numbers = await allNumbers(billing, "", 100);
    expect(numbers).toContain(billingTicket);
    expect(numbers).not.toContain(technical);
    expect(numbers).not.toContain(partnerOwn);
    expect((await get(ctx, billing, `/tickets/${technical}`)).statusCode).toBe(404);
    // It may reply on the billing ticket, not on the technical one.
    await postOk(ctx, billing, `/tickets/${billingTicket}/messages`, { body: "Invoice attached." });
    const refused = await post(ctx, billing, `/tickets/${technical}/messages`, { body: "?" });
    expect(refused.statusCode).toBe(404);
  });

  it("lets staff read all, agents only their universes, and filter by assignment", async () => {
    const lead = await createStaff(ctx.db, { role: "lead", universes: [] });
    const marketAgent = await createStaff(ctx.db, { universes: ["market"] });
    expect((await get(ctx, lead, `/tickets/${technical}`)).statusCode).toBe(200);
    expect((await get(ctx, marketAgent, `/tickets/${technical}`)).statusCode).toBe(404);
    expect(await allNumbers(marketAgent, `&service=${managed.name}`)).toEqual([]);
    const serverNumbers = await allNumbers(agent, `&service=${managed.name}`);
    expect(serverNumbers).toEqual(expect.arrayContaining([technical, billingTicket, partnerOwn]));

    const row = await ticketRow(ctx.db, technical);
    // Routing may have given the agent other tickets at creation: only this one stays its own.
    await ctx.db
      .updateTable("tickets")
      .set({ assigned_staff_id: null })
      .where("assigned_staff_id", "=", agent.id)
      .execute();
    await ctx.db
      .updateTable("tickets")
      .set({ assigned_staff_id: agent.id })
      .where("id", "=", row.id)
      .execute();
    expect(await allNumbers(agent, "&assigned=me")).toEqual([technical]);
    const customerTries = await get(ctx, owner, "/tickets?assigned=me");
    expect(customerTries.statusCode).toBe(400);
    expect(customerTries.json().errors[0].field).toBe("assigned");
  });
});

describe("the list", () => {
  it("pages newest first without gaps or repeats, with filters", async () => {
    const account = await createAccount(ctx.db);
    const user = await createUser(ctx.db, account);
    const service = await createService(ctx.db, { admin: account });
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const ticket = await openIncident(ctx, user, service, {
        subject: i % 2 === 0 ? `Even ${i} 100%_done` : `Odd ${i}`,
        impact: i === 0 ? "high" : "low",
        urgency: i === 0 ? "high" : "low",
      });
      created.push(ticket.number);
    }
    const numbers = await allNumbers(user, "", 3);
    expect(numbers).toEqual([...created].reverse());

    expect(await allNumbers(user, "&severity=critical")).toEqual([created[0]]);
    expect(await allNumbers(user, "&q=odd")).toEqual([created[5], created[3], created[1]]);
    // LIKE wildcards in q are literal characters.
    expect(await allNumbers(user, `&q=${encodeURIComponent("100%_")}`)).toHaveLength(4);
    expect(await allNumbers(user, "&q=%25")).toHaveLength(4);
    expect(await allNumbers(user, "&status=solved")).toEqual([]);
    expect(await allNumbers(user, "&category=billing")).toEqual([]);
    expect(await allNumbers(user, "&service=no-such-service.example")).toEqual([]);

    const first = (await get(ctx, user, "/tickets?limit=2")).json();
    expect(first.items[0]).toMatchObject({
      number: created[6],
      serviceName: service.name,
      accountNic: account.nic,
      level: "standard",
      status: "open",
    });
    expect(first.items[0].staff).toBeUndefined();
    // Rows written with sub-millisecond times (by an import, say), some at the same instant,
    // still page without gaps or repeats.
    const ids = await ctx.db
      .selectFrom("tickets")
      .select("id")
      .where("service_id", "=", service.id)
      .execute();
    for (const [i, { id }] of ids.entries()) {
      const at = `2026-11-20T10:00:00.${i < 3 ? "123456" : `12345${i}`}Z`;
      await ctx.db
        .updateTable("tickets")
        .set({ created_at: sql<Date>`${at}::timestamptz` })
        .where("id", "=", id)
        .execute();
    }
    const micro = await allNumbers(user, `&service=${service.name}`, 2);
    expect([...micro].sort()).toEqual([...created].sort());

    const messagesOf = async (number: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&cursor=${cursor}` : "";
        const page: Json = (
          await get(ctx, user, `/tickets/${number}/messages?limit=1${after}`)
        ).json();
        seen.push(...page.items.map((m: { body: string }) => m.body));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const number = created[0] as string;
    await postOk(ctx, user, `/tickets/${number}/messages`, { body: "second" });
    await postOk(ctx, user, `/tickets/${number}/messages`, { body: "third" });
    const row = await ticketRow(ctx.db, number);
    await ctx.db
      .updateTable("ticket_messages")
      .set({ created_at: sql<Date>`'2026-11-20T10:00:00.000001Z'::timestamptz` })
      .where("ticket_id", "=", row.id)
      .execute();
    expect((await messagesOf(number)).sort()).toEqual(
      ["second", "third", "Since this morning the server does not answer pings."].sort(),
    );

    const bad = await get(ctx, user, "/tickets?cursor=bm9wZQ");
    expect(bad.statusCode).toBe(400);
    expect((await get(ctx, user, "/tickets?limit=101")).statusCode).toBe(400);
  });
});
