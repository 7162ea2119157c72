import type { ContactRole, ResourceKind } from "../../db/schema.ts";
import type { Principal } from "../../http/principal.ts";
import { isDirect, rolesOf } from "./policy.ts";
import type { ServiceListRow, ServiceRow } from "./repository.ts";

type Presentable = ServiceListRow | ServiceRow;

function myRoles(principal: Principal, row: Presentable): ContactRole[] {
  return principal.kind === "user" ? rolesOf(principal.accountId, row) : [];
}

/** A service as lists show it; `direct` and `myRoles` are derived here, never stored. */
export function presentService(principal: Principal, row: Presentable) {
  return {
    name: row.name,
    product: row.product,
    universe: row.universe,
    region: row.region,
    datacenter: row.datacenter,
    status: row.status,
    direct: isDirect(row),
    myRoles: myRoles(principal, row),
    contacts: { admin: row.admin_nic, tech: row.tech_nic, billing: row.billing_nic },
    createdAt: row.created_at.toISOString(),
  };
}

export function presentServiceDetail(
  principal: Principal,
  row: ServiceRow,
  resources: { kind: ResourceKind; value: string; network: string | null }[],
) {
  return {
    ...presentService(principal, row),
    productName: row.product_name,
    resources: resources.map((r) => ({ kind: r.kind, value: r.value, network: r.network })),
  };
}

interface ContactAccount {
  id: string;
  nic_handle: string;
  name: string;
  kind: string;
  region: string;
  programme: string;
}

function presentContact(account: ContactAccount) {
  return {
    nicHandle: account.nic_handle,
    name: account.name,
    kind: account.kind,
    region: account.region,
    programme: account.programme,
  };
}

export function presentContacts(row: ServiceRow, accounts: ContactAccount[]) {
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const contact = (id: string) => {
    const account = byId.get(id);
    if (!account) throw new Error(`contact account ${id} vanished`);
    return presentContact(account);
  };
  return {
    serviceName: row.name,
    direct: isDirect(row),
    admin: contact(row.admin_account_id),
    tech: contact(row.tech_account_id),
    billing: contact(row.billing_account_id),
  };
}
