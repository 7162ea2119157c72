import type { Attachment } from "mailparser";
import type { Database } from "../../db/database.ts";
import type { Language } from "../../db/schema.ts";
import {
  baseContentType,
  isAllowedContentType,
  MAX_ATTACHMENT_BYTES,
  MAX_MESSAGE_ATTACHMENT_BYTES,
  removeFile,
  storeFile,
} from "../tickets/attachment-store.ts";
import { insertAttachment } from "../tickets/message-repository.ts";
import { textsIn } from "./texts.ts";

/**
 * A mail's attachments under the ticket rules: the same allowed types, at most 10 MB each and
 * 25 MB per message, and at most as many as a message may reference through the API. What
 * falls outside is skipped, listed in the inbound message's outcome and in a system line on the
 * ticket, so both the customer and the agent see what did not arrive.
 */

export const MAX_MAIL_ATTACHMENTS = 20;
const MB = 1024 * 1024;

export type SkipReason = "type" | "too-large" | "total" | "empty" | "count";

export interface MailFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface SkippedFile {
  filename: string;
  contentType: string;
  sizeBytes: number;
  reason: SkipReason;
}

/** A file name safe to store and serve: no path, no control characters, at most 255 chars. */
export function safeFilename(name: string | undefined, index: number): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || `attachment-${index + 1}`).slice(0, 255);
}

/** Splits the attachments into those kept and those skipped, in the order the mail gives them. */
export function selectAttachments(attachments: readonly Attachment[]): {
  kept: MailFile[];
  skipped: SkippedFile[];
} {
  const kept: MailFile[] = [];
  const skipped: SkippedFile[] = [];
  let total = 0;
  const skipReason = (contentType: string, size: number): SkipReason | null => {
    if (!isAllowedContentType(contentType)) return "type";
    if (size === 0) return "empty";
    if (size > MAX_ATTACHMENT_BYTES) return "too-large";
    if (total + size > MAX_MESSAGE_ATTACHMENT_BYTES) return "total";
    if (kept.length >= MAX_MAIL_ATTACHMENTS) return "count";
    return null;
  };
  attachments.forEach((attachment, index) => {
    const filename = safeFilename(attachment.filename, index);
    const contentType = baseContentType(attachment.contentType);
    const sizeBytes = attachment.content.length;
    const reason = skipReason(contentType, sizeBytes);
    if (reason) {
      skipped.push({ filename, contentType, sizeBytes, reason });
    } else {
      total += sizeBytes;
      kept.push({ filename, contentType, content: attachment.content });
    }
  });
  return { kept, skipped };
}

/** The system line naming the skipped files and why, in the ticket's language. */
export function skippedLine(language: Language, skipped: readonly SkippedFile[]): string {
  const t = textsIn(language);
  const why = (file: SkippedFile): string => {
    switch (file.reason) {
      case "type":
        return t.skip.type(file.contentType || "unknown");
      case "too-large":
        return t.skip.tooLarge(MAX_ATTACHMENT_BYTES / MB);
      case "total":
        return t.skip.total(MAX_MESSAGE_ATTACHMENT_BYTES / MB);
      case "empty":
        return t.skip.empty;
      case "count":
        return t.skip.count(MAX_MAIL_ATTACHMENTS);
    }
  };
  return t.skippedAttachments(skipped.map((file) => `${file.filename} (${why(file)})`).join("; "));
}

export interface StoredFile extends MailFile {
  key: string;
  sha256: string;
}

/** Writes the kept files to the attachment store, before the transaction that records them. */
export async function storeFiles(
  dataDir: string,
  files: readonly MailFile[],
): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  try {
    for (const file of files) stored.push({ ...file, ...(await storeFile(dataDir, file.content)) });
  } catch (error) {
    await removeFiles(dataDir, stored);
    throw error;
  }
  return stored;
}

/** Removes files whose transaction did not commit. */
export async function removeFiles(dataDir: string, files: readonly StoredFile[]): Promise<void> {
  for (const file of files) await removeFile(dataDir, file.key);
}

/**
 * Records the stored files as uploads of the sender waiting for a message, in the caller's
 * transaction; the ticket command then claims them like any upload. Returns their ids.
 */
export async function recordUploads(
  trx: Database,
  userId: string,
  files: readonly StoredFile[],
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of files) {
    const row = await insertAttachment(trx, {
      message_id: null,
      uploaded_by_user_id: userId,
      uploaded_by_staff_id: null,
      filename: file.filename,
      content_type: file.contentType,
      size_bytes: file.content.length,
      sha256: file.sha256,
      storage_key: file.key,
      created_at: now,
    });
    ids.push(row.id);
  }
  return ids;
}
