import { performance } from "node:perf_hooks";
import nodemailer from "nodemailer";
import type { Database } from "../src/db/database.ts";
import type { Actor } from "../src/http/principal.ts";
import { startWorkers, type Workers } from "../src/jobs/worker.ts";
import { replyAddress } from "../src/mail/reply-address.ts";
import { receiveMessage } from "../src/modules/inbound-mail/receive.ts";
import { startInboundSmtp } from "../src/modules/inbound-mail/smtp.ts";
import { formatTicketNumber } from "../src/modules/tickets/rules.ts";
import { createTicket } from "../src/modules/tickets/service.ts";
import {
  CountingLog,
  type Customer,
  drained,
  type Engine,
  failedJobs,
  inPool,
  loadAverage,
  openRig,
  perSecond,
  type Rig,
  seedAgents,
  seedCustomers,
  thousands,
  waitFor,
  workerConcurrency,
} from "./jobs-rig.ts";
import { machine, writeSection } from "./report.ts";

// Inbound mail benchmark (issue #4): how many customer replies per second Palier parses and
// threads into their tickets, on PostgreSQL and PGlite.
//  (a) REPLIES raw RFC 5322 replies (signed reply address, a signature, a quoted earlier
//      message) stored exactly as the SMTP server stores them, then processed by the real job
//      workers: messages/s from the first processed to the last.
//  (b) SMTP_MESSAGES replies sent by nodemailer (pooled, CONNECTIONS connections) to the
//      built-in SMTP server while the workers run: accepted/s at the SMTP level, and threaded/s
//      from the first send until every message is in its ticket.
// Every message must end up as a customer message on the right ticket, quotes and signature cut;
// the script exits non-zero otherwise. Writes its section of docs/BENCHMARKS.md.
const REPLIES = Number(process.env.BENCH_MAIL_REPLIES ?? 2000);
const SMTP_MESSAGES = Number(process.env.BENCH_MAIL_SMTP ?? 500);
const TICKETS = Number(process.env.BENCH_MAIL_TICKETS ?? 200);
const CUSTOMERS = 20;
const CONNECTIONS = Number(process.env.BENCH_MAIL_CONNECTIONS ?? 4);
const ENGINES = (process.env.BENCH_ENGINES ?? "postgres,pglite").split(",") as Engine[];
const LOAD_BEFORE = loadAverage();
// Makes Message-IDs unique to this run.
const RUN = Date.now().toString(36);

interface BenchTicket {
  id: string;
  number: number;
  customer: Customer;
}

/** One reply to send: who, to which ticket, and the text that must land in the ticket. */
interface Reply {
  ticket: BenchTicket;
  /** What the customer wrote this time: the ticket must store exactly this. */
  text: string;
  messageId: string;
}

interface Row {
  engine: Engine;
  scenario: string;
  messages: number;
  rate: number;
  seconds: number;
  threaded: string;
}

const failures: string[] = [];
/** Per engine: from the first SMTP 250 to the first message processed. */
const pickups: string[] = [];
/** Per engine: tickets the router assigned to an agent (whose replies also mail that agent). */
const assignedShare: string[] = [];

function check(ok: boolean, what: string): void {
  if (!ok) {
    failures.push(what);
    console.error(`CHECK FAILED: ${what}`);
  }
}

function newText(phase: string, index: number): string {
  return [
    `Thanks, the second line is gone from the invoice. One more question (${phase} ${index}):`,
    "can the next invoices also go to our accounting address?",
  ].join("\n");
}

/** The signature and the quoted notification a mail client appends below the reply. */
function tail(rig: Rig): string[] {
  return [
    "",
    "-- ",
    "Jane Doe",
    "Bench Hosting Ltd, +33 1 23 45 67 89",
    "",
    `On Wed, 2 Dec 2026 at 10:00, Palier Support <${rig.ctx.config.supportAddress}> wrote:`,
    "> Hello,",
    ">",
    "> The November invoice showed two lines because the service was renewed twice.",
    "> We have credited the second one.",
    ">",
    "> Palier Support",
  ];
}

function domain(rig: Rig): string {
  return rig.ctx.config.supportAddress.split("@")[1] ?? "palier.localhost";
}

function replies(tickets: BenchTicket[], phase: string, count: number): Reply[] {
  return Array.from({ length: count }, (_, i) => ({
    ticket: tickets[i % tickets.length] as BenchTicket,
    text: newText(phase, i + 1),
    messageId: `<${phase}-${i + 1}.${RUN}@bench.example>`,
  }));
}

