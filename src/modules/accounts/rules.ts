import { randomInt } from "node:crypto";
import type { Database } from "../../db/database.ts";
import type { Programme, Universe } from "../../db/schema.ts";
import { AppError, invalidField } from "../../http/problem.ts";
import { knownUniverses, nicExists, type PartnerTier, regionExists } from "./repository.ts";

/** Input checks of account commands, repeated here because the CLI and seeding skip HTTP. */

export const NIC = /^[a-z]{2}[0-9]{1,6}-pal$/;
const LANGUAGES = new Set(["en", "fr", "ru"]);
const KINDS = new Set(["individual", "company"]);
const PROGRAMMES = new Set(["direct", "technical-partner", "commercial-partner"]);
const TIERS = new Set(["registered", "advanced", "premier"]);

export function checkNic(nic: string, field = "nicHandle"): void {
  if (!NIC.test(nic)) throw invalidField(field, "must look like ab1234-pal");
}

export function checkLanguage(language: string, field = "language"): void {
  if (!LANGUAGES.has(language)) throw invalidField(field, "must be one of en, fr, ru");
}

export function checkKind(kind: string): void {
  if (!KINDS.has(kind)) throw invalidField("kind", "must be individual or company");
}

export async function checkRegion(db: Database, region: string): Promise<void> {
  if (!(await regionExists(db, region))) throw invalidField("region", "unknown region");
}

/** A valid IANA time zone in its canonical spelling. */
export function canonicalTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw invalidField("timeZone", "must be an IANA time zone, like Europe/Paris");
  }
}

function checkDate(value: string, field: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw invalidField(field, "must be a date as YYYY-MM-DD");
  }
}

export interface ProgrammeState {
  programme: Programme;
  certifiedAt: string | null;
  partnerProgrammes: { universe: Universe; tier: PartnerTier }[];
}

/**
 * A technical partner has a certification date and only it does; a commercial partner has at
 * least one partner programme, at most one per universe, and only it does.
 */
export async function checkProgramme(db: Database, state: ProgrammeState): Promise<void> {
  if (!PROGRAMMES.has(state.programme)) {
    throw invalidField("programme", "must be direct, technical-partner or commercial-partner");
  }
  if (state.programme === "technical-partner") {
    if (state.certifiedAt === null) {
      throw invalidField("certifiedAt", "is required for a technical partner");
    }
    checkDate(state.certifiedAt, "certifiedAt");
  } else if (state.certifiedAt !== null) {
    throw invalidField("certifiedAt", "only technical partners have a certification date");
  }
  if (state.programme !== "commercial-partner") {
    if (state.partnerProgrammes.length > 0) {
      throw invalidField("partnerProgrammes", "only commercial partners have partner programmes");
    }
    return;
  }
  if (state.partnerProgrammes.length === 0) {
    throw invalidField("partnerProgrammes", "a commercial partner needs at least one programme");
  }
  const universes = await knownUniverses(db);
  const seen = new Set<string>();
  for (const p of state.partnerProgrammes) {
    if (!universes.has(p.universe)) throw invalidField("partnerProgrammes", "unknown universe");
    if (!TIERS.has(p.tier)) {
      throw invalidField("partnerProgrammes", "tier must be registered, advanced or premier");
    }
    if (seen.has(p.universe)) {
      throw invalidField("partnerProgrammes", "at most one programme per universe");
    }
    seen.add(p.universe);
  }
}

// First letters of Cyrillic names, so Russian customers get handles from their own initials.
const CYRILLIC: Record<string, string> = Object.fromEntries(
  [..."абвгдеёжзийклмнопрстуфхцчшщъыьэюя"].map((c, i) => [
    c,
    "abvgdeezziiklmnoprstufhccss-y-eyy"[i] ?? "",
  ]),
);

/** Two letters from the name: the initials of its first two words, or its first two letters. */
export function initialsOf(name: string): string {
  const words = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .map((word) =>
      [...word]
        .map((c) => (/[a-z]/.test(c) ? c : (CYRILLIC[c] ?? "")))
        .join("")
        .replaceAll("-", ""),
    )
    .filter((word) => word.length > 0);
  const [first = "", second = ""] = words;
  const letters = second ? `${first[0]}${second[0]}` : first.slice(0, 2);
  return `${letters}xx`.slice(0, 2);
}

/** A free NIC handle like ab1234-pal; retries on the rare collision. */
export async function generateNic(db: Database, name: string): Promise<string> {
  const prefix = initialsOf(name);
  for (let attempt = 0; attempt < 25; attempt += 1) {
    // Four digits first, widening to six once the short ones get crowded.
    const digits = attempt < 10 ? randomInt(1_000, 10_000) : randomInt(10_000, 1_000_000);
    const nic = `${prefix}${digits}-pal`;
    if (!(await nicExists(db, nic))) return nic;
  }
  throw new AppError("conflict", "Could not find a free NIC handle, retry");
}
