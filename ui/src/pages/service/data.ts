import { api } from "../../api/client.ts";

export function fetchService(name: string) {
  return api.GET("/api/v1/services/{serviceName}", { params: { path: { serviceName: name } } });
}
export type Service = NonNullable<Awaited<ReturnType<typeof fetchService>>["data"]>;

export function fetchContacts(name: string) {
  return api.GET("/api/v1/services/{serviceName}/contacts", {
    params: { path: { serviceName: name } },
  });
}
export type Contacts = NonNullable<Awaited<ReturnType<typeof fetchContacts>>["data"]>;

export function fetchServiceTickets(name: string) {
  return api.GET("/api/v1/tickets", { params: { query: { service: name, limit: 25 } } });
}