/** The raw message as a customer's mail client sends it: 8-bit text, CRLF line ends. */
function rawReply(rig: Rig, reply: Reply): Buffer {
  const { customer, id, number } = reply.ticket;
  const to = replyAddress(rig.ctx.keys, rig.ctx.config.supportAddress, id);
  const root = `<t-${id}@${domain(rig)}>`;
  const lines = [
    `From: "${customer.principal.name}" <${customer.principal.email}>`,
    `To: <${to}>`,
    `Subject: Re: [${formatTicketNumber(number)}] Invoice question`,
    `Date: ${new Date().toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: ${reply.messageId}`,
    `In-Reply-To: <t-${id}.1@${domain(rig)}>`,
    `References: ${root} <t-${id}.1@${domain(rig)}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8; format=flowed",
    "Content-Transfer-Encoding: 8bit",
    "",
    reply.text,
    ...tail(rig),
    "",
  ];
  return Buffer.from(lines.join("\r\n"), "utf8");
}

async function openTickets(rig: Rig, customers: Customer[]): Promise<BenchTicket[]> {
  const byNumber: BenchTicket[] = [];
  // One at a time: concurrent creations skip agents locked by each other and stay unassigned,
  // and every reply should notify an agent, as on a staffed queue.
  await inPool(
    Array.from({ length: TICKETS }, (_, i) => customers[i % customers.length] as Customer),
    1,
    async (customer, i) => {
      const actor: Actor = { principal: customer.principal, ip: null, requestId: `bench-${i}` };
      await createTicket(rig.ctx, actor, {
        category: "billing",
        service: customer.serviceName,
        impact: "medium",
        urgency: "low",
        subject: "Invoice question",
        body: `Why does invoice ${i + 1} show two lines for the same month?`,
      });
    },
  );
  const rows = await rig.ctx.db
    .selectFrom("tickets")
    .select(["id", "number", "account_id", "assigned_staff_id"])
    .execute();
  for (const row of rows) {
    const customer = customers.find((c) => c.principal.accountId === row.account_id);
    if (customer) byNumber.push({ id: row.id, number: row.number, customer });
  }
  check(byNumber.length === TICKETS, `${TICKETS} tickets opened (found ${byNumber.length})`);
  const assigned = rows.filter((row) => row.assigned_staff_id !== null).length;
  assignedShare.push(`${assigned} on ${rig.engine}`);
  console.log(`  ${thousands(TICKETS)} tickets opened, ${assigned} assigned to an agent`);
  return byNumber;
}

/** Waits until none of `ids` is still waiting for processing. */
async function settled(db: Database, ids: string[], what: string): Promise<number> {
  await waitFor(
    async () => {
      const row = await db
        .selectFrom("inbound_messages")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("id", "in", ids)
        .where("status", "=", "received")
        .executeTakeFirstOrThrow();
      return Number(row.n) === 0 ? true : undefined;
    },
    what,
    240_000,
    50,
  );
  return performance.now();
}

/**
 * Every message became a customer message, by its sender, on the ticket its reply address
 * names, holding exactly what the customer wrote (quotes and signature cut); returns the share
 * threaded and the first-to-last processing span.
 */
async function verify(rig: Rig, ids: string[], sent: Reply[], phase: string) {
  const rows = await rig.ctx.db
    .selectFrom("inbound_messages as m")
    .leftJoin("ticket_messages as t", "t.id", "m.ticket_message_id")
    .select([
      "m.id",
      "m.status",
      "m.outcome",
      "m.error",
      "m.message_id",
      "m.ticket_id",
      "m.processed_at",
      "t.ticket_id as message_ticket_id",
      "t.kind",
      "t.author_user_id",
      "t.body",
    ])
    .where("m.id", "in", ids)
    .execute();
  const byMessageId = new Map(sent.map((reply) => [reply.messageId, reply]));
  let threaded = 0;
  const problems: string[] = [];
  for (const row of rows) {
    const reply = row.message_id ? byMessageId.get(row.message_id) : undefined;
    const ok =
      reply !== undefined &&
      row.status === "processed" &&
      row.outcome === "ticket-reply" &&
      row.ticket_id === reply.ticket.id &&
      row.message_ticket_id === reply.ticket.id &&
      row.kind === "customer" &&
      row.author_user_id === reply.ticket.customer.principal.userId &&
      row.body === reply.text;
    if (ok) threaded += 1;
    else if (problems.length < 3) {
      problems.push(
        `${row.message_id}: ${row.status}/${row.outcome} ${row.error ?? ""} body=${JSON.stringify(row.body)}`,
      );
    }
  }
  for (const problem of problems) console.error(`  not threaded: ${problem}`);
  check(
    rows.length === sent.length,
    `${phase}: ${sent.length} inbound rows (found ${rows.length})`,
  );
  check(threaded === sent.length, `${phase}: every message threaded (${threaded}/${sent.length})`);
  const times = rows
    .map((row) => row.processed_at?.getTime())
    .filter((t): t is number => t !== undefined)
    .sort((a, b) => a - b);
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  return { share: sent.length === 0 ? 0 : threaded / sent.length, span, first: times[0] ?? 0 };
}

async function customerMessages(rig: Rig): Promise<number> {
  const row = await rig.ctx.db
    .selectFrom("ticket_messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("kind", "=", "customer")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const percent = (share: number) => `${(share * 100).toFixed(share === 1 ? 0 : 1)} %`;

async function benchEngine(engine: Engine): Promise<Row[]> {
  console.log(`\n${engine}`);
  const rig = await openRig(engine);
  const log = new CountingLog();
  let workers: Workers | null = null;
  const start = () => startWorkers(rig.ctx, log.asWorkerLog);
  const rows: Row[] = [];
  try {
    const customers = await seedCustomers(rig.ctx.db, CUSTOMERS, "ml");
    await seedAgents(rig.ctx.db);
    const tickets = await openTickets(rig, customers);
    // Workers as `palier serve` starts them; the creation notices are mailed before measuring.
    workers = await start();
    await drained(rig.ctx.db, "the ticket notices to be sent");

    // (a) Stored as the SMTP server stores them, with the workers stopped, so the measure is
    // the processing alone; then the workers start and drain the queue.
    await workers.stop();
    workers = null;
    const batch = replies(tickets, "stored", REPLIES);
    const ids: string[] = [];
    const storing = performance.now();
    await inPool(batch, 4, async (reply) => {
      ids.push(
        await receiveMessage(rig.ctx, {
          raw: rawReply(rig, reply),
          envelopeFrom: reply.ticket.customer.principal.email,
          envelopeTo: [replyAddress(rig.ctx.keys, rig.ctx.config.supportAddress, reply.ticket.id)],
          remoteAddress: "127.0.0.1",
        }),
      );
    });
    const storeMs = performance.now() - storing;
    console.log(`  (a) ${thousands(REPLIES)} replies stored in ${(storeMs / 1000).toFixed(1)} s`);
    const began = performance.now();
    workers = await start();
    const ended = await settled(rig.ctx.db, ids, "the stored replies to be processed");
    const a = await verify(rig, ids, batch, "stored replies");
    const aRate = perSecond(REPLIES - 1, a.span);
    console.log(
      `  (a) parsed and threaded: ${aRate}/s first to last (${((ended - began) / 1000).toFixed(1)} s from the workers' start), ${percent(a.share)} threaded`,
    );
    rows.push({
      engine,
      scenario: "stored replies (as SMTP stores them) parsed and threaded by the workers",
      messages: REPLIES,
      rate: aRate,
      seconds: Math.round((ended - began) / 100) / 10,
      threaded: percent(a.share),
    });
    await drained(rig.ctx.db, "the reply notices to be sent");

    // (b) End to end: a pooled SMTP client, the built-in SMTP server, the running workers.
    // As `palier serve` wires it: a stored message wakes the workers.
    const running = workers;
    const smtp = await startInboundSmtp(rig.ctx, log.asWorkerLog, {
      listen: { host: "127.0.0.1", port: 0 },
      onStored: () => running?.wake(),
    });
    if (!smtp) throw new Error("the inbound SMTP server did not start");
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: smtp.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: CONNECTIONS,
      maxMessages: Number.POSITIVE_INFINITY,
    });
    const mails = replies(tickets, "smtp", SMTP_MESSAGES);
    const smtpIds: string[] = [];
    let refused = 0;
    let lastAccepted = 0;
    let firstAcceptedAt = 0;
    const sending = performance.now();
    try {
      await Promise.all(
        mails.map(async (reply) => {
          const { customer, id, number } = reply.ticket;
          const root = `<t-${id}@${domain(rig)}>`;
          try {
            const info = await transport.sendMail({
              from: { name: customer.principal.name, address: customer.principal.email },
              to: replyAddress(rig.ctx.keys, rig.ctx.config.supportAddress, id),
              subject: `Re: [${formatTicketNumber(number)}] Invoice question`,
              messageId: reply.messageId,
              inReplyTo: `<t-${id}.1@${domain(rig)}>`,
              references: [root, `<t-${id}.1@${domain(rig)}>`],
              text: [reply.text, ...tail(rig)].join("\n"),
            });
            lastAccepted = performance.now();
            firstAcceptedAt ||= Date.now();
            const queued = /Queued as ([0-9a-f-]{36})/.exec(String(info.response));
            if (queued?.[1]) smtpIds.push(queued[1]);
            else refused += 1;
          } catch (error) {
            refused += 1;
            if (refused <= 3) console.error(`  SMTP refused: ${(error as Error).message}`);
          }
        }),
      );
    } finally {
      transport.close();
    }
    check(refused === 0, `SMTP: every message accepted (${refused} refused)`);
    const smtpDone = await settled(rig.ctx.db, smtpIds, "the SMTP replies to be processed");
    await smtp.close();
    const b = await verify(rig, smtpIds, mails, "SMTP replies");
    const accepted = perSecond(SMTP_MESSAGES, lastAccepted - sending);
    const endToEnd = perSecond(SMTP_MESSAGES, smtpDone - sending);
    // How long the first message waited between its 250 and a worker (stored messages wake them).
    const pickup = `${((b.first - firstAcceptedAt) / 1000).toFixed(1)} s`;
    pickups.push(`${pickup} on ${engine}`);
    console.log(
      `  (b) SMTP: ${accepted}/s accepted over ${CONNECTIONS} connections, ${endToEnd}/s threaded end to end (${perSecond(SMTP_MESSAGES - 1, b.span)}/s first to last processed), ${percent(b.share)} threaded; first message picked up ${pickup} after its 250`,
    );
    rows.push(
      {
        engine,
        scenario: `SMTP, ${CONNECTIONS} pooled connections: accepted (250 after commit)`,
        messages: SMTP_MESSAGES,
        rate: accepted,
        seconds: Math.round((lastAccepted - sending) / 100) / 10,
        threaded: "",
      },
      {
        engine,
        scenario: "SMTP end to end: first send to last message threaded",
        messages: SMTP_MESSAGES,
        rate: endToEnd,
        seconds: Math.round((smtpDone - sending) / 100) / 10,
        threaded: percent(b.share),
      },
    );

    // Counted from the tickets' side as well: one customer message per ticket, plus each reply.
    const expected = TICKETS + REPLIES + SMTP_MESSAGES;
    const counted = await customerMessages(rig);
    check(counted === expected, `${expected} customer messages in the tickets (found ${counted})`);
    await drained(rig.ctx.db, "the last notices to be sent");
    const failed = await failedJobs(rig.ctx.db);
    check(Object.keys(failed).length === 0, `no job failed or retried (${JSON.stringify(failed)})`);
    check(log.errors === 0, `no error logged (${log.errors}: ${log.samples.join("; ")})`);
  } finally {
    await workers?.stop();
    await rig.close();
  }
  return rows;
}

