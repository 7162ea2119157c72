import type { App, AppContext } from "../http/context.ts";
import { accountRoutes } from "./accounts/routes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { cannedAnswerRoutes } from "./canned-answers/routes.ts";
import { catalogRoutes } from "./catalog/routes.ts";
import { contactChangeRoutes } from "./contact-changes/routes.ts";
import { inboundMailRoutes } from "./inbound-mail/routes.ts";
import { jobRoutes } from "./jobs/routes.ts";
import { liveRoutes } from "./live/routes.ts";
import { mailboxRoutes } from "./mailbox/routes.ts";
import { reportRoutes } from "./reports/routes.ts";
import { routingRoutes } from "./routing/routes.ts";
import { serviceRoutes } from "./services/routes.ts";
import { slaRoutes } from "./sla/routes.ts";
import { staffRoutes } from "./staff/routes.ts";
import { supportRoutes } from "./support/routes.ts";
import { ticketRoutes } from "./tickets/routes.ts";
import { webhookRoutes } from "./webhooks/routes.ts";

/** Every domain module's routes, mounted under /api/v1. */
export async function registerModules(app: App, ctx: AppContext): Promise<void> {
  await authRoutes(app, ctx);
  await catalogRoutes(app, ctx);
  await accountRoutes(app, ctx);
  await staffRoutes(app, ctx);
  await serviceRoutes(app, ctx);
  await contactChangeRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await ticketRoutes(app, ctx);
  await slaRoutes(app, ctx);
  await supportRoutes(app, ctx);
  await reportRoutes(app, ctx);
  await routingRoutes(app, ctx);
  await liveRoutes(app, ctx);
  await jobRoutes(app, ctx);
  await inboundMailRoutes(app, ctx);
  await webhookRoutes(app, ctx);
  await mailboxRoutes(app, ctx);
  await cannedAnswerRoutes(app, ctx);
}
