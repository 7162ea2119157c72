import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { Actor, Principal } from "../src/http/principal.ts";
import { startWorkers, type Workers } from "../src/jobs/worker.ts";
import { postMessage } from "../src/modules/tickets/conversation.ts";
import { createTicket } from "../src/modules/tickets/service.ts";
import { EVENT_TYPES, type EventType } from "../src/modules/webhooks/events.ts";
import { createSubscription } from "../src/modules/webhooks/service.ts";
import { verifyPalierSignature } from "../test/webhooks/recipe.js";
import {
  CountingLog,
  type Customer,
  drained,
  type Engine,
  failedJobs,
  inPool,
  loadAverage,
  openRig,
  percentile,
  perSecond,
  type Rig,
  seedAgents,
  seedCustomers,
  seedStaffAdmin,
  thousands,
  waitFor,
  workerConcurrency,
} from "./jobs-rig.ts";
import { machine, writeSection } from "./report.ts";

// Webhook benchmark (issue #4): signed deliveries per second from committed ticket changes to a
// real HTTP receiver, on PostgreSQL and PGlite. Each change goes through the tickets service
// (a ticket opened, the customer's reply, an agent's answer), so its outbox rows are the ones
// commands write; the real dispatcher and workers deliver them.
//  (a) backlog: CHANGES changes committed with the workers stopped, then the workers start:
//      deliveries/s from the first received to the last, which is the delivery capacity;
//  (b) live: LIVE changes at RATE changes/s with the workers running: the latency from the
//      change (the event's createdAt) to its receipt, p50/p95/max.
// The receiver checks every signature with the recipe of docs/WEBHOOKS.md (test/webhooks/
// recipe.js, the code the tests use) and counts each (subscription, event): every expected
// delivery must arrive once, verified, or the script exits non-zero.
// 400 change sets, which the subscriptions below turn into 1,500 deliveries.
const CHANGES = Number(process.env.BENCH_WEBHOOK_CHANGES ?? 1200);
const LIVE = Number(process.env.BENCH_WEBHOOK_LIVE ?? 300);
const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 20);
const WRITERS = 4;
const CUSTOMERS = 8;
const ENGINES = (process.env.BENCH_ENGINES ?? "postgres,pglite").split(",") as Engine[];
const LOAD_BEFORE = loadAverage();

const failures: string[] = [];

function check(ok: boolean, what: string): void {
  if (!ok) {
    failures.push(what);
    console.error(`CHECK FAILED: ${what}`);
  }
}

interface Delivery {
  label: string;
  eventId: string;
  type: string;
  /** When Palier wrote the change (the event's createdAt). */
  createdAt: number;
  receivedAt: number;
  phase: string;
}

/** An integrator's endpoint: verifies each request as docs/WEBHOOKS.md says, then answers 204. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  readonly secrets = new Map<string, string>();
  unverified = 0;
  phase = "";
  private server!: http.Server;
  port = 0;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const receivedAt = Date.now();
        const label = (req.url ?? "").replace("/hooks/", "");
        const body = Buffer.concat(chunks).toString("utf8");
        const secret = this.secrets.get(label);
        const header = req.headers["palier-signature"];
        const verified =
          secret !== undefined &&
          verifyPalierSignature(secret, header, body) &&
          String(header).startsWith(`t=${req.headers["palier-timestamp"]},`);
        if (!verified) {
          this.unverified += 1;
          res.writeHead(401).end();
          return;
        }
        const event = JSON.parse(body) as { id: string; type: string; createdAt: string };
        this.deliveries.push({
          label,
          eventId: event.id,
          type: event.type,
          createdAt: Date.parse(event.createdAt),
          receivedAt,
          phase: this.phase,
        });
        res.writeHead(204).end();
      });
    });
    // Palier's sender opens one connection per request; keep-alive would change nothing.
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(label: string): string {
    return `http://127.0.0.1:${this.port}/hooks/${label}`;
  }

  count(phase: string): number {
    return this.deliveries.filter((d) => d.phase === phase).length;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Subscriber {
  label: string;
  /** The customer index whose account it belongs to; null for the staff admin's global one. */
  customer: number | null;
  types: EventType[];
}

// Half the customers subscribe: two to the ticket's whole life, two to new tickets only; the
// staff admin's global subscription takes every type.
const SUBSCRIBERS: Subscriber[] = [
  { label: "account-1", customer: 0, types: ["ticket.created", "ticket.message.created"] },
  { label: "account-2", customer: 1, types: ["ticket.created", "ticket.message.created"] },
  { label: "account-3", customer: 2, types: ["ticket.created"] },
  { label: "account-4", customer: 3, types: ["ticket.created"] },
  { label: "global", customer: null, types: [...EVENT_TYPES] },
];

/**
 * Deliveries one change set (open, customer reply, agent answer) of customer `c` must cause, by
 * the rules of docs/WEBHOOKS.md: the global subscription gets each change once; an account
 * subscription gets the ticket's creation and the agent's answer (addressed to its account),
 * not the customer's own message (the only concerned account is its author's).
 */
