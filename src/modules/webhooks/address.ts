import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { BlockList, isIP } from "node:net";

/**
 * Which addresses a customer's webhook may reach. A subscription URL is chosen by the customer
 * and called from inside the provider's network, so without a check it could make Palier
 * probe internal services (server-side request forgery). Account subscriptions therefore reach
 * public addresses only, checked on the address actually connected to (a name is resolved
 * and checked at every delivery, so a DNS answer changed after subscribing cannot slip
 * through). Staff admins' global subscriptions may reach anything: they are the provider's
 * own integrations. `WEBHOOK_ALLOW_PRIVATE_TARGETS=true` lifts the check (development, or an
 * installation whose customers are all internal).
 */

const notPublic = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // this network
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  notPublic.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b:1::", 48], // local-use translation
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  notPublic.addSubnet(network, prefix, "ipv6");
}

/** The IPv4 address an IPv6 one carries (mapped `::ffff:a.b.c.d`, or NAT64 `64:ff9b::a.b.c.d`). */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? null;
}

/** Whether an IP address (v4 or v6 literal) is on the public Internet. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4 !== null) return isPublicAddress(v4);
    return !notPublic.check(bare, "ipv6");
  }
  return !notPublic.check(bare, "ipv4");
}

/** The error a refused destination gives, recorded in the delivery log. */
export function privateTargetError(host: string): Error & { code: string } {
  return Object.assign(
    new Error(`${host} is not a public address; account webhooks reach the public Internet only`),
    { code: "EPRIVATETARGET" },
  );
}

/**
 * A DNS lookup for http.request that keeps only public addresses and fails when none is left,
 * so the connection goes to an address that was checked, not to a second answer.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, "", 0);
      return;
    }
    const allowed = addresses.filter((entry) => isPublicAddress(entry.address));
    const first = allowed[0];
    if (!first) {
      callback(privateTargetError(hostname), "", 0);
      return;
    }
    if (options.all)
      (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
    else callback(null, first.address, first.family);
  });
};
