import { createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_SECONDS = 300;

/**
 * True when Palier signed `rawBody` with `secret` less than five minutes ago (either way).
 * `signatureHeader` is the Palier-Signature header: "t=<unix seconds>,v1=<hex HMAC-SHA256>".
 * `rawBody` is the request body exactly as received (a string or a Buffer), before any parsing.
 */
export function verifyPalierSignature(
  secret,
  signatureHeader,
  rawBody,
  nowSeconds = Math.floor(Date.now() / 1000),
) {
  const fields = new Map(
    String(signatureHeader ?? "")
      .split(",")
      .map((part) => part.trim().split("=", 2)),
  );
  const timestamp = Number(fields.get("t"));
  const signature = fields.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return false;
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  return timingSafeEqual(Buffer.from(signature, "hex"), expected);
}
