import { Type } from "@sinclair/typebox";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { Page } from "../../http/pagination.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { MailboxQuery, MailMessage, MailParams, MailSummary } from "./schemas.ts";
import { readMail, readMailbox } from "./service.ts";

const tags = ["mailbox"];

/**
 * The developer mailbox: every notification Palier queued, as stored. Without SMTP_URL it is
 * where mail goes; with it, it shows what was sent (secret links redacted) and what failed.
 */
export async function mailboxRoutes(app: App, ctx: AppContext): Promise<void> {
  app.addSchema(MailSummary);
  app.addSchema(MailMessage);

  app.get(
    "/admin/mailbox",
    {
      schema: {
        tags,
        summary: "Notifications queued for mail, newest first (staff admins)",
        description:
          "Filter by recipient (`to`), ticket number (`ticket`) or `status`. Without SMTP_URL " +
          "mails are held here instead of being sent.",
        security: securityRequirements,
        querystring: MailboxQuery,
        response: withProblems({ 200: Page(Type.Ref("MailSummary")) }),
      },
    },
    async (request) => readMailbox(ctx, requirePrincipal(request.principal), request.query),
  );

  app.get(
    "/admin/mailbox/:id",
    {
      schema: {
        tags,
        summary: "One notification mail with headers, text and HTML (staff admins)",
        security: securityRequirements,
        params: MailParams,
        response: withProblems({ 200: Type.Ref("MailMessage") }),
      },
    },
    async (request) => readMail(ctx, requirePrincipal(request.principal), request.params.id),
  );
}
