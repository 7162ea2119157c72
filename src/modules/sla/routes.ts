import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import {
  Calendar,
  CalendarListQuery,
  CalendarParams,
  CalendarPut,
  CalendarPutParams,
  Page,
} from "./schemas.ts";
import * as sla from "./service.ts";

const tags = ["support"];
// Reads are public; a signed-in caller is still recognised, so the scheme is listed as optional.
const optionalSecurity = [...securityRequirements, {}];

export async function slaRoutes(app: App, ctx: AppContext): Promise<void> {
  const { db } = ctx;

  app.get(
    "/support/calendars",
    {
      schema: {
        tags,
        summary: "Business calendars: time zone, weekly opening hours and holidays (public)",
        security: optionalSecurity,
        querystring: CalendarListQuery,
        response: withProblems({ 200: Page(Calendar) }),
      },
    },
    async (request) => sla.listCalendars(db, request.principal, request.query),
  );

  app.get(
    "/support/calendars/:code",
    {
      schema: {
        tags,
        summary: "One business calendar (public)",
        security: optionalSecurity,
        params: CalendarParams,
        response: withProblems({ 200: Calendar }),
      },
    },
    async (request) => sla.getCalendar(db, request.principal, request.params.code),
  );

  app.put(
    "/support/calendars/:code",
    {
      schema: {
        tags,
        summary: "Create or replace a business calendar (staff admins)",
        description:
          "Validated as a whole: an unknown time zone, a malformed HH:MM, an interval that " +
          "ends before it starts or overlaps another, or an impossible date is a 400 naming the field.",
        security: securityRequirements,
        params: CalendarPutParams,
        body: CalendarPut,
        response: withProblems({ 200: Calendar, 201: Calendar }),
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const result = await sla.putCalendar(db, actorOf(request), code, request.body);
      if (result.created) reply.header("location", `/api/v1/support/calendars/${code}`);
      return reply.code(result.created ? 201 : 200).send(result.calendar);
    },
  );
}
