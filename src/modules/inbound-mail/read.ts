import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import type { Language } from "../../db/schema.ts";
import { negotiateLanguage } from "../../i18n/index.ts";
import type { MailTraits } from "./classify.ts";
import { stripQuotedText } from "./quotes.ts";
import type { InboundRow } from "./repository.ts";
import { textsIn } from "./texts.ts";

/** A message that can never be processed as it is: it fails at once, without retries. */
export class MalformedMail extends Error {}

/** What processing reads of a parsed message. */
export interface MailView {
  parsed: ParsedMail;
  traits: MailTraits;
  fromAddress: string | null;
  subject: string;
  /** Envelope recipients first, then To and Cc. */
  recipients: string[];
  messageId: string | null;
  inReplyTo: string | undefined;
  references: string | string[] | undefined;
  /** The language the sender's client declared, if one of ours. */
  declaredLanguage: Language | null;
  /** The text as received (HTML converted to text when there was no text part). */
  fullText: string;
}

/** Longest message body a ticket holds (the API's limit). */
export const MAX_BODY_CHARS = 50_000;

function headerText(parsed: ParsedMail, name: string): string | null {
  const value: unknown = parsed.headers.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "object" && "value" in value) {
    const inner = (value as { value: unknown }).value;
    return typeof inner === "string" ? inner : null;
  }
  return String(value);
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((object) => object.value.map((entry) => entry.address ?? "")).filter(Boolean);
}

/** Parses the raw message; a parser failure makes it malformed. */
export async function readMail(row: InboundRow): Promise<MailView> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(row.raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    throw new MalformedMail(`the message cannot be parsed: ${(error as Error).message}`);
  }
  const fromAddress = parsed.from?.value.find((entry) => entry.address)?.address ?? null;
  const subject = (parsed.subject ?? "").trim();
  const declared = [headerText(parsed, "content-language"), headerText(parsed, "accept-language")]
    .filter((value): value is string => Boolean(value))
    .join(",");
  return {
    parsed,
    traits: {
      header: (name) => headerText(parsed, name),
      contentType: headerText(parsed, "content-type"),
      subject,
      envelopeFrom: row.envelope_from,
      fromAddress,
    },
    fromAddress: fromAddress?.toLowerCase() ?? null,
    subject,
    recipients: [...row.envelope_to, ...addresses(parsed.to), ...addresses(parsed.cc)],
    messageId: parsed.messageId ?? row.message_id,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    declaredLanguage: declared ? negotiateLanguage(declared, "en") : null,
    fullText: parsed.text ?? "",
  };
}

/**
 * The message body a ticket stores: quotes and signature stripped; the whole text when that
 * leaves nothing but there was text; a short line for a mail of attachments only; cut at the
 * API's length limit with a note (the raw message keeps the rest).
 */
export function ticketBody(mail: MailView, language: Language): string {
  const { text } = stripQuotedText(mail.fullText);
  const t = textsIn(language);
  let body = text || mail.fullText.trim();
  if (!body) body = t.noText;
  if (body.length > MAX_BODY_CHARS) {
    body = `${body.slice(0, MAX_BODY_CHARS - t.truncated.length - 2)}\n\n${t.truncated}`;
  }
  return body;
}

/** The subject a mailed ticket takes: at most 200 characters, never empty. */
export function ticketSubject(mail: MailView, language: Language): string {
  return (mail.subject || textsIn(language).noSubject).slice(0, 200);
}
