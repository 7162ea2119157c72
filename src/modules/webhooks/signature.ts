import { createHmac } from "node:crypto";
import { newSecret } from "../../lib/crypto.ts";

/**
 * Webhook signatures, as docs/WEBHOOKS.md tells receivers to check them: the header
 * `Palier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the
 * subscription's secret (its UTF-8 text, prefix included). The timestamp is inside the signed
 * string, so a receiver that refuses old timestamps refuses replays.
 */

/** The secret of a new or rotated subscription: shown once, then only kept sealed. */
export function newWebhookSecret(): string {
  return `whsec_${newSecret(32)}`;
}

/** The exact string that is signed. */
export function signedText(timestamp: number, body: string): string {
  return `${timestamp}.${body}`;
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secret).update(signedText(timestamp, body)).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}
