import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { detectAttachmentType } from "./attachment-type.js";

export interface CheckedUpload {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * The one file of a multipart upload (field `file`), held to the size limit and to the accepted
 * types read from its content: a complaint's evidence and an 8D's root-cause evidence pass the
 * same gate.
 */
export async function readUpload(app: App, request: FastifyRequest): Promise<CheckedUpload> {
  if (!request.isMultipart()) throw badRequest("no_file");
  const file = await request.file().catch(malformedUpload);
  if (!file) throw badRequest("no_file");
  const content = await file.toBuffer().catch((e: { code?: string }) => {
    if (e.code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError("payload_too_large", { limit: app.config.KESU_MAX_ATTACHMENT_MB });
    return malformedUpload(e);
  });
  if (content.length === 0) throw badRequest("no_file");
  const type = await detectAttachmentType(content, file.filename);
  if (!type.ok) throw new AppError("unsupported_media_type", { type: type.found });
  return {
    fileName: file.filename.slice(0, 255) || "attachment",
    mediaType: type.mediaType,
    content,
  };
}

/** The multipart parser reports a body without boundary or cut short as a plain Error: bad input, not a 500. */
function malformedUpload(error: unknown): never {
  if ((error as { statusCode?: number }).statusCode) throw error;
  throw badRequest("no_file");
}
