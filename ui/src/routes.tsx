import type { JSX } from "preact";
import type { Me } from "./api/client.ts";
import type { Translator } from "./i18n/index.ts";
import type { Params } from "./lib/router.tsx";
import { adminRoutes } from "./pages/admin/routes.tsx";
import { ContactChangePage } from "./pages/contact-change/index.tsx";
import { Dashboard } from "./pages/dashboard/index.tsx";
import { deskRoutes } from "./pages/desk/routes.tsx";
import { NewTicket } from "./pages/new-ticket/index.tsx";
import { ServicePage } from "./pages/service/index.tsx";
import { SupportLevelsPage } from "./pages/support/index.tsx";
import { TicketPage } from "./pages/ticket/index.tsx";

export interface Route {
  pattern: string;
  /** The navigation label; routes without one are reached through links. */
  nav?: string;
  render(params: Params): JSX.Element;
}

/**
 * The screens the signed-in caller may use, most specific pattern first. Only built screens
 * are listed, so the navigation never offers a page that does not exist yet.
 */
export function routesFor(me: Me, translator: Translator): Route[] {
  const { t } = translator;
  // Staff screens live in their own folders; reports and admin follow the desk in the navigation.
  if (me.kind === "staff") return [...deskRoutes(me, translator), ...adminRoutes(me, translator)];
  return [
    { pattern: "/", nav: t("nav.dashboard"), render: () => <Dashboard /> },
    { pattern: "/tickets/new", nav: t("nav.newTicket"), render: () => <NewTicket /> },
    { pattern: "/support", nav: t("nav.support"), render: () => <SupportLevelsPage /> },
    {
      pattern: "/contact-changes/:id",
      render: ({ id = "" }) => <ContactChangePage key={id} id={id} />,
    },
    {
      pattern: "/services/:name",
      render: ({ name = "" }) => <ServicePage key={name} name={name} />,
    },
    {
      pattern: "/tickets/:number",
      render: ({ number = "" }) => <TicketPage key={number} number={number} />,
    },
  ];
}
