import { createHash, randomUUID } from "node:crypto";
import { createReadStream, type ReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Attachment files live outside the database, under `${dataDir}/attachments/`, one file per
 * upload named by a random id (so deleting an upload can never remove another's file). Each is
 * written to a temporary name and renamed, so a reader never sees half a file.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_MESSAGE_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** The content types customers and staff may attach; anything else is a 415. */
export const ALLOWED_CONTENT_TYPES = [
  "text/plain",
  "text/csv",
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "application/zip",
  "application/json",
  "message/rfc822",
  "application/x-tar",
  "application/gzip",
] as const;

/** The media type without parameters, lowercased: "Text/Plain; charset=utf-8" → "text/plain". */
export function baseContentType(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export function isAllowedContentType(header: string | undefined): boolean {
  return (ALLOWED_CONTENT_TYPES as readonly string[]).includes(baseContentType(header));
}

function root(dataDir: string): string {
  return path.join(dataDir, "attachments");
}

/** Storage keys are "ab/<uuid>"; anything else is refused before touching the disk. */
function fileOf(dataDir: string, key: string): string {
  if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`bad storage key ${key}`);
  return path.join(root(dataDir), key);
}

/** Writes the bytes under a new key; returns the key and the bytes' SHA-256. */
export async function storeFile(
  dataDir: string,
  data: Buffer,
): Promise<{ key: string; sha256: string }> {
  const id = randomUUID();
  const key = `${id.slice(0, 2)}/${id}`;
  const target = fileOf(dataDir, key);
  const temp = path.join(root(dataDir), "tmp", `${id}.part`);
  await mkdir(path.dirname(target), { recursive: true });
  await mkdir(path.dirname(temp), { recursive: true });
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return { key, sha256: createHash("sha256").update(data).digest("hex") };
}

/** A stream of the stored file, or null when it is missing from the disk. */
export async function openFile(dataDir: string, key: string): Promise<ReadStream | null> {
  const file = fileOf(dataDir, key);
  try {
    await stat(file);
  } catch {
    return null;
  }
  return createReadStream(file);
}

export async function removeFile(dataDir: string, key: string): Promise<void> {
  await rm(fileOf(dataDir, key), { force: true });
}
