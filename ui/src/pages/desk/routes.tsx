import type { Me } from "../../api/client.ts";
import type { Translator } from "../../i18n/index.ts";
import type { Route } from "../../routes.tsx";
import { StaffHome } from "../home.tsx";

/** The support desk's screens for staff: queues, held tickets, the ticket workspace. */
export function deskRoutes(_me: Me, { t }: Translator): Route[] {
  return [{ pattern: "/", nav: t("nav.dashboard"), render: () => <StaffHome /> }];
}
