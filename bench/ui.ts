import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { openBrowser } from "../test/ui/browser.ts";
import { machine, writeSection } from "./report.ts";

// npm run bench:ui — the Manager's first load (JavaScript and CSS, raw and gzip as served) and
// the time until a screen shows its data on the demo database, in a fresh Chromium each run
// (cold cache, session cookie already set), measured from the navigation's start.

const DIST = "ui/dist";
const RUNS = 6;
const PASSWORD = "palier-demo-2026";
const BUDGET_GZIP = 300 * 1024;

interface Asset {
  file: string;
  raw: number;
  gzip: number;
}

function asset(file: string): Asset {
  const body = readFileSync(path.join(DIST, file));
  // The server keeps a level-9 gzip copy of each text file (src/http/ui.ts).
  return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/** What index.html makes the browser fetch before anything is shown, and every other chunk. */
function firstLoad(): { first: Asset[]; later: Asset[] } {
  const html = readFileSync(path.join(DIST, "index.html"), "utf8");
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
  const first = referenced.map(asset);
  const later = readdirSync(path.join(DIST, "assets"))
    .map((name) => `assets/${name}`)
    .filter((file) => !referenced.includes(file))
    .map(asset);
  return { first, later };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `palier serve` on a fresh embedded database: migrations and the demo, as `npm start` does. */
async function startPalier(): Promise<{ base: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "palier-bench-ui-"));
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    env: {
      ...process.env,
      PALIER_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SMTP_LISTEN: "off",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`palier serve exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return { base, child, dataDir };
    if (Date.now() > deadline) throw new Error("palier serve was not ready within 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

interface Screen {
  label: string;
  email: string;
  path: string;
}

const SCREENS: Screen[] = [
  {
    label: "customer dashboard (open tickets, levels, services)",
    email: "camille.durand@atelier-lumiere.example",
    path: "/",
  },
  { label: "agent's home (queues)", email: "lea.martin@palier.cloud", path: "/" },
];

/** Milliseconds from navigation start until the screen shows data and nothing is loading. */
async function timeToData(base: string, screen: Screen): Promise<number> {
  const browser = await openBrowser();
  try {
    const { page, context } = browser;
    const signed = await context.request.post(`${base}/api/v1/auth/sessions`, {
      data: { email: screen.email, password: PASSWORD },
    });
    if (!signed.ok()) throw new Error(`sign-in failed for ${screen.email}: ${signed.status()}`);
    await page.goto(`${base}${screen.path}`);
    await page.waitForFunction(
      () =>
        document.querySelector("main") !== null &&
        document.querySelectorAll("main table tbody tr").length > 0 &&
        document.querySelectorAll("main .loading").length === 0,
      undefined,
      { timeout: 60_000, polling: 25 },
    );
    return await page.evaluate(() => Math.round(performance.now()));
  } finally {
    await browser.close();
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const { first, later } = firstLoad();
const js = first.filter((a) => a.file.endsWith(".js"));
const css = first.filter((a) => a.file.endsWith(".css"));
const sum = (assets: Asset[], key: "raw" | "gzip") => assets.reduce((n, a) => n + a[key], 0);
console.log(
  `first load: JS ${kB(sum(js, "raw"))} (${kB(sum(js, "gzip"))} gzip), CSS ${kB(sum(css, "raw"))} (${kB(sum(css, "gzip"))} gzip)`,
);

const palier = await startPalier();
const timings: { screen: Screen; runs: number[] }[] = [];
try {
  for (const screen of SCREENS) {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeToData(palier.base, screen));
    console.log(`${screen.label}: ${runs.join(", ")} ms`);
    timings.push({ screen, runs });
  }
} finally {
  palier.child.kill("SIGTERM");
  await new Promise((resolve) => palier.child.once("exit", resolve));
  rmSync(palier.dataDir, { recursive: true, force: true });
}

const date = new Date().toISOString().slice(0, 10);
const jsGzip = sum(js, "gzip");
const lines = [
  `### Manager: first load and time to data (${date})`,
  "",
  `Machine: ${machine()}; load average ${os.loadavg()[0]?.toFixed(2)} at the end. The build in \`ui/dist\` (\`npm install\` makes it); sizes as served (gzip level 9, \`src/http/ui.ts\`); \`npm run bench:ui\`.`,
  "",
  "| first load | raw | gzip |",
  "|---|---:|---:|",
  ...first.map((a) => `| \`${a.file}\` | ${kB(a.raw)} | ${kB(a.gzip)} |`),
  `| **JavaScript** | ${kB(sum(js, "raw"))} | **${kB(jsGzip)}** |`,
  "",
  `Target: at most ${kB(BUDGET_GZIP)} of compressed JavaScript on the first load: ${jsGzip <= BUDGET_GZIP ? "met" : "**missed**"}. Fetched only when needed (languages other than English, staff screens): ${later.length} chunks, ${kB(sum(later, "gzip"))} gzip in all, the largest ${kB(Math.max(0, ...later.map((a) => a.gzip)))}.`,
  "",
  `Time until the screen shows its data: \`palier serve\` on a fresh embedded database with the demo (as \`npm start\`), a fresh Chromium per run (empty cache, session cookie set), from navigation start until every section has rows and none is loading; ${RUNS} runs each.`,
  "",
  "| screen | median ms | fastest | slowest |",
  "|---|---:|---:|---:|",
  ...timings.map(
    ({ screen, runs }) =>
      `| ${screen.label} | ${median(runs)} | ${Math.min(...runs)} | ${Math.max(...runs)} |`,
  ),
  "",
];
writeSection("ui", lines.join("\n"));
