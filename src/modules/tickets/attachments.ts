import type { ReadStream } from "node:fs";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { AppContext } from "../../http/context.ts";
import type { Actor, Principal } from "../../http/principal.ts";
import { AppError, forbidden, notFound } from "../../http/problem.ts";
import type { Clock } from "../../lib/clock.ts";
import {
  baseContentType,
  isAllowedContentType,
  MAX_ATTACHMENT_BYTES,
  MAX_MESSAGE_ATTACHMENT_BYTES,
  openFile,
  removeFile,
  storeFile,
} from "./attachment-store.ts";
import {
  attachToMessage,
  deleteStalePending,
  findPendingUploads,
  findTicketAttachment,
  insertAttachment,
} from "./message-repository.ts";
import { mayDo } from "./policy.ts";
import { presentAttachment } from "./presenter.ts";
import { loadTicket, visibleKinds } from "./queries.ts";
import { DAY_MS } from "./rules.ts";

const MB = 1024 * 1024;

/**
 * Stores an uploaded file and records it as held by its uploader until a ticket, reply or note
 * references its id. The route has already refused other types (415) and bodies over 10 MB (413).
 */
export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor,
  upload: { filename: string; contentType: string | undefined; data: Buffer },
) {
  const { principal } = actor;
  if (!mayDo(principal, "attachment.upload")) throw forbidden();
  if (!isAllowedContentType(upload.contentType)) {
    throw new AppError("unsupported_media_type", "This file type may not be attached");
  }
  if (upload.data.length === 0) {
    throw new AppError("validation_failed", "The file is empty", [
      { field: "body", in: "body", message: "the file is empty" },
    ]);
  }
  if (upload.data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      "payload_too_large",
      `Attachments may be at most ${MAX_ATTACHMENT_BYTES / MB} MB`,
    );
  }
  const { key, sha256 } = await storeFile(ctx.config.dataDir, upload.data);
  try {
    const row = await insertAttachment(ctx.db, {
      message_id: null,
      uploaded_by_user_id: principal.kind === "user" ? principal.userId : null,
      uploaded_by_staff_id: principal.kind === "staff" ? principal.staffId : null,
      filename: upload.filename,
      content_type: baseContentType(upload.contentType),
      size_bytes: upload.data.length,
      sha256,
      storage_key: key,
      created_at: ctx.clock.now(),
    });
    return presentAttachment(row);
  } catch (error) {
    await removeFile(ctx.config.dataDir, key);
    throw error;
  }
}

const attachmentsError = (field: string, message: string) =>
  new AppError("unprocessable", `${field}: ${message}`, [{ field, in: "body", message }]);

/**
 * Hands the caller's pending uploads to a new message, inside the command's transaction: each
 * id must be an upload of the caller not yet used, and together at most 25 MB.
 */
export async function claimAttachments(
  trx: Database,
  principal: Principal,
  ids: readonly string[],
  messageId: string,
): Promise<void> {
  if (ids.length === 0) return;
  const owner =
    principal.kind === "user" ? { userId: principal.userId } : { staffId: principal.staffId };
  const rows = await findPendingUploads(trx, [...ids], owner);
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw attachmentsError(
      `attachments.${missing}`,
      "not an upload of yours waiting to be attached (upload it with POST /attachments)",
    );
  }
  const total = rows.reduce((sum, row) => sum + row.size_bytes, 0);
  if (total > MAX_MESSAGE_ATTACHMENT_BYTES) {
    throw attachmentsError(
      "attachments",
      `together ${(total / MB).toFixed(1)} MB; a message may carry at most ${MAX_MESSAGE_ATTACHMENT_BYTES / MB} MB`,
    );
  }
  const attached = await attachToMessage(trx, [...ids], messageId);
  if (attached !== ids.length) {
    throw attachmentsError("attachments", "an attachment was used by another message meanwhile");
  }
}

/** The file of an attachment, for those who may read the message carrying it. */
export async function downloadAttachment(
  ctx: AppContext,
  principal: Principal,
  numberText: string,
  attachmentId: string,
): Promise<{ filename: string; contentType: string; sizeBytes: number; stream: ReadStream }> {
  const ticket = await loadTicket(ctx.db, principal, numberText, "ticket.read");
  const row = await findTicketAttachment(ctx.db, ticket.id, attachmentId, visibleKinds(principal));
  if (!row) throw notFound("Attachment");
  const stream = await openFile(ctx.config.dataDir, row.storage_key);
  if (!stream) throw notFound("Attachment file");
  return {
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    stream,
  };
}

const PURGE_BATCH = 200;

/** Deletes uploads never attached within a day, rows then files. Returns how many went. */
export async function purgePendingAttachments(
  db: Database,
  config: Config,
  clock: Clock,
): Promise<number> {
  const before = new Date(clock.now().getTime() - DAY_MS);
  let total = 0;
  for (;;) {
    const rows = await deleteStalePending(db, before, PURGE_BATCH);
    for (const row of rows) await removeFile(config.dataDir, row.storage_key);
    total += rows.length;
    if (rows.length < PURGE_BATCH) return total;
  }
}
