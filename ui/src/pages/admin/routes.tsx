import type { Me } from "../../api/client.ts";
import type { Translator } from "../../i18n/index.ts";
import type { Route } from "../../routes.tsx";

/** Reports and the staff admins' screens: offers, calendars, catalogue, staff, mailbox. */
export function adminRoutes(_me: Me, _translator: Translator): Route[] {
  return [];
}
