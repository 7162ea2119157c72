import type { TSchema } from "@sinclair/typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { type Column, toCsv } from "./csv.ts";
import { wantsCsv } from "./negotiation.ts";
import {
  backlogColumns,
  complianceColumns,
  fastPathColumns,
  ratingsColumns,
  ratingsCsvRows,
  responseTimesColumns,
} from "./presenter.ts";
import {
  BacklogReport,
  FastPathReport,
  RatingsReport,
  ReportQuery,
  ResponseTimesReport,
  SlaComplianceReport,
} from "./schemas.ts";
import {
  backlogReport,
  fastPathReport,
  ratingsReport,
  responseTimesReport,
  slaComplianceReport,
} from "./service.ts";

const tags = ["reports"];
const PERIOD_NOTE =
  "Staff leads and admins. The period is ?from= (included) to ?to= (excluded), ISO 8601 " +
  "instants: by default the last 30 days, at most 366 days. ?format=csv (or Accept: text/csv) " +
  "returns the same figures as an RFC 4180 CSV attachment with a header row.";

/** A 200 documented as JSON and as CSV: the JSON schema also serialises the JSON form. */
function jsonOrCsv(schema: TSchema) {
  return {
    description: "The report",
    content: {
      "application/json": { schema },
      "text/csv": { schema: Type.String({ description: "RFC 4180, header row first" }) },
    },
  };
}

type Query = { Querystring: ReportQuery };

/** Sends the report as JSON, or as CSV when the caller asked for it. */
function reply<T extends { period: { from: string; to: string } }, R>(
  name: string,
  build: (request: FastifyRequest<Query>) => Promise<T>,
  csv: { columns: Column<R>[]; rows: (report: T) => R[] },
) {
  return async (request: FastifyRequest<Query>, response: FastifyReply) => {
    const report = await build(request);
    if (!wantsCsv(request.query.format, request.headers.accept)) return response.send(report);
    const day = (iso: string) => iso.slice(0, 10);
    const file = `${name}-${day(report.period.from)}-${day(report.period.to)}.csv`;
    return response
      .type("text/csv; charset=utf-8; header=present")
      .header("content-disposition", `attachment; filename="${file}"`)
      .send(toCsv(csv.columns, csv.rows(report)));
  };
}

export async function reportRoutes(app: App, ctx: AppContext): Promise<void> {
  const route = (summary: string, schema: TSchema) => ({
    schema: {
      tags,
      summary,
      description: PERIOD_NOTE,
      security: securityRequirements,
      querystring: ReportQuery,
      response: withProblems({ 200: jsonOrCsv(schema) }),
    },
  });
  const principal = (request: FastifyRequest) => request.principal;

  app.get(
    "/reports/sla-compliance",
    route(
      "SLA compliance per universe, level and severity: first responses within target, breaches",
      SlaComplianceReport,
    ),
    reply(
      "sla-compliance",
      (request) => slaComplianceReport(ctx, principal(request), request.query),
      { columns: complianceColumns, rows: (report) => report.items },
    ),
  );

  app.get(
    "/reports/response-times",
    route(
      "First-response and resolution time percentiles (p50, p90, p95, p99) per universe and level",
      ResponseTimesReport,
    ),
    reply(
      "response-times",
      (request) => responseTimesReport(ctx, principal(request), request.query),
      { columns: responseTimesColumns, rows: (report) => report.items },
    ),
  );

  app.get(
    "/reports/backlog",
    route(
      "Unsolved tickets per queue (universe, tier, language): assigned or not, breached, oldest due",
      BacklogReport,
    ),
    reply("backlog", (request) => backlogReport(ctx, principal(request), request.query), {
      columns: backlogColumns,
      rows: (report) => report.items,
    }),
  );

  app.get(
    "/reports/ratings",
    route(
      "Answer ratings per agent and per team (tier): solved, not answered, reopenings",
      RatingsReport,
    ),
    reply("ratings", (request) => ratingsReport(ctx, principal(request), request.query), {
      columns: ratingsColumns,
      rows: ratingsCsvRows,
    }),
  );

  app.get(
    "/reports/fast-path",
    route(
      "Fast-Path use per partner account: uses in the period and the year, quota, remaining",
      FastPathReport,
    ),
    reply("fast-path", (request) => fastPathReport(ctx, principal(request), request.query), {
      columns: fastPathColumns,
      rows: (report) => report.items,
    }),
  );
}
