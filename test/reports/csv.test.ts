import { beforeAll, describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../src/modules/reports/csv.ts";
import { wantsCsv } from "../../src/modules/reports/negotiation.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createAccount, createStaff, type TestStaff } from "../helpers/factories.ts";
import { insertReportTicket, pastWindow, rateAnswer } from "./factories.ts";

describe("RFC 4180 fields", () => {
  it("quotes fields holding commas, quotes or line breaks, doubling inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Durand, Camille")).toBe('"Durand, Camille"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
    expect(csvField("Тайга Системс")).toBe("Тайга Системс");
  });

  it("writes numbers, booleans and empty cells as such, and defuses formulas in text", () => {
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@SUM, x")).toBe('"\'@SUM, x"');
  });

  it("ends every record, the header included, with CRLF", () => {
    const text = toCsv(
      [
        { header: "a", value: (r: { a: string; b: number }) => r.a },
        { header: "b", value: (r: { a: string; b: number }) => r.b },
      ],
      [
        { a: "x", b: 1 },
        { a: "y,z", b: 2 },
      ],
    );
    expect(text).toBe('a,b\r\nx,1\r\n"y,z",2\r\n');
    expect(toCsv([{ header: "only", value: () => null }], [])).toBe("only\r\n");
  });
});

describe("choosing CSV", () => {
  it("follows ?format, then an Accept header preferring text/csv", () => {
    expect(wantsCsv("csv", "application/json")).toBe(true);
    expect(wantsCsv("json", "text/csv")).toBe(false);
    expect(wantsCsv(undefined, undefined)).toBe(false);
    expect(wantsCsv(undefined, "text/csv")).toBe(true);
    expect(wantsCsv(undefined, "text/csv, application/json;q=0.5")).toBe(true);
    expect(wantsCsv(undefined, "application/json, text/csv;q=0.9")).toBe(false);
    expect(wantsCsv(undefined, "text/csv;q=0.5, */*;q=0.1")).toBe(true);
    expect(wantsCsv(undefined, "*/*")).toBe(false);
    expect(wantsCsv(undefined, "text/csv, application/json")).toBe(false);
  });
});

describe("reports as CSV", () => {
  let ctx: TestContext;
  let lead: TestStaff;
  let agent: TestStaff;
  const window = pastWindow();

  beforeAll(async () => {
    ctx = await testContext();
    lead = await createStaff(ctx.db, { role: "lead" });
    agent = await createStaff(ctx.db, { tier: "L2" });
    // A name a spreadsheet would split and run: quoted and defused.
    await ctx.db
      .updateTable("staff")
      .set({ name: '=Dupont, "Jo"' })
      .where("id", "=", agent.id)
      .execute();
    const accountId = (await createAccount(ctx.db)).id;
    const ticketId = await insertReportTicket(ctx.db, {
      accountId,
      universe: "server",
      level: "premium",
      severity: "high",
      createdAt: window.at(1),
      firstResponseDueAt: window.at(241),
      firstRespondedAt: window.at(31),
      solvedAt: window.at(121),
      status: "solved",
    });
    await rateAnswer(ctx.db, { ticketId, staffId: agent.id, rating: "solved", at: window.at(200) });
  });

  async function csv(name: string, how: { query?: string; accept?: string }) {
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/reports/${name}?${window.query}${how.query ?? ""}`,
      headers: { ...lead.auth, ...(how.accept ? { accept: how.accept } : {}) },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8; header=present");
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="${name}-${day(window.from)}-${day(window.to)}.csv"`,
    );
    return res.body.split("\r\n");
  }

  it("exports SLA compliance with a header row", async () => {
    const lines = await csv("sla-compliance", { query: "&format=csv" });
    expect(lines[0]).toBe(
      "universe,level,severity,tickets,first_responses,first_responses_within_target,late_first_responses,breaches,compliance_percent",
    );
    expect(lines.slice(1)).toEqual(["server,premium,high,1,1,1,0,0,100", ""]);
  });

  it("exports response times when Accept asks for text/csv", async () => {
    const lines = await csv("response-times", { accept: "text/csv" });
    expect(lines[0]).toBe(
      "universe,level,tickets,first_response_count,first_response_p50_minutes,first_response_p90_minutes,first_response_p95_minutes,first_response_p99_minutes,resolution_count,resolution_p50_minutes,resolution_p90_minutes,resolution_p95_minutes,resolution_p99_minutes",
    );
    expect(lines[1]).toBe("server,premium,1,1,30,30,30,30,1,120,120,120,120");
  });

  it("exports agents and teams of the ratings in one table, names quoted and defused", async () => {
    const lines = await csv("ratings", { query: "&format=csv" });
    expect(lines[0]).toBe(
      "scope,tier,staff_id,name,agents,answers_rated,solved,not_answered,solved_percent,not_answered_percent,reopenings",
    );
    expect(lines.slice(1)).toEqual([
      `agent,L2,${agent.id},"'=Dupont, ""Jo""",,1,1,0,100,0,0`,
      "team,L2,,,1,1,1,0,100,0,0",
      "",
    ]);
  });

  it("exports the backlog and Fast-Path use with their headers even when empty", async () => {
    const backlog = await csv("backlog", { query: "&format=csv" });
    expect(backlog[0]).toBe(
      "universe,tier,language,open,unassigned,assigned,paused,breached,oldest_due_at,oldest_created_at",
    );
    const fastPath = await csv("fast-path", { query: "&format=csv" });
    expect(fastPath[0]).toBe(
      "nic_handle,name,active,yearly_quota,used_in_period,used_in_year,remaining",
    );
  });

  it("keeps JSON when ?format=json overrides Accept", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/reports/backlog?${window.query}&format=json`,
      headers: { ...lead.auth, accept: "text/csv" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(res.json().items).toEqual([]);
  });
});
