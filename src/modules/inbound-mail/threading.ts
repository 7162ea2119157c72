import type { InstanceKeys } from "../../lib/instance-keys.ts";
import { ticketFromReplyAddress } from "../../mail/reply-address.ts";

/**
 * Which ticket a message answers: a recipient that is a signed reply address
 * (`support+t<id>.<signature>@domain`), else an In-Reply-To or References naming one of our
 * notifications, whose Message-IDs are `<t-{ticketId}.{n}@{domain}>` (the ticket's root
 * `<t-{ticketId}@{domain}>`). A Message-ID is not signed, so it only tells which ticket: the
 * sender must still be allowed to write on it.
 */

export type ThreadedVia = "reply-address" | "in-reply-to" | "references";

export interface ThreadMatch {
  ticketId: string;
  via: ThreadedVia;
}

const MESSAGE_ID =
  /^<?t-([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})(?:\.[^@<>\s]*)?@([^<>\s]+?)>?$/i;

/** The ticket id one of our Message-IDs names, or null (another domain, another format). */
export function ticketFromMessageId(messageId: string, domain: string): string | null {
  const match = MESSAGE_ID.exec(messageId.trim());
  if (!match) return null;
  if ((match[6] ?? "").toLowerCase() !== domain.toLowerCase()) return null;
  return match.slice(1, 6).join("-").toLowerCase();
}

/** The message ids of an In-Reply-To or References header, in the order written. */
export function messageIds(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(" ") : (header ?? "");
  return text.match(/<[^<>\s]+>/g) ?? text.split(/\s+/).filter((part) => part.includes("@"));
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/** The ticket a message answers, and how we know; null when it answers none of ours. */
export function findThread(
  keys: InstanceKeys,
  supportAddress: string,
  mail: {
    recipients: string[];
    inReplyTo: string | undefined;
    references: string | string[] | undefined;
  },
): ThreadMatch | null {
  for (const recipient of mail.recipients) {
    const ticketId = ticketFromReplyAddress(keys, supportAddress, recipient);
    if (ticketId) return { ticketId, via: "reply-address" };
  }
  const domain = domainOf(supportAddress);
  for (const id of messageIds(mail.inReplyTo)) {
    const ticketId = ticketFromMessageId(id, domain);
    if (ticketId) return { ticketId, via: "in-reply-to" };
  }
  // The last reference is the message answered; earlier ones are the thread's history.
  for (const id of messageIds(mail.references).reverse()) {
    const ticketId = ticketFromMessageId(id, domain);
    if (ticketId) return { ticketId, via: "references" };
  }
  return null;
}
