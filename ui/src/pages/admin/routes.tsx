import type { Me } from "../../api/client.ts";
import type { Translator } from "../../i18n/index.ts";
import { lazyScreen } from "../../lib/lazy.tsx";
import type { Route } from "../../routes.tsx";

// Each screen is its own chunk: agents never fetch the admin screens, customers none of them.
const Reports = lazyScreen(() => import("./reports/index.tsx").then((m) => m.ReportsPage));
const Offers = lazyScreen(() => import("./offers.tsx").then((m) => m.OffersPage));
const Calendars = lazyScreen(() => import("./calendars.tsx").then((m) => m.CalendarsPage));
const Catalogue = lazyScreen(() => import("./catalogue.tsx").then((m) => m.CataloguePage));
const Staff = lazyScreen(() => import("./staff.tsx").then((m) => m.StaffPage));
const CannedAnswers = lazyScreen(() =>
  import("./canned-answers.tsx").then((m) => m.CannedAnswersPage),
);
const Mailbox = lazyScreen(() => import("./mailbox.tsx").then((m) => m.MailboxPage));
const Mail = lazyScreen(() => import("./mail.tsx").then((m) => m.MailPage));

/**
 * Reports and the staff admins' screens: offers, calendars, catalogue, staff, canned answers,
 * mailbox. Each is offered only to the roles its API serves: reports to leads and admins
 * (src/modules/reports/policy.ts), the rest to admins, the only role that may change offers,
 * calendars, the catalogue, staff and canned answers, or read the developer mailbox.
 */
export function adminRoutes(me: Me, { t }: Translator): Route[] {
  if (me.kind !== "staff" || me.role === "agent") return [];
  const reports: Route = { pattern: "/reports", nav: t("nav.reports"), render: () => <Reports /> };
  if (me.role !== "admin") return [reports];
  return [
    reports,
    { pattern: "/admin/offers", nav: t("nav.offers"), render: () => <Offers /> },
    { pattern: "/admin/calendars", nav: t("nav.calendars"), render: () => <Calendars /> },
    { pattern: "/admin/catalogue", nav: t("nav.catalogue"), render: () => <Catalogue /> },
    { pattern: "/admin/staff", nav: t("nav.staff"), render: () => <Staff /> },
    {
      pattern: "/admin/canned-answers",
      nav: t("nav.cannedAnswers"),
      render: () => <CannedAnswers />,
    },
    { pattern: "/admin/mailbox", nav: t("nav.mailbox"), render: () => <Mailbox /> },
    { pattern: "/admin/mailbox/:id", render: ({ id = "" }) => <Mail key={id} id={id} /> },
  ];
}
