import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import {
  DeliveryListQuery,
  DeliveryPage,
  PingAccepted,
  Subscription,
  SubscriptionBody,
  SubscriptionListQuery,
  SubscriptionPage,
  SubscriptionParams,
  SubscriptionPatch,
  SubscriptionWithSecret,
} from "./schemas.ts";
import {
  createSubscription,
  deleteWebhookSubscription,
  getWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  pingWebhookSubscription,
  rotateWebhookSecret,
  updateWebhookSubscription,
} from "./service.ts";

const tags = ["webhooks"];
const security = securityRequirements;

export async function webhookRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    "/webhooks",
    {
      // The secret is shown once: an Idempotency-Key replay returns the record without it.
      config: { idempotencyRedact: ["secret"] },
      schema: {
        tags,
        summary: "Subscribe a URL to webhook events",
        description:
          "A user subscribes for its account's events; a staff admin creates a global " +
          "subscription, which receives every event. The response carries the signing secret, " +
          "shown this once. See docs/WEBHOOKS.md for payloads and the verification recipe.",
        security,
        body: SubscriptionBody,
        response: withProblems({ 201: SubscriptionWithSecret }),
      },
    },
    async (request, reply) => {
      const created = await createSubscription(ctx, actorOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    "/webhooks",
    {
      schema: {
        tags,
        summary: "Webhook subscriptions, newest first (users: their account's; staff admins: all)",
        security,
        querystring: SubscriptionListQuery,
        response: withProblems({ 200: SubscriptionPage }),
      },
    },
    async (request) =>
      listWebhookSubscriptions(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/webhooks/:id",
    {
      schema: {
        tags,
        summary: "One webhook subscription",
        security,
        params: SubscriptionParams,
        response: withProblems({ 200: Subscription }),
      },
    },
    async (request) =>
      getWebhookSubscription(ctx, requirePrincipal(request.principal), request.params.id),
  );

  app.patch(
    "/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Change a subscription's URL, event types, description, or pause and resume it",
        security,
        params: SubscriptionParams,
        body: SubscriptionPatch,
        response: withProblems({ 200: Subscription }),
      },
    },
    async (request) =>
      updateWebhookSubscription(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/webhooks/:id",
    {
      schema: {
        tags,
        summary: "Delete a subscription; deliveries still queued for it are skipped",
        security,
        params: SubscriptionParams,
        response: withProblems({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await deleteWebhookSubscription(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/webhooks/:id/rotate-secret",
    {
      config: { idempotencyRedact: ["secret"] },
      schema: {
        tags,
        summary: "Replace the signing secret; the new one is shown in this response only",
        security,
        params: SubscriptionParams,
        response: withProblems({ 200: SubscriptionWithSecret }),
      },
    },
    async (request) => rotateWebhookSecret(ctx, actorOf(request), request.params.id),
  );

  app.post(
    "/webhooks/:id/ping",
    {
      schema: {
        tags,
        summary: "Send a ping event now; its attempts appear in the delivery log",
        security,
        params: SubscriptionParams,
        response: withProblems({ 202: PingAccepted }),
      },
    },
    async (request, reply) => {
      const accepted = await pingWebhookSubscription(ctx, actorOf(request), request.params.id);
      return reply.code(202).send(accepted);
    },
  );

  app.get(
    "/webhooks/:id/deliveries",
    {
      schema: {
        tags,
        summary: "The delivery log: one entry per attempt, newest first",
        security,
        params: SubscriptionParams,
        querystring: DeliveryListQuery,
        response: withProblems({ 200: DeliveryPage }),
      },
    },
    async (request) =>
      listWebhookDeliveries(
        ctx,
        requirePrincipal(request.principal),
        request.params.id,
        request.query,
      ),
  );
}
