import type { InstanceKeys } from "../lib/instance-keys.ts";

const PURPOSE = "reply-address";
const SIGNATURE_LENGTH = 16;

/**
 * The address a notification about ticket `ticketId` replies to: `<local>+t<uuid-hex>.<sig>@<domain>`,
 * where `support@example.com` gives local `support`. The signature stops anyone from writing
 * into a ticket by guessing its address.
 */
export function replyAddress(keys: InstanceKeys, supportAddress: string, ticketId: string): string {
  const [local, domain] = splitAddress(supportAddress);
  const compact = ticketId.replaceAll("-", "").toLowerCase();
  return `${local}+t${compact}.${keys.sign(PURPOSE, compact, SIGNATURE_LENGTH)}@${domain}`;
}

/** The ticket id a signed reply address names, or null when it is not one or the signature fails. */
export function ticketFromReplyAddress(
  keys: InstanceKeys,
  supportAddress: string,
  address: string,
): string | null {
  const [local, domain] = splitAddress(supportAddress);
  const match = /^([^@+]+)\+t([0-9a-f]{32})\.([0-9a-f]+)@(.+)$/i.exec(address.trim());
  if (!match) return null;
  const [, gotLocal, compact, signature, gotDomain] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (gotLocal.toLowerCase() !== local.toLowerCase()) return null;
  if (gotDomain.toLowerCase() !== domain.toLowerCase()) return null;
  const hex = compact.toLowerCase();
  if (!keys.verify(PURPOSE, hex, signature.toLowerCase())) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf("@");
  if (at <= 0) throw new Error(`support address "${address}" has no domain`);
  return [address.slice(0, at), address.slice(at + 1)];
}
