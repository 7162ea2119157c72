import { actorOf } from "../../http/auth.ts";
import type { App, AppContext } from "../../http/context.ts";
import { securityRequirements, withProblems } from "../../http/openapi.ts";
import { requirePrincipal } from "../../http/principal.ts";
import { AppError } from "../../http/problem.ts";
import {
  ALLOWED_CONTENT_TYPES,
  isAllowedContentType,
  MAX_ATTACHMENT_BYTES,
} from "./attachment-store.ts";
import { downloadAttachment, uploadAttachment } from "./attachments.ts";
import { AttachmentBody, AttachmentParams, UploadQuery } from "./message-schemas.ts";

const tags = ["tickets"];

const unsupported = () =>
  new AppError(
    "unsupported_media_type",
    `Attachments may be of type ${ALLOWED_CONTENT_TYPES.join(", ")}`,
  );

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function attachmentRoutes(app: App, ctx: AppContext): Promise<void> {
  // Its own encapsulated scope: the upload takes raw files, not JSON, and nothing else does.
  await app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    // Refused before a byte of the body is read.
    scope.addHook("preParsing", async (request) => {
      if (!isAllowedContentType(request.headers["content-type"])) throw unsupported();
    });

    scope.post(
      "/attachments",
      {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        schema: {
          tags,
          summary: "Upload a file (the raw body, its type as Content-Type) to attach to a message",
          description: `At most 10 MB; types: ${ALLOWED_CONTENT_TYPES.join(", ")}. The returned id is held by the uploader until a ticket, reply or note references it; unused uploads are deleted after a day.`,
          security: securityRequirements,
          querystring: UploadQuery,
          response: withProblems({ 201: AttachmentBody }),
        },
      },
      async (request, reply) => {
        const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const created = await uploadAttachment(ctx, actorOf(request), {
          filename: request.query.filename,
          contentType: request.headers["content-type"],
          data,
        });
        return reply.code(201).send(created);
      },
    );
  });

  app.get(
    "/tickets/:number/attachments/:id",
    {
      schema: {
        tags,
        summary: "Download an attachment of a message the caller may read",
        security: securityRequirements,
        params: AttachmentParams,
        response: withProblems({
          200: { description: "The file, with its stored content type" },
        }),
      },
    },
    async (request, reply) => {
      const file = await downloadAttachment(
        ctx,
        requirePrincipal(request.principal),
        request.params.number,
        request.params.id,
      );
      return reply
        .header("content-type", file.contentType)
        .header("content-length", file.sizeBytes)
        .header("content-disposition", contentDisposition(file.filename))
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(file.stream);
    },
  );
}
