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
  /** Business calendar of the region; added by the support migration. */
  calendar: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** When the user last saved a language or time zone in the Manager; null: never. */
  preferences_saved_at: Timestamp | null;
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
  /** Tickets assigned and not yet solved, kept by triggers on tickets (never written here). */
  open_tickets: Generated<number>;
  active: Generated<boolean>;
  /** The Manager's language and time zone this person chose; null until chosen. */
  language: Language | null;
  time_zone: string | null;
  preferences_saved_at: Timestamp | null;
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
  /** When the dispatcher fanned the notice out to mail, webhook and live jobs. */
  delivered_at: Timestamp | null;
  /** Shared by every notice one command wrote: one change, one event. */
  event_id: Generated<string>;
  /** The dispatcher's batch number: increasing in commit order, which live streams follow. */
  dispatch_batch: number | null;
}

export interface InstanceKeysTable {
  name: string;
  key: Buffer;
  created_at: Generated<Timestamp>;
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

export type LevelCode = "standard" | "premium" | "business" | "enterprise" | "partner";
export type Coverage = "business-hours" | "24x7" | "24x7-critical";
export type Severity = "critical" | "high" | "medium" | "low";
export type Scale = "low" | "medium" | "high";
export type TicketCategory = "incident" | "assistance" | "billing" | "commercial" | "account";
export type TicketStatus =
  | "open"
  | "waiting-for-customer"
  | "waiting-for-provider"
  | "on-hold"
  | "solved"
  | "closed";
export type MessageKind = "customer" | "agent" | "internal" | "system";
export type SlaClock = "first-response" | "next-response";
export type SeverityMinutes = Record<Severity, number>;
/** Local opening intervals per weekday, e.g. {"mon": [["09:00", "18:00"]]}. */
export type WeeklyHours = Partial<
  Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", [string, string][]>
>;

export interface SupportLevelsTable {
  code: LevelCode;
  rank: number;
  name: Json<Translations>;
}

export interface OffersTable {
  id: Generated<string>;
  universe: Universe;
  level: LevelCode;
  audience: Generated<"all" | "commercial-partner">;
  price_model: "flat" | "percent";
  price_cents: Generated<number>;
  /** numeric: read back as a string. */
  price_percent: ColumnType<
    string | null,
    string | number | null | undefined,
    string | number | null
  >;
  price_minimum_cents: Generated<number>;
  currency: Generated<string>;
  channels: string[];
  coverage: Coverage;
  languages: string[];
  entry_tier: StaffTier;
  queue_priority: number;
  first_response_minutes: Json<SeverityMinutes>;
  update_minutes: Json<SeverityMinutes>;
  active: Generated<boolean>;
}

export interface SubscriptionsTable {
  id: Generated<string>;
  account_id: string;
  universe: Universe;
  offer_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface FastPathSubscriptionsTable {
  id: Generated<string>;
  account_id: string;
  price_cents: number;
  currency: Generated<string>;
  yearly_quota: number;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface BusinessCalendarsTable {
  code: string;
  name: string;
  time_zone: string;
  weekly_hours: Json<WeeklyHours>;
  holidays: ColumnType<string[], string | undefined, string>;
}

export interface TicketsTable {
  id: Generated<string>;
  /** Copies of the service's contacts, kept true by triggers; written by the database only. */
  admin_contact_id: Generated<string | null>;
  tech_contact_id: Generated<string | null>;
  billing_contact_id: Generated<string | null>;
  number: Generated<number>;
  account_id: string;
  requester_user_id: string | null;
  service_id: string | null;
  product: string | null;
  universe: Universe;
  category: TicketCategory;
  impact: Scale;
  urgency: Scale;
  severity: Severity;
  subject: string;
  language: Language;
  status: Generated<TicketStatus>;
  responsibility_area: string | null;
  out_of_perimeter: Generated<boolean>;
  fast_path: Generated<boolean>;
  entitlement: Json<Record<string, unknown>>;
  calendar: string | null;
  queue_priority: number;
  tier: StaffTier;
  assigned_staff_id: string | null;
  first_response_due_at: Timestamp | null;
  first_responded_at: Timestamp | null;
  next_response_due_at: Timestamp | null;
  sla_clock: SlaClock | null;
  /** numeric: read back as a string. */
  sla_paused_remaining_minutes: ColumnType<
    string | null,
    string | number | null | undefined,
    string | number | null
  >;
  due_at: Timestamp | null;
  /** When the running clock reaches 75 % of its target; null once warned or when none runs. */
  sla_warn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  warned_at: Timestamp | null;
  breached_at: Timestamp | null;
  solved_at: Timestamp | null;
  closed_at: Timestamp | null;
  reopened_count: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** When the ticket entered waiting-for-customer; kept by a trigger, null in other statuses. */
  waiting_since: Generated<Timestamp | null>;
  /** When the waiting-for-customer reminder of the current waiting period was mailed. */
  reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface TicketMessagesTable {
  id: Generated<string>;
  ticket_id: string;
  kind: MessageKind;
  author_user_id: string | null;
  author_staff_id: string | null;
  body: string;
  created_at: Generated<Timestamp>;
}

export interface TicketAttachmentsTable {
  id: Generated<string>;
  /** Null while the upload waits for the message that will carry it. */
  message_id: string | null;
  uploaded_by_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  uploaded_by_staff_id: ColumnType<string | null, string | null | undefined, string | null>;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Generated<Timestamp>;
}

export interface SlaEventsTable {
  id: Generated<number>;
  ticket_id: string;
  clock: SlaClock;
  kind: "warning" | "breach";
  due_at: Timestamp;
  at: Timestamp;
}

export interface TicketEscalationsTable {
  id: Generated<number>;
  ticket_id: string;
  from_tier: StaffTier;
  to_tier: StaffTier;
  reason: "manual" | "breach" | "rating";
  by_staff_id: string | null;
  at: Timestamp;
}

export interface AnswerRatingsTable {
  message_id: string;
  ticket_id: string;
  staff_id: string | null;
  user_id: string | null;
  rating: "solved" | "not-answered";
  comment: string | null;
  created_at: Timestamp;
}

export type MailStatus = "queued" | "sent" | "held" | "failed";

export interface MailMessagesTable {
  id: Generated<string>;
  /** A second enqueue with the same key is a no-op. */
  dedupe_key: string;
  to_address: string;
  to_name: string | null;
  language: Language;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Json<Record<string, string>>;
  reply_to: string | null;
  ticket_id: string | null;
  /** The body carries a one-time link: redacted once sent over SMTP. */
  secret: Generated<boolean>;
  status: Generated<MailStatus>;
  transport: "smtp" | "mailbox" | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Timestamp>;
  sent_at: Timestamp | null;
  redacted_at: Timestamp | null;
}

export type WebhookDeliveryStatus = "pending" | "delivered" | "failed" | "skipped";

export interface WebhookSubscriptionsTable {
  id: Generated<string>;
  /** Null for a staff admin's global subscription, which receives every event. */
  account_id: string | null;
  created_by_user_id: string | null;
  created_by_staff_id: string | null;
  url: string;
  event_types: string[];
  description: Generated<string>;
  /** The signing secret sealed with the instance key (`keys.encrypt`). */
  secret_sealed: string;
  active: Generated<boolean>;
  failing_since: Timestamp | null;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  status: Generated<WebhookDeliveryStatus>;
  status_code: number | null;
  error: string | null;
  duration_ms: number | null;
  created_at: Generated<Timestamp>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export type InboundStatus = "received" | "processed" | "ignored" | "failed";

export interface InboundMessagesTable {
  id: Generated<string>;
  received_at: Timestamp;
  /** The SMTP client's IP address. */
  remote_address: string | null;
  /** MAIL FROM; null for the null sender `<>` of bounces. */
  envelope_from: string | null;
  envelope_to: string[];
  /** The message exactly as received, kept for audit and reprocessing. */
  raw: Buffer;
  size_bytes: number;
  message_id: string | null;
  /** From and Subject as parsed; null until processed. */
  from_address: string | null;
  subject: string | null;
  status: Generated<InboundStatus>;
  /** What became of it: ticket-reply, ticket-created, automatic, unknown-sender, refused… */
  outcome: string | null;
  outcome_details: ColumnType<Record<string, unknown>, string | undefined, string>;
  ticket_id: string | null;
  ticket_message_id: string | null;
  error: string | null;
  attempts: Generated<number>;
  processed_at: Timestamp | null;
}

export interface InboundAutoAnswersTable {
  /** Lowercased address the automatic answer went to. */
  address: string;
  /** UTC day, YYYY-MM-DD: one answer per address and day. */
  day: ColumnType<Date, string, string>;
  inbound_message_id: string | null;
  reason: string;
  created_at: Timestamp;
}

/** Texts agents insert into replies; `seed_key` marks the shipped ones (seeding is idempotent). */
export interface CannedAnswersTable {
  id: Generated<string>;
  language: "en" | "fr" | "ru";
  universe: string | null;
  title: string;
  body: string;
  seed_key: string | null;
  deleted_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
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
  instance_keys: InstanceKeysTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  support_levels: SupportLevelsTable;
  offers: OffersTable;
  subscriptions: SubscriptionsTable;
  fast_path_subscriptions: FastPathSubscriptionsTable;
  business_calendars: BusinessCalendarsTable;
  tickets: TicketsTable;
  ticket_messages: TicketMessagesTable;
  ticket_attachments: TicketAttachmentsTable;
  sla_events: SlaEventsTable;
  ticket_escalations: TicketEscalationsTable;
  answer_ratings: AnswerRatingsTable;
  mail_messages: MailMessagesTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  inbound_messages: InboundMessagesTable;
  inbound_auto_answers: InboundAutoAnswersTable;
  canned_answers: CannedAnswersTable;
}
