import type { Database } from "../../db/database.ts";
import type {
  Coverage,
  LevelCode,
  Severity,
  SeverityMinutes,
  StaffTier,
  Universe,
} from "../../db/schema.ts";
import type { UserPrincipal } from "../../http/principal.ts";
import { AppError, notFound } from "../../http/problem.ts";
import { alwaysOpen, type BusinessCalendar } from "../sla/calendar.ts";
import { calendarFromContent, loadCalendar } from "../sla/service.ts";
import { FAST_PATH_TERMS } from "./fast-path.ts";
import { activeFastPath, countFastPathUses } from "./fast-path-repository.ts";
import { levelInForce, type TermsInForce, termsInForce } from "./levels.ts";
import { hasPartnerProgramme, type OfferRow } from "./repository.ts";
import { type AccountWithCalendar, findAccountWithCalendar } from "./subscription-repository.ts";
import { yearBoundsUtc } from "./time.ts";

export interface Entitlement {
  level: LevelCode;
  levelRank: number;
  offerId: string;
  universe: Universe;
  coverage: Coverage;
  /** Calendar code to measure this ticket's SLA with, or null when the clock runs 24/7 (24x7 coverage; 24x7-critical with severity critical; Fast-Path). */
  calendar: string | null;
  firstResponseMinutes: number;
  updateMinutes: number;
  targets: { firstResponse: SeverityMinutes; update: SeverityMinutes };
  entryTier: StaffTier;
  queuePriority: number;
  fastPath: boolean;
  /** Whose subscription applies (account id, NIC and region: routing keeps business-hours tickets in that region). */
  subscriberAccountId: string;
  subscriberNic: string;
  subscriberRegion: string;
  reasonCode:
    | "service-admin-subscription"
    | "partner-level"
    | "requester-subscription"
    | "fast-path";
  reason: string;
}

interface EntitlementInput {
  requester: UserPrincipal;
  service: {
    id: string;
    name: string;
    universe: Universe;
    adminAccountId: string;
    techAccountId: string;
    /** The admin's level in force at `now`, when the caller read it with the service. */
    adminTerms?: TermsInForce | undefined;
  } | null;
  universe: Universe;
  severity: Severity;
  fastPath: boolean;
  now: Date;
}

/** An account as entitlement reads it: with its region's calendar content. */
type Subscriber = AccountWithCalendar;

/** The level in force for the first account entitlement looks at, with the account itself. */
type Terms = { offer: OfferRow; account: Subscriber };

interface Decision {
  offer: OfferRow;
  subscriber: Subscriber;
  reasonCode: Entitlement["reasonCode"];
  reason: string;
}

const levelLabel = (offer: OfferRow) => `${offer.level_name.en} level`;

async function account(trx: Database, id: string): Promise<Subscriber> {
  const row = await findAccountWithCalendar(trx, id);
  if (!row) throw notFound("Account");
  return row;
}

/** The level whose terms apply, before Fast-Path: the admin's, a better partner's, or the requester's. */
async function decide(
  trx: Database,
  input: EntitlementInput,
  requesterAccount: () => Promise<Subscriber>,
  first: Terms,
): Promise<Decision> {
  const { service, now } = input;
  if (!service) {
    const { offer } = first;
    const requester = first.account;
    return {
      offer,
      subscriber: requester,
      reasonCode: "requester-subscription",
      reason: `No service: the ${levelLabel(offer)} of ${requester.nic_handle} in the ${input.universe} universe applies.`,
    };
  }
  const universe = service.universe;
  const { offer, account: admin } = first;
  const byAdmin: Decision = {
    offer,
    subscriber: admin,
    reasonCode: "service-admin-subscription",
    reason: `Service ${service.name} is covered by the ${levelLabel(offer)} of its admin account ${admin.nic_handle} in the ${universe} universe.`,
  };
  // Only a partner acting as the service's technical contact may bring a better level: the
  // requester's own account is read only then.
  const requesterId = input.requester.accountId;
  if (service.techAccountId !== requesterId || requesterId === admin.id) return byAdmin;
  const requester = await requesterAccount();
  const partnerAsTech =
    requester.programme === "commercial-partner" &&
    (await hasPartnerProgramme(trx, requester.id, universe));
  if (!partnerAsTech) return byAdmin;
  const partner = await levelInForce(trx, requester.id, universe, now);
  if (partner.offer.audience !== "commercial-partner" || partner.offer.rank <= offer.rank) {
    return byAdmin;
  }
  return {
    offer: partner.offer,
    subscriber: requester,
    reasonCode: "partner-level",
    reason: `${requester.nic_handle} is the technical contact of service ${service.name} and its ${levelLabel(partner.offer)} in the ${universe} universe is better than the ${levelLabel(offer)} of the admin account ${admin.nic_handle}.`,
  };
}

function refuse(
  code: "fast_path_not_subscribed" | "fast_path_not_tech_contact" | "fast_path_quota_exhausted",
  message: string,
): AppError {
  return new AppError(code, message, [{ field: "fastPath", in: "body", message }]);
}

/**
 * Decides the support a new ticket gets. Runs inside the caller's ticket-creation transaction
 * and uses only `trx`: with Fast-Path it locks the partner's Fast-Path subscription row, so two
 * tickets racing for the last use of the year are serialised and only one gets it.
 */