function expectedFor(c: number): number {
  let n = 3;
  for (const sub of SUBSCRIBERS) {
    if (sub.customer !== c) continue;
    if (sub.types.includes("ticket.created")) n += 1;
    if (sub.types.includes("ticket.message.created")) n += 1;
  }
  return n;
}

/** Three changes about one new ticket, each its own command as the API would run it. */
async function changeSet(rig: Rig, customer: Customer, admin: Principal, i: number) {
  const as = (principal: Principal): Actor => ({ principal, ip: null, requestId: `bench-${i}` });
  const ticket = await createTicket(rig.ctx, as(customer.principal), {
    category: "billing",
    service: customer.serviceName,
    impact: "medium",
    urgency: "low",
    subject: `Invoice question ${i}`,
    body: `Why does invoice ${i} show two lines for the same month?`,
  });
  await postMessage(rig.ctx, as(customer.principal), ticket.number, {
    body: "It is the November invoice; both lines say VPS renewal.",
  });
  await postMessage(rig.ctx, as(admin), ticket.number, {
    body: "The service was renewed twice by mistake; we have credited the second line.",
  });
}

interface Row {
  engine: Engine;
  changes: number;
  deliveries: number;
  rate: number;
  firstAfter: number;
  seconds: number;
  liveChanges: number;
  liveRate: number;
  p50: number;
  p95: number;
  max: number;
}

async function benchEngine(engine: Engine): Promise<Row> {
  console.log(`\n${engine}`);
  const rig = await openRig(engine);
  const log = new CountingLog();
  const receiver = new Receiver();
  await receiver.start();
  let workers: Workers | null = null;
  try {
    const customers = await seedCustomers(rig.ctx.db, CUSTOMERS, "wh");
    await seedAgents(rig.ctx.db);
    const admin = await seedStaffAdmin(rig.ctx.db);
    for (const sub of SUBSCRIBERS) {
      const owner = sub.customer === null ? admin : (customers[sub.customer] as Customer).principal;
      const created = await createSubscription(
        rig.ctx,
        { principal: owner, ip: null, requestId: "bench" },
        { url: receiver.url(sub.label), eventTypes: sub.types, description: "bench" },
      );
      receiver.secrets.set(sub.label, created.secret);
    }

    // (a) The backlog: changes committed while no worker runs, then delivered at full speed.
    const sets = Math.ceil(CHANGES / 3);
    const owners = Array.from({ length: sets }, (_, i) => i % CUSTOMERS);
    const writing = performance.now();
    await inPool(owners, WRITERS, (c, i) => changeSet(rig, customers[c] as Customer, admin, i + 1));
    const writeMs = performance.now() - writing;
    const expectedA = owners.reduce((sum, c) => sum + expectedFor(c), 0);
    console.log(
      `  (a) ${thousands(sets * 3)} changes written in ${(writeMs / 1000).toFixed(1)} s; ${thousands(expectedA)} deliveries expected`,
    );
    receiver.phase = "backlog";
    const began = performance.now();
    const beganAt = Date.now();
    workers = await startWorkers(rig.ctx, log.asWorkerLog);
    await waitFor(
      async () => (receiver.count("backlog") >= expectedA ? true : undefined),
      "the backlog's deliveries",
      300_000,
      50,
    );
    const wall = performance.now() - began;
    const backlog = receiver.deliveries.filter((d) => d.phase === "backlog");
    const times = backlog.map((d) => d.receivedAt).sort((x, y) => x - y);
    const rate = perSecond(backlog.length - 1, (times.at(-1) ?? 0) - (times[0] ?? 0));
    // Until the first delivery the dispatcher is turning the backlog's outbox rows into jobs.
    const firstAfter = Math.round(((times[0] ?? beganAt) - beganAt) / 100) / 10;
    console.log(
      `  (a) ${thousands(backlog.length)} deliveries: ${rate}/s first to last received (first ${firstAfter} s, last ${(wall / 1000).toFixed(1)} s after the workers' start)`,
    );
    await drained(rig.ctx.db, "the backlog's notices and jobs");

    // (b) Live: changes at a steady pace with the workers running; latency of each delivery.
    receiver.phase = "live";
    const liveSets = Math.ceil(LIVE / 3);
    const liveOwners = Array.from({ length: liveSets }, (_, i) => i % CUSTOMERS);
    const pace = (3 / RATE) * 1000;
    const liveStart = performance.now();
    const running: Promise<void>[] = [];
    for (const [k, c] of liveOwners.entries()) {
      const due = liveStart + k * pace;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      running.push(changeSet(rig, customers[c] as Customer, admin, sets + k + 1));
    }
    await Promise.all(running);
    const liveMs = performance.now() - liveStart;
    const expectedB = liveOwners.reduce((sum, c) => sum + expectedFor(c), 0);
    await waitFor(
      async () => (receiver.count("live") >= expectedB ? true : undefined),
      "the live deliveries",
      120_000,
      50,
    );
    const latencies = receiver.deliveries
      .filter((d) => d.phase === "live")
      .map((d) => d.receivedAt - d.createdAt)
      .sort((x, y) => x - y);
    const liveRate = perSecond(liveSets * 3, liveMs);
    const slow = latencies.filter((ms) => ms >= 500).length;
    const row: Row = {
      engine,
      changes: sets * 3,
      deliveries: backlog.length,
      rate,
      firstAfter,
      seconds: Math.round(wall / 100) / 10,
      liveChanges: liveSets * 3,
      liveRate,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies.at(-1) ?? 0,
    };
    console.log(
      `  (b) ${thousands(latencies.length)} deliveries at ${liveRate} changes/s: commit to receipt p50 ${row.p50} ms, p95 ${row.p95} ms, max ${row.max} ms; ${slow} over 500 ms`,
    );

    // Nothing more may arrive, nothing twice, nothing unsigned; Palier's log must agree.
    await drained(rig.ctx.db, "the live notices and jobs");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const expected = expectedA + expectedB;
    const unique = new Set(receiver.deliveries.map((d) => `${d.label}:${d.eventId}`));
    check(receiver.unverified === 0, `every request verified (${receiver.unverified} refused)`);
    check(
      receiver.deliveries.length === expected,
      `${expected} deliveries received (got ${receiver.deliveries.length})`,
    );
    check(unique.size === receiver.deliveries.length, "no event delivered twice");
    const logRows = await rig.ctx.db
      .selectFrom("webhook_deliveries")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const byStatus = Object.fromEntries(logRows.map((r) => [r.status, Number(r.n)]));
    const errors = await rig.ctx.db
      .selectFrom("webhook_deliveries")
      .select(["error", (eb) => eb.fn.countAll<number>().as("n")])
      .where("status", "!=", "delivered")
      .groupBy("error")
      .execute();
    for (const e of errors) console.error(`  attempts not delivered: ${e.n} × ${e.error}`);
    check(
      byStatus.delivered === expected && Object.keys(byStatus).length === 1,
      `the delivery log holds ${expected} delivered attempts and nothing else (${JSON.stringify(byStatus)})`,
    );
    const failed = await failedJobs(rig.ctx.db);
    check(Object.keys(failed).length === 0, `no job failed or retried (${JSON.stringify(failed)})`);
    check(log.errors === 0, `no error logged (${log.errors}: ${log.samples.join("; ")})`);
    return row;
  } finally {
    await workers?.stop();
    await receiver.stop();
    await rig.close();
  }
}

