/**
 * Message ids and threading headers. Every mail about a ticket refers to the thread root
 * `<t-{ticketId}@{domain}>` (the id of the ticket-created mail), so mail clients group them and
 * replies carry the ticket id in In-Reply-To/References as well as in the reply address.
 */

/** The domain of the support address: message ids are ours under it. */
export function mailDomain(supportAddress: string): string {
  return supportAddress.slice(supportAddress.lastIndexOf("@") + 1).toLowerCase();
}

export function ticketThreadRoot(ticketId: string, domain: string): string {
  return `<t-${ticketId}@${domain}>`;
}

/** Headers of a ticket notice; the creation notice is the thread root itself. */
export function ticketThreadHeaders(
  ticketId: string,
  outboxId: number,
  domain: string,
  isRoot: boolean,
): Record<string, string> {
  const root = ticketThreadRoot(ticketId, domain);
  if (isRoot) return { "Message-ID": root };
  return {
    "Message-ID": `<t-${ticketId}.${outboxId}@${domain}>`,
    "In-Reply-To": root,
    References: root,
  };
}

/** Headers of the notices of one contact change: one thread per change. */
export function contactChangeThreadHeaders(
  changeId: string,
  outboxId: number,
  domain: string,
): Record<string, string> {
  const root = `<cc-${changeId}@${domain}>`;
  return {
    "Message-ID": `<cc-${changeId}.${outboxId}@${domain}>`,
    "In-Reply-To": root,
    References: root,
  };
}

/** A standalone notice (a disabled webhook). */
export function noticeHeaders(outboxId: number, domain: string): Record<string, string> {
  return { "Message-ID": `<n-${outboxId}@${domain}>` };
}

/** Marks every notification as machine-sent (RFC 3834), so auto-responders do not answer. */
export const AUTO_SUBMITTED = { "Auto-Submitted": "auto-generated" } as const;
