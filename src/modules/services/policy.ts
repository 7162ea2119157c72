import type { ContactRole, StaffRole } from "../../db/schema.ts";
import type { Principal, StaffPrincipal } from "../../http/principal.ts";
import { forbidden, notFound } from "../../http/problem.ts";

/**
 * Everything a caller may do about one service. Later features (tickets, infrastructure logs,
 * abuse) check their action here rather than re-deriving who may do what from contact roles.
 */
export const SERVICE_ACTIONS = [
  "service.read",
  "service.contacts.read",
  "service.update",
  "contact_change.read",
  "contact_change.request.admin",
  "contact_change.request.tech",
  "contact_change.request.billing",
  "ticket.technical.open",
  "ticket.billing.open",
  "infra_logs.read",
  "abuse.answer",
  "billing.read",
  // Provider-side facts (provisioning, status, datacenter): no contact role holds these.
  "service.provision",
  "service.operate",
] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];

const everyContactAction = SERVICE_ACTIONS.filter(
  (action) => action !== "service.provision" && action !== "service.operate",
);

/** What each contact role may do: admin everything, tech technical matters, billing billing. */
export const contactRolePolicy: Readonly<Record<ContactRole, readonly ServiceAction[]>> = {
  admin: everyContactAction,
  tech: [
    "service.read",
    "service.contacts.read",
    "contact_change.read",
    "contact_change.request.tech",
    "ticket.technical.open",
    "infra_logs.read",
    "abuse.answer",
  ],
  billing: [
    "service.read",
    "service.contacts.read",
    "contact_change.read",
    "contact_change.request.billing",
    "ticket.billing.open",
    "billing.read",
  ],
};

const staffReadActions: readonly ServiceAction[] = [
  "service.read",
  "service.contacts.read",
  "contact_change.read",
  "infra_logs.read",
  "billing.read",
];

/** What staff may do on a service they can see; only staff admins change anything. */
export const staffRolePolicy: Readonly<Record<StaffRole, readonly ServiceAction[]>> = {
  agent: staffReadActions,
  lead: staffReadActions,
  admin: SERVICE_ACTIONS,
};

/** True when any of the roles allows the action. */
export function can(roles: readonly ContactRole[], action: ServiceAction): boolean {
  return roles.some((role) => contactRolePolicy[role].includes(action));
}

export function staffCan(staff: StaffPrincipal, action: ServiceAction): boolean {
  return staffRolePolicy[staff.role].includes(action);
}

/** Staff admins and leads see every service; agents those of the universes they work in. */
export function staffSeesUniverse(staff: StaffPrincipal, universe: string): boolean {
  return staff.role !== "agent" || staff.universes.includes(universe);
}

export interface ServiceContacts {
  admin_account_id: string;
  tech_account_id: string;
  billing_account_id: string;
}

/** The contact roles an account holds on a service, in admin, tech, billing order. */
export function rolesOf(accountId: string, service: ServiceContacts): ContactRole[] {
  const roles: ContactRole[] = [];
  if (service.admin_account_id === accountId) roles.push("admin");
  if (service.tech_account_id === accountId) roles.push("tech");
  if (service.billing_account_id === accountId) roles.push("billing");
  return roles;
}

/** A service is direct when one account holds all three roles; derived, never stored. */
export function isDirect(service: ServiceContacts): boolean {
  return (
    service.admin_account_id === service.tech_account_id &&
    service.admin_account_id === service.billing_account_id
  );
}

/** Throws 404 unless the caller may know the service exists; returns the caller's roles. */
export function requireVisible(
  principal: Principal,
  service: ServiceContacts & { universe: string },
): ContactRole[] {
  if (principal.kind === "staff") {
    if (!staffSeesUniverse(principal, service.universe)) throw notFound("Service");
    return [];
  }
  const roles = rolesOf(principal.accountId, service);
  if (roles.length === 0) throw notFound("Service");
  return roles;
}

/**
 * The single gate for service actions: 404 when the caller may not know the service exists,
 * 403 when it may but its roles do not allow the action. Returns the caller's contact roles.
 */
export function authorizeService(
  principal: Principal,
  service: ServiceContacts & { universe: string },
  action: ServiceAction,
): ContactRole[] {
  const roles = requireVisible(principal, service);
  const allowed = principal.kind === "staff" ? staffCan(principal, action) : can(roles, action);
  if (!allowed) throw forbidden(`Your role on this service does not allow ${action}`);
  return roles;
}
