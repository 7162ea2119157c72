/**
 * Loop protection: recognising mail that a machine wrote. Such mail never opens a ticket, never
 * lands in one and never gets an answer, so two auto-responders can never talk to each other
 * through Palier. The checks run in a fixed order and the first that matches names the reason.
 */

export type AutomaticReason =
  | "auto-submitted"
  | "precedence"
  | "null-sender"
  | "mailer-daemon"
  | "auto-reply-header"
  | "mailing-list"
  | "out-of-office-subject"
  | "delivery-report";

/** What the checks read of a message: its headers (lowercase names), subject and senders. */
export interface MailTraits {
  header(name: string): string | null;
  contentType: string | null;
  subject: string;
  /** The SMTP MAIL FROM; null or "" for the null sender `<>` of bounces. */
  envelopeFrom: string | null;
  fromAddress: string | null;
}

// Phrases auto-responders put at the start of a subject (Outlook "Automatic reply: …",
// "Réponse automatique : …", "Автоматический ответ: …", and common hand-written ones). Only at
// the start and followed by a colon, a dash or nothing, so "Out of office users cannot log in"
// from a customer is not mistaken for one.
const OUT_OF_OFFICE = new RegExp(
  `^\\s*(?:${[
    "out of (?:the )?office",
    "automatic reply",
    "auto(?:matic)?[- ]?(?:reply|response)",
    "autoreply",
    "away from (?:the )?office",
    "vacation(?: reply)?",
    "on vacation",
    "on leave",
    "absence",
    "absent",
    "réponse automatique",
    "message d'absence",
    "absent du bureau",
    "absence du bureau",
    "hors du bureau",
    "répondeur(?: automatique)?",
    "автоответ(?:чик)?",
    "автоматический ответ",
    "вне офиса",
    "нет в офисе",
    "нет на месте",
    "в отпуске",
    "отсутствую",
    "отсутствие на рабочем месте",
  ].join("|")})\\s*(?::|[-–—]|$)`,
  "iu",
);

const DAEMON_LOCAL_PARTS = new Set(["mailer-daemon", "postmaster"]);

function localPart(address: string | null): string {
  if (!address) return "";
  const at = address.lastIndexOf("@");
  return (at < 0 ? address : address.slice(0, at)).toLowerCase();
}

/** The first reason this message was written by a machine, or null for a person's mail. */
export function automaticReason(mail: MailTraits): AutomaticReason | null {
  const autoSubmitted = mail.header("auto-submitted");
  if (autoSubmitted !== null) {
    const value = autoSubmitted.split(";")[0]?.trim().toLowerCase() ?? "";
    if (value !== "no") return "auto-submitted";
  }
  const precedence = mail.header("precedence")?.trim().toLowerCase();
  if (precedence === "bulk" || precedence === "junk" || precedence === "list") return "precedence";
  if (!mail.envelopeFrom) return "null-sender";
  if (
    DAEMON_LOCAL_PARTS.has(localPart(mail.envelopeFrom)) ||
    DAEMON_LOCAL_PARTS.has(localPart(mail.fromAddress))
  ) {
    return "mailer-daemon";
  }
  if (mail.header("x-autoreply") !== null || mail.header("x-autorespond") !== null) {
    return "auto-reply-header";
  }
  const suppress = mail.header("x-auto-response-suppress");
  if (suppress !== null && /\b(?:all|oof)\b/i.test(suppress)) return "auto-reply-header";
  // Mailing-list software sets these even when it omits Precedence: answering a list loops too.
  if (mail.header("list-id") !== null || mail.header("list-unsubscribe") !== null) {
    return "mailing-list";
  }
  if (OUT_OF_OFFICE.test(mail.subject)) return "out-of-office-subject";
  if (mail.contentType?.toLowerCase() === "multipart/report") return "delivery-report";
  return null;
}
