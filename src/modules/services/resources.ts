import { isIPv4, isIPv6 } from "node:net";
import type { ResourceKind } from "../../db/schema.ts";

/** A resource ready to store: value normalised, network filled for IP kinds. */
export interface NormalisedResource {
  kind: ResourceKind;
  value: string;
  network: string | null;
}

export type ResourceCheck =
  | { ok: true; resource: NormalisedResource }
  | { ok: false; message: string };

// RFC 1123 labels; at least two labels so abuse reports can match a fully qualified name.
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

function ipv4Bits(address: string): bigint {
  return address
    .split(".")
    .reduce((acc, part) => (acc << 8n) | BigInt(Number.parseInt(part, 10)), 0n);
}

function ipv6Bits(address: string): bigint {
  let text = address;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4) {
    const bits = ipv4Bits(v4);
    text = `${text.slice(0, -v4.length)}${(bits >> 16n).toString(16)}:${(bits & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(`0x${group}`), 0n);
}

function checkRange(value: string): ResourceCheck {
  const slash = value.indexOf("/");
  if (slash < 0)
    return { ok: false, message: "an IP range needs a prefix length, like 192.0.2.0/24" };
  const address = value.slice(0, slash);
  const prefixText = value.slice(slash + 1);
  const v4 = isIPv4(address);
  if (!v4 && (!isIPv6(address) || address.includes("%")))
    return { ok: false, message: "not an IPv4 or IPv6 network address" };
  const width = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > width) {
    return { ok: false, message: `the prefix length must be 0 to ${width}` };
  }
  const prefix = BigInt(prefixText);
  const bits = v4 ? ipv4Bits(address) : ipv6Bits(address);
  const hostMask = (1n << (BigInt(width) - prefix)) - 1n;
  if ((bits & hostMask) !== 0n) {
    return { ok: false, message: "host bits are set to the right of the prefix length" };
  }
  return { ok: true, resource: { kind: "ip-range", value, network: value } };
}

/** Validates one resource with node:net and the hostname rules; IPs become /32 or /128 networks. */
export function checkResource(kind: ResourceKind, raw: string): ResourceCheck {
  const value = raw.trim().toLowerCase();
  switch (kind) {
    case "ipv4":
      return isIPv4(value)
        ? { ok: true, resource: { kind, value, network: `${value}/32` } }
        : { ok: false, message: "not an IPv4 address" };
    case "ipv6":
      // Zone ids (fe80::1%eth0) name a local interface, not a public address.
      return isIPv6(value) && !value.includes("%")
        ? { ok: true, resource: { kind, value, network: `${value}/128` } }
        : { ok: false, message: "not an IPv6 address" };
    case "ip-range":
      return checkRange(value);
    case "domain":
    case "hostname":
      return HOSTNAME.test(value)
        ? { ok: true, resource: { kind, value, network: null } }
        : { ok: false, message: `not a valid ${kind} (letters, digits, hyphens, dot-separated)` };
  }
}
