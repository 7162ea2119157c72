import type { TicketCategory, Universe } from "../../db/schema.ts";
import { can, rolesOf } from "../services/policy.ts";
import type { AccountServiceRow } from "./repository.ts";

/**
 * Where a ticket opened by mail goes. A mail says nothing of service, category, impact or
 * area, so the account's services decide (the "default service rules"):
 *
 * 1. The account holds a technical role (admin or tech contact) on exactly one service: an
 *    assistance ticket on that service.
 * 2. On several: the one whose name the subject or the body mentions, when exactly one does.
 * 3. Otherwise, when all the services the account holds any role on lie in one universe: an
 *    account question in that universe, without a service (staff of that universe read it and
 *    ask which service it concerns).
 * 4. Otherwise nothing is opened: no service at all, or services in several universes and none
 *    named. The sender is told why and how to name the service.
 *
 * Mailed tickets carry no matrix area (staff name it when answering out of perimeter), and
 * impact and urgency are low: a mail cannot say more, and urgent incidents go through the
 * console or the API where they can.
 */

export type Placement =
  | { kind: "service"; category: TicketCategory; serviceName: string }
  | { kind: "universe"; category: TicketCategory; universe: Universe }
  | { kind: "none"; reason: "no-service" | "ambiguous-service"; services: string[] };

const NAME_CHAR = /[a-z0-9.-]/;

/** True when `name` appears in `text` as a whole service name, not inside a longer one. */
export function mentions(text: string, name: string): boolean {
  const haystack = text.toLowerCase();
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(name, from);
    if (at < 0) return false;
    const before = haystack[at - 1] ?? " ";
    const after = haystack[at + name.length] ?? " ";
    // A trailing dot ends a sentence, not the name.
    const afterOk =
      !NAME_CHAR.test(after) ||
      (after === "." && !NAME_CHAR.test(haystack[at + name.length + 1] ?? " "));
    if (!NAME_CHAR.test(before) && afterOk) return true;
    from = at + 1;
  }
}

/** Applies the default service rules to the account's services and the mail's text. */
export function placeNewTicket(
  accountId: string,
  services: readonly AccountServiceRow[],
  text: string,
): Placement {
  const technical = services.filter((service) =>
    can(rolesOf(accountId, service), "ticket.technical.open"),
  );
  if (technical.length === 1 && technical[0]) {
    return { kind: "service", category: "assistance", serviceName: technical[0].name };
  }
  const named = technical.filter((service) => mentions(text, service.name));
  if (named.length === 1 && named[0]) {
    return { kind: "service", category: "assistance", serviceName: named[0].name };
  }
  const universes = new Set(services.map((service) => service.universe));
  if (universes.size === 1) {
    return { kind: "universe", category: "account", universe: [...universes][0] as Universe };
  }
  return {
    kind: "none",
    reason: services.length === 0 ? "no-service" : "ambiguous-service",
    services: technical.map((service) => service.name),
  };
}
