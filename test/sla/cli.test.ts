import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shipped } from "./fixtures.ts";

const BIN = new URL("../../bin/palier.js", import.meta.url).pathname;
const EXAMPLE = new URL("../../docs/examples/calendar-eu.json", import.meta.url).pathname;
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/palier.js sla deadline ...`, with no database configured at all. */
function deadline(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PALIER_DATA_DIR: path.join(dir, "absent") };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "sla", "deadline", ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, text: string): string {
  const target = path.join(dir, name);
  writeFileSync(target, text);
  return target;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "palier-sla-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.concurrent("palier sla deadline", () => {
  it("ships the EU calendar as the documented example file", () => {
    expect(JSON.parse(readFileSync(EXAMPLE, "utf8"))).toEqual(shipped("EU"));
  });

  it.each([
    // Friday 17:00 CET before the spring-forward weekend, 2 h: Monday 10:00 CEST.
    ["2026-03-27T17:00:00+01:00", "120", "2026-03-30T08:00:00.000Z"],
    // The same instant written in UTC.
    ["2026-03-27T16:00:00Z", "120", "2026-03-30T08:00:00.000Z"],
    // Christmas Eve 17:00: Friday 25 (holiday) and the weekend skipped.
    ["2026-12-24T17:00:00+01:00", "120", "2026-12-28T09:00:00.000Z"],
    // Saturday: counting starts Monday 09:00; 9 h lands on Monday's closing time.
    ["2026-11-14T10:00:00+01:00", "540", "2026-11-16T17:00:00.000Z"],
    // Fractional minutes; and zero minutes is the start itself.
    ["2026-11-16T09:00:00.000+01:00", "1.5", "2026-11-16T08:01:30.000Z"],
    ["2026-11-15T12:00:00Z", "0", "2026-11-15T12:00:00.000Z"],
  ])("from %s plus %s minutes prints %s and nothing else", async (from, minutes, expected) => {
    const run = await deadline(["--calendar", EXAMPLE, "--from", from, "--minutes", minutes]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${expected}\n`);
  });

  it("reads any calendar file, including night hours across a daylight-saving change", async () => {
    const nights = file(
      "nights.json",
      JSON.stringify({
        timeZone: "America/Toronto",
        weeklyHours: { sat: [["22:00", "24:00"]], sun: [["00:00", "06:00"]] },
      }),
    );
    // Saturday 7 March 2026 22:00 EST to Sunday 06:00 EDT is 7 h of business time.
    const run = await deadline([
      "--calendar",
      nights,
      "--from",
      "2026-03-07T12:00:00-05:00",
      "--minutes",
      "420",
    ]);
    expect(run.stdout).toBe("2026-03-08T10:00:00.000Z\n");
  });

  it.each([
    ["a missing file", () => path.join(dir, "missing.json"), "no such file"],
    ["a file that is not JSON", () => file("broken.json", "{ timeZone: Paris"), "not valid JSON"],
    [
      "an unknown time zone",
      () => file("zone.json", JSON.stringify({ ...shipped("EU"), timeZone: "Europe/Atlantis" })),
      "timeZone: must be an IANA time zone",
    ],
    [
      "overlapping intervals",
      () =>
        file(
          "overlap.json",
          JSON.stringify({
            timeZone: "Europe/Paris",
            weeklyHours: {
              mon: [
                ["09:00", "13:00"],
                ["12:00", "18:00"],
              ],
            },
          }),
        ),
      "weeklyHours.mon.1: overlaps weeklyHours.mon.0",
    ],
    [
      "a bad holiday",
      () => file("holiday.json", JSON.stringify({ ...shipped("EU"), holidays: ["2026-13-01"] })),
      "holidays.0: must be a real date",
    ],
  ])("exits 2 on %s, saying why", async (_what, make, message) => {
    const run = await deadline([
      "--calendar",
      make(),
      "--from",
      "2026-03-27T16:00:00Z",
      "--minutes",
      "60",
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
  });

  it.each([
    [
      "an instant without offset",
      ["--from", "2026-03-27T17:00:00", "--minutes", "60"],
      "--from must be",
    ],
    ["an impossible date", ["--from", "2026-02-30T17:00:00Z", "--minutes", "60"], "--from must be"],
    ["not a date at all", ["--from", "tomorrow", "--minutes", "60"], "--from must be"],
    [
      "minutes that are not a number",
      ["--from", "2026-03-27T16:00:00Z", "--minutes", "2h"],
      "--minutes must be",
    ],
    ["negative minutes", ["--from", "2026-03-27T16:00:00Z", "--minutes=-5"], "--minutes must be"],
    [
      "too many minutes",
      ["--from", "2026-03-27T16:00:00Z", "--minutes", "99999999"],
      "--minutes must be",
    ],
    ["a missing flag", ["--from", "2026-03-27T16:00:00Z"], "--minutes is required"],
    [
      "an unknown flag",
      ["--from", "2026-03-27T16:00:00Z", "--minutes", "5", "--zone", "UTC"],
      "--zone",
    ],
  ])("exits 2 on %s", async (_what, args, message) => {
    const run = await deadline(["--calendar", EXAMPLE, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(message);
  });
});
