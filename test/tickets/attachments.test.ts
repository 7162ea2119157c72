import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { purgePendingAttachments } from "../../src/modules/tickets/attachments.ts";
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
import { days, get, openIncident, post, postOk, postTicket } from "../helpers/ticket-factories.ts";

const MB = 1024 * 1024;

let ctx: TestContext;
let customer: TestUser;
let other: TestUser;
let service: TestService;
let agent: TestStaff;

beforeAll(async () => {
  ctx = await testContext();
  customer = await createUser(ctx.db, await createAccount(ctx.db));
  other = await createUser(ctx.db, await createAccount(ctx.db));
  service = await createService(ctx.db, { admin: customer.account });
  agent = await createStaff(ctx.db, { universes: ["server"] });
});

afterEach(() => ctx.clock.reset());
// Tens of megabytes were written to the worker's temporary data folder: do not leave them.
afterAll(() =>
  rmSync(path.join(ctx.config.dataDir, "attachments"), { recursive: true, force: true }),
);

function upload(
  as: TestUser | TestStaff,
  data: Buffer,
  contentType: string,
  filename = "file.bin",
) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/v1/attachments?filename=${encodeURIComponent(filename)}`,
    headers: { ...as.auth, "content-type": contentType },
    payload: data,
  });
}

async function uploaded(as: TestUser | TestStaff, bytes: number, type = "application/zip") {
  const res = await upload(as, Buffer.alloc(bytes, 7), type, "archive.zip");
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe("upload", () => {
  it("stores the file outside the database and returns an id", async () => {
    const content = Buffer.from("kernel: BUG: soft lockup - CPU#3 stuck for 22s\n");
    const res = await upload(customer, content, "text/plain; charset=utf-8", "dmesg.txt");
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      filename: "dmesg.txt",
      contentType: "text/plain",
      sizeBytes: content.length,
    });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const row = await ctx.db
      .selectFrom("ticket_attachments")
      .selectAll()
      .where("id", "=", body.id)
      .executeTakeFirstOrThrow();
    expect(row.message_id).toBeNull();
    expect(row.uploaded_by_user_id).toBe(customer.id);
    const file = path.join(ctx.config.dataDir, "attachments", row.storage_key);
    expect(readFileSync(file)).toEqual(content);
  });

  it.each([
    ["image/svg+xml", 415],
    ["application/x-msdownload", 415],
    ["text/html", 415],
    ["application/pdf", 201],
    ["image/png", 201],
    ["application/json", 201],
    ["message/rfc822", 201],
    ["application/gzip", 201],
  ])("%s → %s", async (type, status) => {
    const res = await upload(customer, Buffer.from("{}"), type);
    expect(res.statusCode, res.body).toBe(status);
    if (status === 415) expect(res.json().code).toBe("unsupported_media_type");
  });

  it("refuses a file over 10 MB with 413, and an empty one with 400", async () => {
    const big = await upload(customer, Buffer.alloc(10 * MB + 1), "application/zip");
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("payload_too_large");
    expect(await uploaded(customer, 10 * MB)).toMatch(/^[0-9a-f-]{36}$/);
    const empty = await upload(customer, Buffer.alloc(0), "text/plain");
    expect(empty.statusCode).toBe(400);
  });

  it("needs a filename without a path", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/attachments?filename=..%2Fetc%2Fpasswd",
      headers: { ...customer.auth, "content-type": "text/plain" },
      payload: "x",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("filename");
  });
});

describe("attach and download", () => {
  it("attaches uploads to a new ticket and a reply; those who see the message download them", async () => {
    const first = await uploaded(customer, 2048);
    const ticket = await openIncident(ctx, customer, service, { attachments: [first] });
    const messages = (await get(ctx, customer, `/tickets/${ticket.number}/messages`)).json();
    expect(messages.items[0].attachments).toEqual([
      expect.objectContaining({ id: first, filename: "archive.zip", sizeBytes: 2048 }),
    ]);

    const reply = await postOk(ctx, agent, `/tickets/${ticket.number}/messages`, {
      body: "See the fixed configuration.",
      attachments: [await uploaded(agent, 10, "application/json")],
    });
    expect(reply.attachments).toHaveLength(1);

    const download = await get(ctx, customer, `/tickets/${ticket.number}/attachments/${first}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/zip");
    expect(download.headers["content-disposition"]).toContain('filename="archive.zip"');
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.rawPayload).toEqual(Buffer.alloc(2048, 7));
    expect(
      (await get(ctx, agent, `/tickets/${ticket.number}/attachments/${first}`)).statusCode,
    ).toBe(200);
    // Someone who cannot see the ticket gets 404, as for an id of another ticket.
    expect(
      (await get(ctx, other, `/tickets/${ticket.number}/attachments/${first}`)).statusCode,
    ).toBe(404);
    const otherTicket = await openIncident(ctx, customer, service);
    expect(
      (await get(ctx, customer, `/tickets/${otherTicket.number}/attachments/${first}`)).statusCode,
    ).toBe(404);
  });

  it("refuses more than 25 MB on one message with 422 naming attachments, attaching nothing", async () => {
    const ids = [
      await uploaded(customer, 9 * MB),
      await uploaded(customer, 9 * MB),
      await uploaded(customer, 8 * MB),
    ];
    const res = await postTicket(ctx, customer, { service: service.name, attachments: ids });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0].field).toBe("attachments");
    const rows = await ctx.db
      .selectFrom("ticket_attachments")
      .select("message_id")
      .where("id", "in", ids)
      .execute();
    expect(rows.every((r) => r.message_id === null)).toBe(true);
    // Two of them fit.
    const ticket = await openIncident(ctx, customer, service, { attachments: ids.slice(0, 2) });
    expect(ticket.number).toMatch(/^PAL-/);
  });

  it("refuses ids that are someone else's or already used, naming the entry", async () => {
    const mine = await uploaded(customer, 100);
    const theirs = await uploaded(other, 100);
    const res = await postTicket(ctx, customer, {
      service: service.name,
      attachments: [mine, theirs],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe("attachments.1");

    const ticket = await openIncident(ctx, customer, service, { attachments: [mine] });
    const again = await post(ctx, customer, `/tickets/${ticket.number}/messages`, {
      body: "again",
      attachments: [mine],
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0].field).toBe("attachments.0");
  });

  it("purges uploads never attached after a day, with their files", async () => {
    const id = await uploaded(customer, 64);
    const row = await ctx.db
      .selectFrom("ticket_attachments")
      .select("storage_key")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const file = path.join(ctx.config.dataDir, "attachments", row.storage_key);
    expect(existsSync(file)).toBe(true);
    ctx.clock.advance(days(1) + 60_000);
    expect(await purgePendingAttachments(ctx.db, ctx.config, ctx.clock)).toBeGreaterThanOrEqual(1);
    const gone = await ctx.db
      .selectFrom("ticket_attachments")
      .select("id")
      .where("id", "=", id)
      .execute();
    expect(gone).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });
});
