import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInboundSmtp } from "../../src/modules/inbound-mail/smtp.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { uniqueSuffix } from "../helpers/factories.ts";
import { inbound, MailRig, SUPPORT, strangerAddress } from "./helpers.ts";

let ctx: TestContext;
let rig: MailRig;
const LIMIT = 64 * 1024;

beforeAll(async () => {
  ctx = await testContext();
  rig = await new MailRig(ctx).start({ inboundMaxBytes: LIMIT });
});

afterAll(() => rig.stop());

async function storedFrom(address: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom("inbound_messages")
    .select("id")
    .where("envelope_from", "=", address)
    .execute();
  return rows.length;
}

describe("the SMTP listener", () => {
  it("stores the raw message with its envelope and queues its job before answering 250", async () => {
    const from = strangerAddress();
    const subject = `Hello ${uniqueSuffix()}`;
    const id = await rig.send({
      from,
      to: SUPPORT,
      subject,
      text: "Is anyone there?",
      messageId: `<${uniqueSuffix()}@elsewhere.test>`,
    });
    const row = await inbound(ctx.db, id);
    expect(row.status).toBe("received");
    expect(row.envelope_from).toBe(from);
    expect(row.envelope_to).toEqual([SUPPORT]);
    expect(row.remote_address).toMatch(/127\.0\.0\.1/);
    expect(row.size_bytes).toBe(row.raw.length);
    expect(row.raw.toString("utf8")).toContain(`Subject: ${subject}`);
    expect(row.message_id).toMatch(/^<[0-9a-f]+@elsewhere\.test>$/);
    const { rows } = await sql<{ count: number }>`
      select count(*)::int as count from pgboss.job
      where name = 'mail.inbound' and data->>'id' = ${id}`.execute(ctx.db);
    expect(rows[0]?.count).toBe(1);
  });

  it("refuses recipients outside the support address's domain with 550", async () => {
    const from = strangerAddress();
    const error = await rig.refused({
      from,
      to: "someone@elsewhere.test",
      subject: "Relay?",
      text: "Relay this please",
    });
    expect(error.responseCode).toBe(550);
    expect(await storedFrom(from)).toBe(0);
  });

  it("accepts any address at the domain, reply addresses included", async () => {
    const from = strangerAddress();
    const id = await rig.send({
      from,
      to: ["billing@palier.localhost", "support+tabc.def@PALIER.localhost"],
      subject: "Two recipients",
      text: "Hello",
    });
    expect((await inbound(ctx.db, id)).envelope_to).toHaveLength(2);
  });

  it("refuses a message over the size limit with 552, stores nothing and logs it", async () => {
    const from = strangerAddress();
    const error = await rig.refused({
      from,
      to: SUPPORT,
      subject: "Huge",
      text: "x".repeat(LIMIT + 1024),
    });
    expect(error.responseCode).toBe(552);
    expect(await storedFrom(from)).toBe(0);
    const line = rig.log.lines.find(
      (entry) => entry.level === "warn" && (entry.data as { from?: string }).from === from,
    );
    expect(line?.msg).toMatch(/size limit/);
  });

  it("announces the size limit in its EHLO answer", async () => {
    const { Socket } = await import("node:net");
    const socket = new Socket();
    const said: string[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on("data", (chunk) => {
        said.push(chunk.toString());
        const text = said.join("");
        if (text.startsWith("220") && !text.includes("EHLO-SENT")) {
          said.push("EHLO-SENT");
          socket.write("EHLO client.test\r\n");
        }
        if (/\r\n250 [^\r\n]*\r\n$/.test(text)) resolve();
      });
      socket.on("error", reject);
      socket.connect(rig.smtp.port, "127.0.0.1");
    });
    socket.end("QUIT\r\n");
    expect(said.join("")).toContain(`SIZE ${LIMIT}`);
    expect(said.join("")).not.toContain("STARTTLS");
  });

  it("does not start when SMTP_LISTEN is off", async () => {
    const server = await startInboundSmtp(
      { ...ctx, config: { ...ctx.config, smtpListen: null } },
      rig.log as never,
    );
    expect(server).toBeNull();
  });
});
