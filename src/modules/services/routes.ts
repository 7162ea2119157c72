import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import {
  ProvisionBody,
  ServiceContactsBody,
  ServiceDetail,
  ServiceListQuery,
  ServicePage,
  ServiceParams,
  UpdateBody,
} from "./schemas.ts";
import {
  getService,
  getServiceContacts,
  listServicesFor,
  operateService,
  provisionService,
} from "./service.ts";

const tags = ["services"];

export async function serviceRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    "/services",
    {
      schema: {
        tags,
        summary: "Services where my account holds a contact role (staff: the services they see)",
        security: securityRequirements,
        querystring: ServiceListQuery,
        response: withProblems({ 200: ServicePage }),
      },
    },
    async (request) => listServicesFor(ctx, requirePrincipal(request.principal), request.query),
  );

  app.post(
    "/services",
    {
      schema: {
        tags,
        summary: "Provision a service with its contacts and resources (staff admin)",
        security: securityRequirements,
        body: ProvisionBody,
        response: withProblems({ 201: ServiceDetail }),
      },
    },
    async (request, reply) => {
      const created = await provisionService(ctx, actorOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    "/services/:serviceName",
    {
      schema: {
        tags,
        summary: "One service with its resources",
        security: securityRequirements,
        params: ServiceParams,
        response: withProblems({ 200: ServiceDetail }),
      },
    },
    async (request) =>
      getService(ctx, requirePrincipal(request.principal), request.params.serviceName),
  );

  app.patch(
    "/services/:serviceName",
    {
      schema: {
        tags,
        summary: "Change a service's status or datacenter (staff admin)",
        security: securityRequirements,
        params: ServiceParams,
        body: UpdateBody,
        response: withProblems({ 200: ServiceDetail }),
      },
    },
    async (request) =>
      operateService(ctx, actorOf(request), request.params.serviceName, request.body),
  );

  app.get(
    "/services/:serviceName/contacts",
    {
      schema: {
        tags,
        summary: "The admin, tech and billing contacts of a service",
        security: securityRequirements,
        params: ServiceParams,
        response: withProblems({ 200: ServiceContactsBody }),
      },
    },
    async (request) =>
      getServiceContacts(ctx, requirePrincipal(request.principal), request.params.serviceName),
  );
}
