import { api } from "../../api/client.ts";

export function fetchTicket(number: string) {
  return api.GET("/api/v1/tickets/{number}", { params: { path: { number } } });
}

export function fetchMessages(number: string, cursor?: string) {
  const query = cursor ? { limit: 100, cursor } : { limit: 100 };
  return api.GET("/api/v1/tickets/{number}/messages", { params: { path: { number }, query } });
}

export type Ticket = NonNullable<Awaited<ReturnType<typeof fetchTicket>>["data"]>;
export type MessagePage = NonNullable<Awaited<ReturnType<typeof fetchMessages>>["data"]>;
export type Message = MessagePage["items"][number];
