import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { Page } from "../../http/pagination.ts";
import { requirePrincipal } from "../../http/principal.ts";
import {
  NewStaffBody,
  StaffListQuery,
  StaffMember,
  StaffParams,
  StaffPatchBody,
} from "./schemas.ts";
import { createStaff, getStaff, listStaff, updateStaff } from "./service.ts";

const tags = ["staff"];
const security = securityRequirements;

export async function staffRoutes(app: App, ctx: AppContext): Promise<void> {
  app.addSchema(StaffMember);
  const StaffRef = Type.Ref("StaffMember");

  app.get(
    "/staff",
    {
      schema: {
        tags,
        summary: "List staff members in name order (staff only)",
        security,
        querystring: StaffListQuery,
        response: withProblems({ 200: Page(StaffRef) }),
      },
    },
    async (request) => listStaff(ctx.db, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/staff/:id",
    {
      schema: {
        tags,
        summary: "One staff member (staff only)",
        security,
        params: StaffParams,
        response: withProblems({ 200: StaffRef }),
      },
    },
    async (request) => getStaff(ctx.db, requirePrincipal(request.principal), request.params.id),
  );

  app.post(
    "/staff",
    {
      schema: {
        tags,
        summary: "Create a staff member (staff admins)",
        security,
        body: NewStaffBody,
        response: withProblems({ 201: StaffRef }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = await createStaff(ctx.db, actor, request.body);
      return reply.code(201).send(await getStaff(ctx.db, actor.principal, id));
    },
  );

  app.patch(
    "/staff/:id",
    {
      schema: {
        tags,
        summary: "Change a staff member (staff admins)",
        description: "An admin may not demote or deactivate themselves.",
        security,
        params: StaffParams,
        body: StaffPatchBody,
        response: withProblems({ 200: StaffRef }),
      },
    },
    async (request) => updateStaff(ctx.db, actorOf(request), request.params.id, request.body),
  );
}
