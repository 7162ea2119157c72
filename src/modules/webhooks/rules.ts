import { isIP } from "node:net";
import { AppError, invalidField } from "../../http/problem.ts";
import { isPublicAddress } from "./address.ts";
import { type EventType, isAccountType } from "./events.ts";

/** What a subscription may be: its URL and event types. */

/** Hosts a developer's receiver listens on: the only ones plain http may reach. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Subscriptions one owner (an account, or the staff admins together) may hold. */
export const MAX_SUBSCRIPTIONS = 20;

/**
 * The URL as it will be called: absolute, https (http only for a loopback receiver), without
 * credentials (they would be stored and shown in the clear) or a fragment (never sent); with
 * `publicOnly` (account subscriptions), not an address or name known to be private. Names are
 * checked again on each delivery, on the address they resolve to (address.ts).
 */
export function checkWebhookUrl(text: string, publicOnly = false): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidField("url", "must be an absolute https URL");
  }
  if (url.protocol === "http:") {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      throw invalidField("url", "must use https (http only for localhost or 127.0.0.1)");
    }
  } else if (url.protocol !== "https:") {
    throw invalidField("url", "must use https (http only for localhost or 127.0.0.1)");
  }
  if (url.username !== "" || url.password !== "") {
    throw invalidField("url", "must not carry a user name or password; use the signature");
  }
  if (url.hash !== "") throw invalidField("url", "must not have a fragment");
  if (publicOnly && !mayBePublic(url.hostname)) {
    throw invalidField(
      "url",
      "must reach a public address: account webhooks cannot call private networks",
    );
  }
  return url.href;
}

/** What can be told before resolving: a private address literal or a local name is refused. */
function mayBePublic(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(host) !== 0) return isPublicAddress(host);
  return host !== "localhost" && !host.endsWith(".localhost") && !host.endsWith(".internal");
}

/** Account subscriptions receive what is addressed to the account; staff-only types never are. */
export function checkEventTypes(types: EventType[], global: boolean): EventType[] {
  const refused = global ? [] : types.filter((type) => !isAccountType(type));
  if (refused.length > 0) {
    throw invalidField(
      "eventTypes",
      `${refused.join(", ")} ${refused.length > 1 ? "are" : "is"} announced to staff only; only staff admins' global subscriptions receive ${refused.length > 1 ? "them" : "it"}`,
    );
  }
  return [...new Set(types)];
}

export function limitReached(): AppError {
  return new AppError(
    "webhook_limit_reached",
    `An owner may hold at most ${MAX_SUBSCRIPTIONS} webhook subscriptions; delete one first`,
    [],
    { max: MAX_SUBSCRIPTIONS },
  );
}
