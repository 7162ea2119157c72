import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processInboundMessage } from "../../src/modules/inbound-mail/process.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import {
  createAccount,
  createService,
  createStaff,
  createUser,
  type TestStaff,
  type TestUser,
  uniqueSuffix,
} from "../helpers/factories.ts";
import { get, type Json, post } from "../helpers/ticket-factories.ts";
import { inbound, jobContext, MailRig, SUPPORT, strangerAddress } from "./helpers.ts";

let ctx: TestContext;
let rig: MailRig;
let admin: TestStaff;
let customer: TestUser;
let failedId: string;
let createdId: string;

beforeAll(async () => {
  ctx = await testContext();
  rig = await new MailRig(ctx).start();
  admin = await createStaff(ctx.db, { role: "admin" });
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  await createService(ctx.db, { admin: customer.account });
  failedId = (
    await rig.deliver({
      envelope: { from: strangerAddress(), to: SUPPORT },
      raw: `To: ${SUPPORT}\r\nSubject: Anonymous ${uniqueSuffix()}\r\nX-Test: yes\r\n\r\nNo From\r\n`,
    })
  ).id;
  createdId = (
    await rig.deliver({ from: customer.email, to: SUPPORT, subject: "By mail", text: "Hello" })
  ).id;
});

afterAll(() => rig.stop());

/** Pages through the list until `id` shows up (other files' messages come and go meanwhile). */
async function findInList(query: string, id: string): Promise<Json | undefined> {
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const url = `/admin/inbound-mail?limit=100${query}${cursor ? `&cursor=${cursor}` : ""}`;
    const res = await get(ctx, admin, url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const found = body.items.find((item: Json) => item.id === id);
    if (found || body.nextCursor === null) return found;
    cursor = body.nextCursor;
  }
  return undefined;
}

describe("the staff admin API on inbound mail", () => {
  it("lists messages newest first, filtered by status, with outcome and ticket", async () => {
    const failed = await findInList("&status=failed", failedId);
    expect(failed).toMatchObject({
      status: "failed",
      outcome: "failed",
      error: "the message has no From address",
      from: null,
    });
    expect(await findInList("&status=failed", createdId)).toBeUndefined();
    const created = await findInList("&status=processed", createdId);
    expect(created).toMatchObject({ from: customer.email, subject: "By mail" });
    expect(created.ticket).toMatch(/^PAL-\d+$/);
  });

  it("pages with a cursor", async () => {
    const first = (await get(ctx, admin, "/admin/inbound-mail?limit=1")).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await get(ctx, admin, `/admin/inbound-mail?limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(Date.parse(second.items[0].receivedAt)).toBeLessThanOrEqual(
      Date.parse(first.items[0].receivedAt),
    );
    const bad = await get(ctx, admin, "/admin/inbound-mail?cursor=bm90LWEtY3Vyc29y");
    expect(bad.statusCode).toBe(400);
  });

  it("shows one message with its headers and outcome, and the raw message as message/rfc822", async () => {
    const detail = await get(ctx, admin, `/admin/inbound-mail/${failedId}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.headers).toContainEqual({ name: "X-Test", value: "yes" });
    expect(body.error).toBe("the message has no From address");
    expect(body.remoteAddress).toMatch(/127\.0\.0\.1/);

    const raw = await get(ctx, admin, `/admin/inbound-mail/${failedId}/raw`);
    expect(raw.statusCode).toBe(200);
    expect(raw.headers["content-type"]).toBe("message/rfc822");
    expect(raw.rawPayload.equals((await inbound(ctx.db, failedId)).raw)).toBe(true);

    expect((await get(ctx, admin, `/admin/inbound-mail/${crypto.randomUUID()}`)).statusCode).toBe(
      404,
    );
  });

  it("reprocesses a failed message, and only a failed one", async () => {
    const res = await post(ctx, admin, `/admin/inbound-mail/${failedId}/reprocess`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: "received", error: null, outcome: null });
    const { rows } = await sql<{ count: number }>`
      select count(*)::int as count from pgboss.job
      where name = 'mail.inbound' and data->>'id' = ${failedId}`.execute(ctx.db);
    expect(rows[0]?.count).toBe(2);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("subject_id", "=", failedId)
      .execute();
    expect(audit).toEqual([{ action: "inbound_mail.reprocess", actor_id: admin.id }]);

    // Still no From: it fails again, with its error, and stays listed.
    await processInboundMessage(jobContext(ctx), failedId);
    expect((await inbound(ctx.db, failedId)).status).toBe("failed");

    const again = await post(ctx, admin, `/admin/inbound-mail/${createdId}/reprocess`);
    expect(again.statusCode).toBe(409);
  });

  it("is for staff admins only", async () => {
    const lead = await createStaff(ctx.db, { role: "lead" });
    for (const caller of [lead, customer]) {
      expect((await get(ctx, caller, "/admin/inbound-mail")).statusCode).toBe(403);
      expect((await get(ctx, caller, `/admin/inbound-mail/${failedId}/raw`)).statusCode).toBe(403);
      expect(
        (await post(ctx, caller, `/admin/inbound-mail/${failedId}/reprocess`)).statusCode,
      ).toBe(403);
    }
  });
});
