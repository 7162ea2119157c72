import type { StaffRow } from "./repository.ts";

export function presentStaff(row: StaffRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    languages: row.languages,
    universes: row.universes,
    products: row.products,
    region: row.region,
    maxConcurrentTickets: row.max_concurrent_tickets,
    active: row.active,
    createdAt: row.created_at.toISOString(),
  };
}
export type StaffView = ReturnType<typeof presentStaff>;
