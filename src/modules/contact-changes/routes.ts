import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { ServiceParams } from "../services/schemas.ts";
import { abortContactChange, decideContactChange } from "./decisions.ts";
import {
  ChangeListQuery,
  ChangePage,
  ChangeParams,
  ContactChange,
  DecisionBody,
  RequestBody,
} from "./schemas.ts";
import {
  getContactChange,
  listMyContactChanges,
  listServiceContactChanges,
  requestContactChange,
} from "./service.ts";

const tags = ["contact changes"];

export async function contactChangeRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    "/services/:serviceName/contact-changes",
    {
      schema: {
        tags,
        summary: "Hand a contact role to another account (both accounts then accept)",
        description:
          "The admin contact may hand any role; the tech or billing contact only its own " +
          "(422 role_not_transferable otherwise); staff admins may request for the customer. " +
          "Both accounts must be in the same region. Each side receives its own single-use " +
          "token by notification; the task expires after CONTACT_CHANGE_TTL_DAYS days.",
        security: securityRequirements,
        params: ServiceParams,
        body: RequestBody,
        response: withProblems({ 201: ContactChange }),
      },
    },
    async (request, reply) => {
      const change = await requestContactChange(
        ctx,
        actorOf(request),
        request.params.serviceName,
        request.body,
      );
      return reply.code(201).send(change);
    },
  );

  app.get(
    "/services/:serviceName/contact-changes",
    {
      schema: {
        tags,
        summary: "Contact changes of a service, newest first",
        security: securityRequirements,
        params: ServiceParams,
        querystring: ChangeListQuery,
        response: withProblems({ 200: ChangePage }),
      },
    },
    async (request) =>
      listServiceContactChanges(
        ctx,
        requirePrincipal(request.principal),
        request.params.serviceName,
        request.query,
      ),
  );

  app.get(
    "/contact-changes",
    {
      schema: {
        tags,
        summary: "Contact changes where my account gives or receives a role (staff: all they see)",
        security: securityRequirements,
        querystring: ChangeListQuery,
        response: withProblems({ 200: ChangePage }),
      },
    },
    async (request) =>
      listMyContactChanges(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/contact-changes/:id",
    {
      schema: {
        tags,
        summary: "One contact change",
        security: securityRequirements,
        params: ChangeParams,
        response: withProblems({ 200: ContactChange }),
      },
    },
    async (request) =>
      getContactChange(ctx, requirePrincipal(request.principal), request.params.id),
  );

  for (const [verb, decision] of [
    ["accept", "accepted"],
    ["refuse", "refused"],
  ] as const) {
    app.post(
      `/contact-changes/:id/${verb}`,
      {
        schema: {
          tags,
          summary: `${verb === "accept" ? "Accept" : "Refuse"} a contact change with my side's token`,
          security: securityRequirements,
          params: ChangeParams,
          body: DecisionBody,
          response: withProblems({ 200: ContactChange }),
        },
      },
      async (request) =>
        decideContactChange(ctx, actorOf(request), request.params.id, request.body.token, decision),
    );
  }

  app.post(
    "/contact-changes/:id/abort",
    {
      schema: {
        tags,
        summary: "Withdraw an open contact change (requesting account or staff admin)",
        security: securityRequirements,
        params: ChangeParams,
        response: withProblems({ 200: ContactChange }),
      },
    },
    async (request) => abortContactChange(ctx, actorOf(request), request.params.id),
  );
}
