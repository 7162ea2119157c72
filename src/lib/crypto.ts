import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random secret that is safe in URLs and headers. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Secrets (tokens, session ids) are stored only as this hash; SHA-256 suffices for 256-bit random values. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
