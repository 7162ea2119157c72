import EmailReplyParser from "email-reply-parser";

/**
 * What the customer wrote this time: earlier messages quoted below the reply and the signature
 * are cut, so the ticket reads as a conversation. The raw message keeps everything.
 *
 * email-reply-parser knows the English, French and many other quote headers ("On … wrote:",
 * "Le … a écrit :"), `>` quoting, Outlook separators and "-- " signatures. Our own rules cover
 * what it misses: Russian quote headers and Outlook/mobile separators in Russian, and headers
 * a mail client wrapped over two lines.
 */

// A line from which everything below is quoted or signature (matched case-insensitively).
const CUT_LINES: RegExp[] = [
  // "2 дек. 2026 г., в 10:00, Иван <ivan@example.com> написал(а):", "…, Служба пишет:"
  /^.{0,300}(?:написал|написала|написал\(а\)|пишет)\s*:\s*$/iu,
  // "ср, 2 дек. 2026 г. в 10:00, Palier <support@example.com>:" (a date, an address, a colon)
  /^.{0,300}\d{4}.{0,300}<[^<>\s]+@[^<>\s]+>\s*:\s*$/u,
  /^-{2,}\s*(?:исходное сообщение|пересылаемое сообщение|original message|message d'origine|message transféré|forwarded message)\s*-{2,}\s*$/iu,
  // Outlook's header block in Russian: "От: Name <address>" followed by the quoted message
  /^\s*от\s?:.+[<[].+@.+[>\]]\s*$/iu,
  // Mobile signatures the parser does not know in Russian
  /^\s*(?:отправлено с|отправлено из|sent from my|envoyé de mon)\s.{0,80}$/iu,
];

/** Lines longer than this cannot be quote headers; the parser's patterns are slow on them. */
const MAX_PARSER_LINE = 2000;

/** The text before the first line our own rules recognise as the start of quoted text. */
function cutAtKnownHeaders(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.length > 500 || !CUT_LINES.some((pattern) => pattern.test(line))) continue;
    // A header wrapped by the client: "Le mer. 2 déc. 2026 à 10:00, Palier <" then
    // "support@example.com> a écrit :" — the first half holds the date.
    const previous = lines[i - 1] ?? "";
    const wrapped = i > 0 && !/\d/.test(line) && /\d/.test(previous) && previous.trim() !== "";
    return lines.slice(0, wrapped ? i - 1 : i);
  }
  return lines;
}

/** Collapses runs of blank lines and trims the ends. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export interface StrippedBody {
  /** What is new in this message; empty when it held only quotes or nothing. */
  text: string;
  /** Whether anything was cut. */
  stripped: boolean;
}

/** Cuts quoted earlier messages and the signature from a plain-text body. */
export function stripQuotedText(body: string): StrippedBody {
  const original = tidy(body.replace(/\r\n?/g, "\n"));
  let lines = cutAtKnownHeaders(original.split("\n"));
  let text = lines.join("\n");
  if (!lines.some((line) => line.length > MAX_PARSER_LINE)) {
    text = new EmailReplyParser().parseReply(text);
  } else {
    // Too long for the parser: drop `>` quoted lines ourselves.
    lines = lines.filter((line) => !/^\s*>/.test(line));
    text = lines.join("\n");
  }
  const result = tidy(text);
  return { text: result, stripped: result !== original };
}
