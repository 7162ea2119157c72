import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// wrk (Debian's package, written in C) as the load generator when it is installed. On two cores
// shared with the server and PostgreSQL, the generator's own CPU is taken from what it measures:
// measured on ticket creation, autocannon used 0.14 core more than wrk and the server answered
// 12 to 14 % fewer requests per second with it.
export const WRK = process.env.BENCH_WRK ?? "/usr/bin/wrk";

/** Whether wrk can be used here (`apt-get install wrk`). */
export function wrkAvailable(): boolean {
  return existsSync(WRK);
}

/** One HTTP call; in `body`, each "[<id>]" becomes a number that changes every request. */
export interface WrkCall {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  /** Answers with a status of 400 or more, and socket errors. */
  failed: number;
  /** Latency percentiles over every request, in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
}

/** A Lua string literal holding `text` as is (long brackets never found in it). */
function luaString(text: string): string {
  let level = "";
  while (text.includes(`]${level}]`)) level += "=";
  return `[${level}[${text}]${level}]`;
}

function script(call: WrkCall): string {
  const parts = (call.body ?? "").split("[<id>]").map(luaString);
  const headers = Object.entries(call.headers ?? {})
    .map(([name, value]) => `wrk.headers[ ${luaString(name)} ] = ${luaString(value)}`)
    .join("\n");
  return `
wrk.method = ${luaString(call.method ?? "GET")}
${headers}
local parts = { ${parts.join(", ")} }
local counter = 0
request = function()
  if #parts == 1 and parts[1] == "" then return wrk.format() end
  counter = counter + 1
  return wrk.format(nil, nil, nil, table.concat(parts, tostring(counter)))
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"seconds":%f,"failed":%d,"p50":%f,"p95":%f,"p99":%f}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
`;
}

/** Runs wrk (one thread) on `call` for `seconds` at `connections` connections. */
export async function runWrk(
  call: WrkCall,
  seconds: number,
  connections: number,
): Promise<WrkResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "palier-wrk-"));
  const file = path.join(dir, "call.lua");
  writeFileSync(file, script(call));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", file];
      const child = spawn(WRK, [...args, call.url], { stdio: ["ignore", "pipe", "inherit"] });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      child.once("error", reject);
      child.once("exit", (code) =>
        code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}`)),
      );
    });
    const line = output.split("\n").find((l) => l.startsWith("RESULT "));
    if (!line) throw new Error(`wrk printed no result:\n${output}`);
    const raw = JSON.parse(line.slice("RESULT ".length)) as {
      requests: number;
      seconds: number;
      failed: number;
      p50: number;
      p95: number;
      p99: number;
    };
    return {
      requestsPerSecond: raw.requests / raw.seconds,
      requests: raw.requests,
      failed: raw.failed,
      p50: raw.p50,
      p95: raw.p95,
      p99: raw.p99,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
