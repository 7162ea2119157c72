import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import {
  AccountParams,
  Charge,
  ChargeQuery,
  FastPath,
  FastPathBody,
  HistoryPage,
  HistoryQuery,
  SubscriptionChange,
  SubscriptionList,
  SubscriptionPut,
  UniverseParams,
} from "./account-schemas.ts";
import { monthlyCharge } from "./charge.ts";
import { cancelFastPath, getFastPath, subscribeFastPath } from "./fast-path.ts";
import { changeSubscription, listHistory, listSubscriptions } from "./subscriptions.ts";

const tags = ["support"];
const security = securityRequirements;

/** An account's subscriptions and Fast-Path: its users and staff (changes: users and admins). */
export async function accountSupportRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    "/accounts/:nic/subscriptions",
    {
      schema: {
        tags,
        summary: "The account's level in each universe, any scheduled change, and history",
        security,
        params: AccountParams,
        response: withProblems({ 200: SubscriptionList }),
      },
    },
    async (request) => listSubscriptions(ctx, request.principal, request.params.nic),
  );

  app.put(
    "/accounts/:nic/subscriptions/:universe",
    {
      schema: {
        tags,
        summary: "Choose the account's level in a universe (its users, staff admins)",
        description:
          "An upgrade applies at once. A downgrade applies at the start of next month (UTC): " +
          "the current level stays until then and the new one is shown as pending. Asking for " +
          "the current level withdraws a pending downgrade, otherwise does nothing. The partner " +
          "level is only for commercial partners with a programme in the universe.",
        security,
        params: UniverseParams,
        body: SubscriptionPut,
        response: withProblems({ 200: SubscriptionChange }),
      },
    },
    async (request) =>
      changeSubscription(
        ctx,
        actorOf(request),
        request.params.nic,
        request.params.universe,
        request.body.level,
      ),
  );

  app.get(
    "/accounts/:nic/subscriptions/:universe/history",
    {
      schema: {
        tags,
        summary: "Every subscription of the account in a universe that has started, newest first",
        security,
        params: UniverseParams,
        querystring: HistoryQuery,
        response: withProblems({ 200: HistoryPage }),
      },
    },
    async (request) =>
      listHistory(
        ctx,
        request.principal,
        request.params.nic,
        request.params.universe,
        request.query,
      ),
  );

  app.get(
    "/accounts/:nic/subscriptions/:universe/charge",
    {
      schema: {
        tags,
        summary: "The support charge of one month, for the billing system",
        description:
          "The offer in force at 00:00 UTC on the month's first day applies to the whole month, " +
          "at its current price, without proration. Percent offers need spendCents, the " +
          "account's spend in the universe that month; the result is at least the minimum.",
        security,
        params: UniverseParams,
        querystring: ChargeQuery,
        response: withProblems({ 200: Charge }),
      },
    },
    async (request) =>
      monthlyCharge(
        ctx,
        request.principal,
        request.params.nic,
        request.params.universe,
        request.query,
      ),
  );

  app.get(
    "/accounts/:nic/fast-path",
    {
      schema: {
        tags,
        summary: "Fast-Path: the subscription, the yearly quota and this year's uses",
        security,
        params: AccountParams,
        response: withProblems({ 200: FastPath }),
      },
    },
    async (request) => getFastPath(ctx, request.principal, request.params.nic),
  );

  app.post(
    "/accounts/:nic/fast-path",
    {
      schema: {
        tags,
        summary: "Subscribe to Fast-Path (certified technical partners; its users, staff admins)",
        description:
          "Defaults: 50 EUR a month, 6 uses a calendar year. Only staff admins may set " +
          "priceCents or yearlyQuota.",
        security,
        params: AccountParams,
        body: FastPathBody,
        response: withProblems({ 201: FastPath }),
      },
    },
    async (request, reply) => {
      const view = await subscribeFastPath(ctx, actorOf(request), request.params.nic, request.body);
      return reply.code(201).send(view);
    },
  );

  app.delete(
    "/accounts/:nic/fast-path",
    {
      schema: {
        tags,
        summary: "Cancel Fast-Path at once (its users, staff admins)",
        security,
        params: AccountParams,
        response: withProblems({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      await cancelFastPath(ctx, actorOf(request), request.params.nic);
      return reply.code(204).send(null);
    },
  );
}
