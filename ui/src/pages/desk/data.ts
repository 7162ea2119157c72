import { api } from "../../api/client.ts";

/** The desk's API calls, typed by the generated client; screens import only from here. */

export const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
export const TIERS = ["L1", "L2", "L3", "TAM"] as const;
export const LANGUAGES = ["en", "fr", "ru"] as const;
export type Universe = (typeof UNIVERSES)[number];
export type Tier = (typeof TIERS)[number];
export type Language = (typeof LANGUAGES)[number];

export function fetchQueues() {
  return api.GET("/api/v1/queues");
}
export type QueueSummary = NonNullable<
  Awaited<ReturnType<typeof fetchQueues>>["data"]
>["items"][number];

export function fetchQueueTickets(
  queue: { universe: Universe; tier: Tier; language: Language },
  cursor?: string,
) {
  const query = cursor ? { limit: 50, cursor } : { limit: 50 };
  return api.GET("/api/v1/queues/{universe}/{tier}/{language}/tickets", {
    params: { path: queue, query },
  });
}

export function fetchMine(cursor?: string, limit = 50) {
  const query = cursor ? { limit, cursor } : { limit };
  return api.GET("/api/v1/queues/mine", { params: { query } });
}
export type TicketPage = NonNullable<Awaited<ReturnType<typeof fetchMine>>["data"]>;
export type TicketSummary = TicketPage["items"][number];

export function fetchTicket(number: string) {
  return api.GET("/api/v1/tickets/{number}", { params: { path: { number } } });
}
export type Ticket = NonNullable<Awaited<ReturnType<typeof fetchTicket>>["data"]>;

export function fetchMessages(number: string, cursor?: string) {
  const query = cursor ? { limit: 100, cursor } : { limit: 100 };
  return api.GET("/api/v1/tickets/{number}/messages", { params: { path: { number }, query } });
}
export type Message = NonNullable<
  Awaited<ReturnType<typeof fetchMessages>>["data"]
>["items"][number];

export function fetchAccount(nic: string) {
  return api.GET("/api/v1/accounts/{nic}", { params: { path: { nic } } });
}
export type Account = NonNullable<Awaited<ReturnType<typeof fetchAccount>>["data"]>;

export function fetchService(name: string) {
  return api.GET("/api/v1/services/{serviceName}", { params: { path: { serviceName: name } } });
}
export type Service = NonNullable<Awaited<ReturnType<typeof fetchService>>["data"]>;

export function fetchAccountTickets(nic: string) {
  return api.GET("/api/v1/tickets", { params: { query: { account: nic, limit: 6 } } });
}

export function fetchStaffMember(id: string) {
  return api.GET("/api/v1/staff/{id}", { params: { path: { id } } });
}

export function fetchStaff(universe: Universe) {
  return api.GET("/api/v1/staff", { params: { query: { universe, limit: 100 } } });
}
export type StaffMember = NonNullable<
  Awaited<ReturnType<typeof fetchStaff>>["data"]
>["items"][number];

export function fetchCannedAnswers(language: Language, universe: Universe) {
  return api.GET("/api/v1/canned-answers", { params: { query: { language, universe } } });
}
export type CannedAnswer = NonNullable<
  Awaited<ReturnType<typeof fetchCannedAnswers>>["data"]
>["items"][number];

export const isUniverse = (v: string): v is Universe =>
  (UNIVERSES as readonly string[]).includes(v);
export const isTier = (v: string): v is Tier => (TIERS as readonly string[]).includes(v);
export const isLanguage = (v: string): v is Language =>
  (LANGUAGES as readonly string[]).includes(v);
