import type { ColumnType, Generated } from "kysely";

/** Row types of every table; kept in step with src/db/migrations by hand. */
type Timestamp = Date;
type Json<T> = ColumnType<T, string, string>;

export type Universe = "market" | "server" | "public-cloud" | "enterprise";
export type Language = "en" | "fr" | "ru";
export type Owner = "provider" | "customer" | "shared";
export type Programme = "direct" | "technical-partner" | "commercial-partner";
export type StaffRole = "agent" | "lead" | "admin";
export type StaffTier = "L1" | "L2" | "L3" | "TAM";
export type ContactRole = "admin" | "tech" | "billing";
export type ServiceStatus = "active" | "suspended" | "expired" | "terminated";
export type ResourceKind = "ipv4" | "ipv6" | "ip-range" | "domain" | "hostname";
export type ContactChangeState = "todo" | "validating" | "done" | "refused" | "expired" | "aborted";
export type Decision = "accepted" | "refused";
export type Translations = Record<Language, string>;

export interface RegionsTable {
  code: string;
  name: string;
  time_zone: string;
  currency: string;
  languages: string[];
}

export interface UniversesTable {
  code: Universe;
  name: string;
  position: number;
}

export interface ProductUnitsTable {
  code: string;
  name: string;
  universe: Universe;
}

export interface ProductsTable {
  code: string;
  name: string;
  universe: Universe;
  product_unit: string;
  description: Generated<string>;
}

export interface ResponsibilityAreasTable {
  product: string;
  area: string;
  owner: Owner;
  explanation: Json<Translations>;
  position: Generated<number>;
}

export interface AccountsTable {
  id: Generated<string>;
  nic_handle: string;
  kind: "individual" | "company";
  name: string;
  region: string;
  language: Language;
  programme: Generated<Programme>;
  certified_at: ColumnType<Date | null, string | null | undefined, string | null>;
  created_at: Generated<Timestamp>;
}

export interface PartnerProgrammesTable {
  account_id: string;
  universe: Universe;
  tier: "registered" | "advanced" | "premier";
  joined_at: ColumnType<Date, string | undefined, string>;
}

export interface UsersTable {
  id: Generated<string>;
  account_id: string;
  email: string;
  name: string;
  password_hash: string;
  language: Language;
  time_zone: Generated<string>;
  created_at: Generated<Timestamp>;
}

export interface StaffTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: StaffRole;
  tier: StaffTier;
  languages: string[];
  universes: Generated<string[]>;
  products: Generated<string[]>;
  region: string;
  max_concurrent_tickets: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  csrf_token: string;
  user_id: string | null;
  staff_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  token_hash: string;
  prefix: string;
  name: string;
  scope: "read" | "write";
  user_id: string | null;
  staff_id: string | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface ServicesTable {
  id: Generated<string>;
  name: string;
  product: string;
  region: string;
  datacenter: string;
  status: Generated<ServiceStatus>;
  admin_account_id: string;
  tech_account_id: string;
  billing_account_id: string;
  created_at: Generated<Timestamp>;
}

export interface ServiceResourcesTable {
  id: Generated<string>;
  service_id: string;
  kind: ResourceKind;
  value: string;
  network: string | null;
}

export interface ContactChangesTable {
  id: Generated<string>;
  service_id: string;
  role: ContactRole;
  from_account_id: string;
  to_account_id: string;
  state: Generated<ContactChangeState>;
  requested_by_user_id: string | null;
  requested_by_staff_id: string | null;
  from_token_hash: string;
  to_token_hash: string;
  from_decision: Decision | null;
  from_decided_at: Timestamp | null;
  to_decision: Decision | null;
  to_decided_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  recipient_account_id: string | null;
  recipient_staff_id: string | null;
  payload: Json<Record<string, unknown>>;
  created_at: Generated<Timestamp>;
  delivered_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Timestamp>;
  actor_kind: "user" | "staff" | "system" | "anonymous";
  actor_id: string | null;
  actor_label: string;
  account_id: string | null;
  action: string;
  subject_kind: string;
  subject_id: string;
  ip: string | null;
  request_id: string | null;
  details: Json<Record<string, unknown>>;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_body: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Timestamp>;
}

export interface DB {
  regions: RegionsTable;
  universes: UniversesTable;
  product_units: ProductUnitsTable;
  products: ProductsTable;
  responsibility_areas: ResponsibilityAreasTable;
  accounts: AccountsTable;
  partner_programmes: PartnerProgrammesTable;
  users: UsersTable;
  staff: StaffTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  services: ServicesTable;
  service_resources: ServiceResourcesTable;
  contact_changes: ContactChangesTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
}
