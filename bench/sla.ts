import os from "node:os";
import { alwaysOpen, type BusinessCalendar, compileCalendar } from "../src/modules/sla/calendar.ts";
import { shippedCalendars } from "../src/modules/sla/reference-data.ts";
import { writeSection } from "./report.ts";

// SLA arithmetic benchmark: deadlines and elapsed business time per second, one thread.
const INPUTS = 100_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const RUNS = 5;
const FROM = Date.UTC(2026, 0, 1);
const SPAN = 2 * 365 * 86_400_000;
/** The first-response targets of the seeded offers, Fast-Path's 30 minutes and 48 h. */
const TARGETS = [15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320];

/** mulberry32: the same inputs on every run and machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const next = random(20261126);
const starts = Array.from({ length: INPUTS }, () => new Date(FROM + Math.floor(next() * SPAN)));
const minutes = Array.from(
  { length: INPUTS },
  () => TARGETS[Math.floor(next() * TARGETS.length)] as number,
);
// Elapsed time between a ticket event and one up to 14 days later, to the millisecond.
const ends = starts.map(
  (start) => new Date(start.getTime() + Math.floor(next() * 14 * 86_400_000)),
);

function spec(code: string) {
  const calendar = shippedCalendars.find((c) => c.code === code);
  if (!calendar) throw new Error(`no calendar ${code}`);
  return {
    timeZone: calendar.timeZone,
    weeklyHours: calendar.weeklyHours,
    holidays: calendar.holidays,
  };
}

let sink = 0;
type Op = (calendar: BusinessCalendar, i: number) => number;
const deadline: Op = (calendar, i) =>
  calendar.addMinutes(starts[i] as Date, minutes[i] as number).getTime();
const between: Op = (calendar, i) => calendar.minutesBetween(starts[i] as Date, ends[i] as Date);

/** Operations per second over SECONDS, cycling through the inputs. */
function throughput(calendar: BusinessCalendar, op: Op): number {
  let count = 0;
  const started = performance.now();
  const stop = started + SECONDS * 1000;
  let now = started;
  while (now < stop) {
    for (let i = 0; i < INPUTS; i++) sink += op(calendar, i);
    count += INPUTS;
    now = performance.now();
  }
  return count / ((now - started) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Row {
  scenario: string;
  median: number;
  min: number;
  max: number;
}

function measure(scenario: string, calendar: BusinessCalendar, op: Op): Row {
  throughput(calendar, op); // warm-up: JIT and the calendar's per-day cache
  const runs = Array.from({ length: RUNS }, () => throughput(calendar, op));
  const row = { scenario, median: median(runs), min: Math.min(...runs), max: Math.max(...runs) };
  console.log(`${scenario.padEnd(58)} ${Math.round(row.median).toLocaleString("en")} /s`);
  return row;
}

/** A new calendar's first pass, which builds every local day it meets from Intl. */
function coldPass(code: string): { ms: number; perSecond: number } {
  const calendar = compileCalendar(spec(code));
  const started = performance.now();
  for (let i = 0; i < INPUTS; i++) sink += deadline(calendar, i);
  const ms = performance.now() - started;
  return { ms, perSecond: INPUTS / (ms / 1000) };
}

const cold = coldPass("CA"); // before anything warms the Toronto zone's offsets
const eu = compileCalendar(spec("EU"));
const us = compileCalendar(spec("US"));
const rows = [
  measure("addMinutes, EU calendar (Paris, Mon-Fri 09-18, holidays)", eu, deadline),
  measure("addMinutes, US calendar (New York)", us, deadline),
  measure("addMinutes, alwaysOpen (24/7)", alwaysOpen, deadline),
  measure("minutesBetween, EU calendar, spans up to 14 days", eu, between),
  measure("minutesBetween, alwaysOpen", alwaysOpen, between),
];
if (sink === 42) console.log("");

function machineWithLoad(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  // Other processes share the cores; the load average says how busy the machine was.
  const load = os.loadavg()[0]?.toFixed(2) ?? "unknown";
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load} at the end`;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const date = new Date().toISOString().slice(0, 10);
const section = [
  `### SLA calendar arithmetic (${date})`,
  "",
  `Machine: ${machineWithLoad()}. One thread, in process. ${INPUTS.toLocaleString("en")} random start instants over 2026-2027, targets drawn from ${TARGETS.join(", ")} minutes (15 min to 72 h); ${RUNS} runs of ${SECONDS} s after a warm-up, median with the range; \`npm run bench:sla\`. Target: at least 500,000 deadlines per second on one core.`,
  "",
  "| scenario | operations/s (median) | slowest run | fastest run |",
  "|---|---:|---:|---:|",
  ...rows.map((r) => `| ${r.scenario} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} |`),
  "",
  `Cold start: the first ${INPUTS.toLocaleString("en")} deadlines on a newly compiled CA calendar (Toronto), which reads each local day's UTC offsets from Intl once, took ${cold.ms.toFixed(0)} ms (${fmt(cold.perSecond)}/s); afterwards every deadline is integer arithmetic on cached day intervals.`,
  "",
].join("\n");

writeSection("sla", section);