function report(rows: Row[]): string {
  const date = new Date().toISOString().slice(0, 10);
  return [
    `### Inbound mail: replies parsed and threaded (${date})`,
    "",
    `Machine: ${machine({ postgres: true })}; load average ${LOAD_BEFORE.toFixed(2)} before the run (other work on the machine). One Node process runs Palier's job workers as \`palier serve\` starts them (jobs at once per type: ${workerConcurrency()}; the outbox dispatcher beside them), the built-in SMTP server and the SMTP client; PostgreSQL on the same machine, PGlite in a folder on disk. ${thousands(CUSTOMERS)} customers with one VPS each, ${thousands(TICKETS)} billing tickets opened one at a time through the tickets service and routed to 8 agents (assigned: ${assignedShare.join(", ")}). Each reply is a plain-text RFC 5322 message to the ticket's signed reply address, with In-Reply-To and References, a "-- " signature and a quoted earlier message; it must become a customer message on its ticket holding exactly the new text. \`npm run bench:mail\`.`,
    "",
    "| engine | scenario | messages | messages/s | seconds | threaded |",
    "|---|---|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${r.scenario} | ${thousands(r.messages)} | ${r.rate} | ${r.seconds} | ${r.threaded} |`,
    ),
    "",
    `The first row is the processing alone: the replies were stored as the SMTP server stores them (the raw message and its \`mail.inbound\` job in one transaction) with the workers stopped, then the workers started; messages/s runs from the first message processed to the last, seconds from the workers' start to the last. The SMTP rows send while the workers run: accepted is SMTP \`250\` answers per second (each after the message and its job committed), end to end runs from the first send until every message is in its ticket. Each reply also notifies the ticket's agent by mail, so \`mail.send\` jobs share the workers and the database. The first SMTP message waited ${pickups.join(" and ")} between its \`250\` and a worker taking it (a stored message wakes the workers, as in \`palier serve\`).`,
    "",
  ].join("\n");
}

const rows: Row[] = [];
for (const engine of ENGINES) rows.push(...(await benchEngine(engine)));
// Figures of a run that lost or mis-threaded messages measure failures: they are not written.
if (failures.length > 0) {
  console.error(
    `\n${failures.length} check(s) failed, section not written:\n- ${failures.join("\n- ")}`,
  );
  process.exit(1);
}
writeSection("mail", report(rows));
console.log("All checks passed.");
process.exit(0);