export async function resolveEntitlement(
  trx: Database,
  input: EntitlementInput,
): Promise<Entitlement> {
  return (await entitle(trx, input)).entitlement;
}

/**
 * The entitlement and the business calendar its SLA clock runs on (24/7 when it names none).
 * The subscriber's calendar was read with its account, so creation spends no round trip on it.
 */
export async function resolveEntitlementWithCalendar(
  trx: Database,
  input: EntitlementInput,
): Promise<{ entitlement: Entitlement; calendar: BusinessCalendar }> {
  const { entitlement, subscriber } = await entitle(trx, input);
  const code = entitlement.calendar;
  if (code === null) return { entitlement, calendar: alwaysOpen };
  const content = subscriber.calendar_content;
  const readWithAccount =
    content !== null && code === (subscriber.region_calendar ?? subscriber.region);
  return {
    entitlement,
    calendar: readWithAccount ? calendarFromContent(code, content) : await loadCalendar(trx, code),
  };
}

async function entitle(
  trx: Database,
  input: EntitlementInput,
): Promise<{ entitlement: Entitlement; subscriber: Subscriber }> {
  // The first account to look at is the service's admin (or, without a service, the requester),
  // read with its level in one round trip, or already read with the service; usually it is the
  // requester itself.
  const { service } = input;
  const firstId = service ? service.adminAccountId : input.requester.accountId;
  const terms =
    service?.adminTerms ??
    (await termsInForce(trx, firstId, service?.universe ?? input.universe, input.now));
  if (!terms) throw notFound("Account");
  let requester: Subscriber | undefined =
    firstId === input.requester.accountId ? terms.account : undefined;
  const requesterAccount = async () => {
    requester ??= await account(trx, input.requester.accountId);
    return requester;
  };
  const decision = await decide(trx, input, requesterAccount, terms);
  const { offer } = decision;
  const targets = { firstResponse: offer.first_response_minutes, update: offer.update_minutes };
  const base: Entitlement = {
    level: offer.level,
    levelRank: offer.rank,
    offerId: offer.id,
    universe: offer.universe,
    coverage: offer.coverage,
    calendar: null,
    firstResponseMinutes: targets.firstResponse[input.severity],
    updateMinutes: targets.update[input.severity],
    targets,
    entryTier: offer.entry_tier,
    queuePriority: offer.queue_priority,
    fastPath: false,
    subscriberAccountId: decision.subscriber.id,
    subscriberNic: decision.subscriber.nic_handle,
    subscriberRegion: decision.subscriber.region,
    reasonCode: decision.reasonCode,
    reason: decision.reason,
  };
  if (!input.fastPath) {
    const aroundTheClock =
      offer.coverage === "24x7" ||
      (offer.coverage === "24x7-critical" && input.severity === "critical");
    // The region's code stands in until calendars are assigned to regions.
    const { subscriber } = decision;
    const calendar = aroundTheClock ? null : (subscriber.region_calendar ?? subscriber.region);
    return { entitlement: { ...base, calendar }, subscriber };
  }

  const partner = await requesterAccount();
  const subscription = await activeFastPath(trx, partner.id, input.now, true);
  if (!subscription) {
    throw refuse(
      "fast_path_not_subscribed",
      `${partner.nic_handle} has no active Fast-Path subscription`,
    );
  }
  if (!service || service.techAccountId !== partner.id) {
    throw refuse(
      "fast_path_not_tech_contact",
      service
        ? `Fast-Path applies only to services on which ${partner.nic_handle} is the technical contact, and ${service.name} is not one`
        : "Fast-Path applies only to a ticket about a service on which your account is the technical contact",
    );
  }
  const { year, from, to } = yearBoundsUtc(input.now);
  const used = await countFastPathUses(trx, partner.id, from, to);
  if (used >= subscription.yearly_quota) {
    throw refuse(
      "fast_path_quota_exhausted",
      `${partner.nic_handle} has used all ${subscription.yearly_quota} Fast-Path tickets of ${year}`,
    );
  }
  const every = (minutes: number): SeverityMinutes => ({
    critical: minutes,
    high: minutes,
    medium: minutes,
    low: minutes,
  });
  const entitlement: Entitlement = {
    ...base,
    coverage: "24x7",
    calendar: null,
    firstResponseMinutes: FAST_PATH_TERMS.firstResponseMinutes,
    updateMinutes: FAST_PATH_TERMS.updateMinutes,
    targets: {
      firstResponse: every(FAST_PATH_TERMS.firstResponseMinutes),
      update: every(FAST_PATH_TERMS.updateMinutes),
    },
    entryTier: FAST_PATH_TERMS.entryTier,
    queuePriority: FAST_PATH_TERMS.queuePriority,
    fastPath: true,
    subscriberAccountId: partner.id,
    subscriberNic: partner.nic_handle,
    subscriberRegion: partner.region,
    reasonCode: "fast-path",
    reason: `Fast-Path of ${partner.nic_handle}, technical contact of service ${service.name}: use ${used + 1} of ${subscription.yearly_quota} in ${year}, straight to an L3 expert, first response within ${FAST_PATH_TERMS.firstResponseMinutes} minutes, 24/7 (the service's own level: ${levelLabel(offer)}).`,
  };
  return { entitlement, subscriber: partner };
}
