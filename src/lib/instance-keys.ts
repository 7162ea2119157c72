import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import type { Database } from "../db/database.ts";

/**
 * Keys derived from the instance key (one per Palier database): signatures for reply addresses
 * and links, and encryption of secrets Palier must read back (webhook signing secrets).
 */
export interface InstanceKeys {
  /** Hex HMAC-SHA256 of `text` under the key for `purpose`, shortened to `length` characters. */
  sign(purpose: string, text: string, length?: number): string;
  verify(purpose: string, text: string, signature: string): boolean;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `palier:${purpose}`, 32));
}

/** Keys over a 32-byte master key. */
export function instanceKeysFrom(master: Buffer): InstanceKeys {
  const cache = new Map<string, Buffer>();
  const keyFor = (purpose: string) => {
    let key = cache.get(purpose);
    if (!key) {
      key = derive(master, purpose);
      cache.set(purpose, key);
    }
    return key;
  };
  const sign = (purpose: string, text: string, length = 64) =>
    createHmac("sha256", keyFor(`sign:${purpose}`))
      .update(text)
      .digest("hex")
      .slice(0, length);
  return {
    sign,
    verify(purpose, text, signature) {
      if (!/^[0-9a-f]{8,64}$/.test(signature)) return false;
      const expected = Buffer.from(sign(purpose, text, signature.length));
      return timingSafeEqual(expected, Buffer.from(signature));
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keyFor("encrypt"), iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith("v1.")) throw new Error("unknown sealed secret version");
      const raw = Buffer.from(sealed.slice(3), "base64url");
      const decipher = createDecipheriv("aes-256-gcm", keyFor("encrypt"), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

/** Reads the instance key the migrations created; every process on one database shares it. */
export async function loadInstanceKeys(db: Database): Promise<InstanceKeys> {
  const row = await db
    .selectFrom("instance_keys")
    .select("key")
    .where("name", "=", "main")
    .executeTakeFirstOrThrow();
  return instanceKeysFrom(Buffer.from(row.key));
}
