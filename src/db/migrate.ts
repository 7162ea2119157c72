import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Database } from "./database.ts";
import * as foundation from "./migrations/2026-11-26T2000-foundation.ts";
import * as support from "./migrations/2026-11-26T2100-support.ts";
import * as ticketAttachments from "./migrations/2026-11-26T2200-ticket-attachments.ts";
import * as ticketContacts from "./migrations/2026-11-26T2300-ticket-contacts.ts";
import * as events from "./migrations/2026-11-27T0000-events.ts";
import * as jobs from "./migrations/2026-11-27T0100-jobs.ts";
import * as mailOut from "./migrations/2026-11-27T0200-mail-out.ts";
import * as mailIn from "./migrations/2026-11-27T0300-mail-in.ts";
import * as webhooks from "./migrations/2026-11-27T0400-webhooks.ts";
import * as ticketRoleIndexes from "./migrations/2026-11-27T0500-ticket-role-indexes.ts";
import * as staffLoad from "./migrations/2026-11-27T0600-staff-load.ts";
import * as cannedAnswers from "./migrations/2026-11-27T0710-canned-answers.ts";
import * as userPreferences from "./migrations/2026-11-27T0730-user-preferences.ts";
import * as timeOrderedIds from "./migrations/2026-11-27T0800-time-ordered-ids.ts";
import * as outboxAnnounce from "./migrations/2026-11-27T0810-outbox-announce-after-commit.ts";
import * as ticketReferenceIndexes from "./migrations/2026-11-27T1100-ticket-reference-indexes.ts";

// Listed explicitly so a bundled or compiled build cannot miss or reorder a migration.
const migrations: Record<string, Migration> = {
  "2026-11-26T2000-foundation": foundation,
  "2026-11-26T2100-support": support,
  "2026-11-26T2200-ticket-attachments": ticketAttachments,
  "2026-11-26T2300-ticket-contacts": ticketContacts,
  "2026-11-27T0000-events": events,
  "2026-11-27T0100-jobs": jobs,
  "2026-11-27T0200-mail-out": mailOut,
  "2026-11-27T0300-mail-in": mailIn,
  "2026-11-27T0400-webhooks": webhooks,
  "2026-11-27T0500-ticket-role-indexes": ticketRoleIndexes,
  "2026-11-27T0600-staff-load": staffLoad,
  "2026-11-27T0710-canned-answers": cannedAnswers,
  "2026-11-27T0730-user-preferences": userPreferences,
  "2026-11-27T0800-time-ordered-ids": timeOrderedIds,
  "2026-11-27T0810-outbox-announce-after-commit": outboxAnnounce,
  "2026-11-27T1100-ticket-reference-indexes": ticketReferenceIndexes,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    // Parallel branches add migrations with interleaved names; each runs once, in name order.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
