import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { createDatabase, dropDatabase } from "../test/helpers/postgres.ts";
import { machine, writeSection } from "./report.ts";

// API benchmark: listing services and reading one, on 10,000 services, PGlite and PostgreSQL.
const TOTAL = Number(process.env.BENCH_SERVICES ?? 10_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const PG_BASE = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface Ready {
  port: number;
  customerToken: string;
  customerServices: number;
  adminToken: string;
  sampleServiceName: string;
}

interface Row {
  engine: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function startServer(engine: string, env: NodeJS.ProcessEnv) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/server.ts", engine, String(TOTAL)],
    {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<Ready>((resolve, reject) => {
    lines.once("line", (line) => resolve(JSON.parse(line) as Ready));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { child, ready };
}

async function measure(url: string, token: string): Promise<Omit<Row, "engine" | "scenario">> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

async function benchEngine(engine: "pglite" | "postgres"): Promise<Row[]> {
  let databaseUrl: string | undefined;
  const env = { ...process.env };
  if (engine === "postgres") {
    databaseUrl = await createDatabase(PG_BASE);
    env.BENCH_DATABASE_URL = databaseUrl;
  }
  const { child, ready } = await startServer(engine, env);
  const base = `http://127.0.0.1:${ready.port}/api/v1`;
  const name = encodeURIComponent(ready.sampleServiceName);
  const scenarios: [string, string, string][] = [
    [
      `list services, partner (${ready.customerServices} services), first page of 25`,
      `${base}/services?limit=25`,
      ready.customerToken,
    ],
    [
      `list services, staff admin (${TOTAL} services), first page of 25`,
      `${base}/services?limit=25`,
      ready.adminToken,
    ],
    ["read one service, partner", `${base}/services/${name}`, ready.customerToken],
    ["read one service, staff admin", `${base}/services/${name}`, ready.adminToken],
  ];
  const rows: Row[] = [];
  try {
    for (const [scenario, url, token] of scenarios) {
      // A short warm-up so JIT and the database caches are in their steady state.
      await autocannon({
        url,
        connections: 2,
        duration: 2,
        headers: { authorization: `Bearer ${token}` },
      });
      const row = { engine, scenario, ...(await measure(url, token)) };
      console.log(`${engine.padEnd(8)} ${scenario.padEnd(64)} ${row.rps} req/s  p99 ${row.p99} ms`);
      rows.push(row);
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    if (databaseUrl) await dropDatabase(PG_BASE, databaseUrl);
  }
  return rows;
}

function report(rows: Row[]): string {
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `### API: services (${date})`,
    "",
    `Machine: ${machine({ postgres: true })}. Database: ${TOTAL.toLocaleString("en")} services over 500 accounts. autocannon, ${CONNECTIONS} connections, ${DURATION} s per scenario after a 2 s warm-up; server in its own process; \`npm run bench:api\`.`,
    "",
    "| engine | scenario | requests/s | p50 ms | p99 ms | non-2xx |",
    "|---|---|---:|---:|---:|---:|",
    ...rows.map(
      (r) => `| ${r.engine} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} |`,
    ),
    "",
  ];
  const pairs = rows.filter((r) => r.engine === "pglite");
  const ratios = pairs
    .map((lite) => {
      const pgRow = rows.find((r) => r.engine === "postgres" && r.scenario === lite.scenario);
      return pgRow
        ? `- ${lite.scenario}: PostgreSQL / PGlite = ${(pgRow.rps / lite.rps).toFixed(2)}×`
        : null;
    })
    .filter((line): line is string => line !== null);
  if (ratios.length > 0) lines.push("Throughput ratio, same run:", "", ...ratios, "");
  return lines.join("\n");
}

const rows = [...(await benchEngine("pglite")), ...(await benchEngine("postgres"))];
const section = report(rows);
writeSection("api", section);
