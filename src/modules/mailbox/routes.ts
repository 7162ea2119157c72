import { Type } from "@sinclair/typebox";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { Page } from "../../http/pagination.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { MailboxQuery, MailMessage, MailParams, MailSummary } from "./schemas.ts";
import { readMail, readMailbox } from "./service.ts";

const tags = ["mailbox"];
// A mail's HTML is someone else's document: sandboxed even when opened on its own, with only
// the inline styles and data: images the templates use. Nothing is fetched, nothing runs.
const MAIL_HTML_POLICY =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; " +
  "form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

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

  app.get(
    "/admin/mailbox/:id/html",
    {
      schema: {
        tags,
        summary: "One mail's HTML as a document of its own, for a sandboxed frame (staff admins)",
        description:
          "The same HTML as the mail's `html`, served as text/html under a Content-Security-" +
          "Policy that sandboxes it (no script, no form, an opaque origin) and allows only its " +
          "inline styles and data: images, so it shows as the recipient would see it.",
        security: securityRequirements,
        params: MailParams,
        response: withProblems({
          200: {
            description: "The mail's HTML",
            content: { "text/html": { schema: Type.String() } },
          },
        }),
      },
    },
    async (request, reply) => {
      const mail = await readMail(ctx, requirePrincipal(request.principal), request.params.id);
      return reply
        .type("text/html; charset=utf-8")
        .header("content-security-policy", MAIL_HTML_POLICY)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "no-store")
        .header("referrer-policy", "no-referrer")
        .send(mail.html);
    },
  );
}