function report(rows: Row[]): string {
  const date = new Date().toISOString().slice(0, 10);
  const subs = SUBSCRIBERS.map((s) =>
    s.customer === null ? "one global (every type)" : `${s.label}: ${s.types.join(", ")}`,
  ).join("; ");
  return [
    `### Webhooks: signed deliveries (${date})`,
    "",
    `Machine: ${machine({ postgres: true })}; load average ${LOAD_BEFORE.toFixed(2)} before the run (other work on the machine). One Node process runs Palier's job workers as \`palier serve\` starts them (jobs at once per type: ${workerConcurrency()}; the outbox dispatcher beside them) and the receiver, a node:http server that checks every signature with the recipe of [WEBHOOKS.md](WEBHOOKS.md#verifying-a-request) and answers 204; PostgreSQL on the same machine, PGlite in a folder on disk. ${CUSTOMERS} customers with one VPS each; subscriptions: ${subs}. Each change set is three commands through the tickets service (a billing ticket opened, the customer's reply, a staff admin's answer), ${WRITERS} writers at a time; the outbox rows they commit also become mails (\`mail.send\` jobs share the workers). \`npm run bench:webhooks\`.`,
    "",
    "| engine | changes (backlog) | deliveries | deliveries/s | first after s | last after s | live changes | changes/s | p50 ms | p95 ms | max ms |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${thousands(r.changes)} | ${thousands(r.deliveries)} | ${r.rate} | ${r.firstAfter} | ${r.seconds} | ${thousands(r.liveChanges)} | ${r.liveRate} | ${r.p50} | ${r.p95} | ${r.max} |`,
    ),
    "",
    "Deliveries/s is the capacity: the changes were committed with the workers stopped, then the workers started; it runs from the first delivery received to the last; the first and the last arrived so many seconds after the workers' start (before the first, the dispatcher turns the backlog's outbox rows into mails and jobs, 500 rows per transaction). The live columns are changes committed at a steady pace with the workers running, and the time from each change (the event's `createdAt`, its transaction's start) to the receiver reading the request: dispatch, the job's pick-up, the delivery's two transactions and the HTTP request. Every delivery arrived once with a valid signature, and Palier's delivery log agrees.",
    "",
  ].join("\n");
}

const rows: Row[] = [];
for (const engine of ENGINES) rows.push(await benchEngine(engine));
// Figures of a run that lost, duplicated or mis-signed deliveries measure failures.
if (failures.length > 0) {
  console.error(
    `\n${failures.length} check(s) failed, section not written:\n- ${failures.join("\n- ")}`,
  );
  process.exit(1);
}
writeSection("webhooks", report(rows));
console.log("All checks passed.");
process.exit(0);
