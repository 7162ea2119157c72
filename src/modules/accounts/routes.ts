import { Type } from "@sinclair/typebox";
import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { Page } from "../../http/pagination.ts";
import { requirePrincipal } from "../../http/principal.ts";
import {
  Account,
  AccountListQuery,
  AccountPatchBody,
  NewAccountBody,
  NewUserBody,
  NicParams,
  User,
  UserListQuery,
} from "./schemas.ts";
import {
  createAccount,
  createUser,
  getAccount,
  getUser,
  listAccounts,
  listUsers,
  updateAccount,
} from "./service.ts";

const tags = ["accounts"];
const security = securityRequirements;

export async function accountRoutes(app: App, ctx: AppContext): Promise<void> {
  app.addSchema(Account);
  app.addSchema(User);
  const AccountRef = Type.Ref("Account");
  const UserRef = Type.Ref("AccountUser");

  app.post(
    "/accounts",
    {
      schema: {
        tags,
        summary: "Create a customer account (staff leads and admins)",
        description: "Without nicHandle, one is generated from the name's initials.",
        security,
        body: NewAccountBody,
        response: withProblems({ 201: AccountRef }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { nicHandle } = await createAccount(ctx.db, actor, request.body);
      return reply.code(201).send(await getAccount(ctx.db, actor.principal, nicHandle));
    },
  );

  app.get(
    "/accounts",
    {
      schema: {
        tags,
        summary: "List accounts in NIC handle order (staff only)",
        security,
        querystring: AccountListQuery,
        response: withProblems({ 200: Page(AccountRef) }),
      },
    },
    async (request) => listAccounts(ctx.db, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/accounts/:nic",
    {
      schema: {
        tags,
        summary: "One account (its own users, and staff)",
        security,
        params: NicParams,
        response: withProblems({ 200: AccountRef }),
      },
    },
    async (request) => getAccount(ctx.db, requirePrincipal(request.principal), request.params.nic),
  );

  app.patch(
    "/accounts/:nic",
    {
      schema: {
        tags,
        summary: "Change an account",
        description:
          "Users of the account may change name and language. Staff admins may also change " +
          "programme, certifiedAt, partnerProgrammes (replacing the whole set) and region.",
        security,
        params: NicParams,
        body: AccountPatchBody,
        response: withProblems({ 200: AccountRef }),
      },
    },
    async (request) => updateAccount(ctx.db, actorOf(request), request.params.nic, request.body),
  );

  app.get(
    "/accounts/:nic/users",
    {
      schema: {
        tags,
        summary: "Users of an account, in email order",
        security,
        params: NicParams,
        querystring: UserListQuery,
        response: withProblems({ 200: Page(UserRef) }),
      },
    },
    async (request) =>
      listUsers(ctx.db, requirePrincipal(request.principal), request.params.nic, request.query),
  );

  app.post(
    "/accounts/:nic/users",
    {
      schema: {
        tags,
        summary: "Add a user to an account (its users, or staff leads and admins)",
        security,
        params: NicParams,
        body: NewUserBody,
        response: withProblems({ 201: UserRef }),
      },
    },
    async (request, reply) => {
      const { id } = await createUser(ctx.db, actorOf(request), {
        ...request.body,
        nicHandle: request.params.nic,
      });
      return reply.code(201).send(await getUser(ctx.db, id));
    },
  );
}
