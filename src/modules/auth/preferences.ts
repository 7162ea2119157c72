import type { Language } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor } from "../../http/principal.ts";
import { invalidField } from "../../http/problem.ts";
import { recordAudit } from "../audit/recorder.ts";
import { savePreferences } from "./repository.ts";
import type { PreferencesBody } from "./schemas.ts";

/** A valid IANA time zone in its canonical spelling ("europe/paris" → "Europe/Paris"). */
function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw invalidField("timeZone", "must be an IANA time zone, like Europe/Paris");
  }
}

/**
 * Saves the caller's Manager language and time zone (users and staff alike). A user's language
 * is also the one their emails are written in, so changing it here changes those too.
 */
export async function updatePreferences(
  ctx: AppContext,
  actor: Actor,
  input: PreferencesBody,
): Promise<void> {
  if (input.language === undefined && input.timeZone === undefined) {
    throw invalidField("language", "give a language, a time zone, or both");
  }
  const patch: { language?: Language; time_zone?: string; preferences_saved_at: Date } = {
    preferences_saved_at: ctx.clock.now(),
  };
  if (input.language !== undefined) patch.language = input.language;
  if (input.timeZone !== undefined) patch.time_zone = canonicalZone(input.timeZone);
  const { principal } = actor;
  await inTransaction(ctx.db, async (trx) => {
    await savePreferences(trx, principal, patch);
    await recordAudit(trx, actor, {
      action: "preferences.saved",
      subjectKind: principal.kind,
      subjectId: principal.kind === "user" ? principal.userId : principal.staffId,
      accountId: principal.kind === "user" ? principal.accountId : null,
      details: { language: input.language ?? null, timeZone: patch.time_zone ?? null },
    });
  });
}
