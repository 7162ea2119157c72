import type { Language } from "../../db/schema.ts";
import type { AccountRow, PartnerProgrammeRow } from "./repository.ts";

export function presentAccount(row: AccountRow, programmes: PartnerProgrammeRow[]) {
  return {
    nicHandle: row.nic_handle,
    kind: row.kind,
    name: row.name,
    region: row.region,
    language: row.language,
    programme: row.programme,
    certifiedAt: row.certified_at,
    partnerProgrammes: programmes
      .filter((p) => p.account_id === row.id)
      .map((p) => ({ universe: p.universe, tier: p.tier, joinedAt: p.joined_at })),
    createdAt: row.created_at.toISOString(),
  };
}
export type AccountView = ReturnType<typeof presentAccount>;

export function presentUser(row: {
  id: string;
  email: string;
  name: string;
  language: Language;
  time_zone: string;
  created_at: Date;
}) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language,
    timeZone: row.time_zone,
    createdAt: row.created_at.toISOString(),
  };
}
