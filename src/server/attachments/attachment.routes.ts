import { eq } from "drizzle-orm";
import { z } from "zod";
import { attachments, complaints, workOrders } from "../../db/schema.js";
import { canViewComplaint } from "../../domain/complaint/complaint-policy.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { callerOf } from "../auth/caller.js";
import { complaintAccess } from "../case/complaint-row.js";
import { attachmentSchema } from "../complaints/complaint.schemas.js";
import { AppError, badRequest, notFound } from "../http/app-error.js";
import type { App, Caller } from "../http/app-types.js";
import { detectAttachmentType } from "./attachment-type.js";
import { storeAttachment } from "./store-attachment.js";

export async function attachmentRoutes(app: App) {
  app.post(
    "/complaints/:id/attachments",
    {
      schema: {
        tags: ["attachments"],
        summary:
          "Attach evidence (multipart/form-data, field `file`); type checked from the content",
        consumes: ["multipart/form-data"],
        params: z.object({ id: z.uuid() }),
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await assertMayView(app, caller, request.params.id);
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
      const fileName = file.filename.slice(0, 255) || "attachment";
      const row = await app.db.transaction((tx) =>
        storeAttachment(tx, caller, request.params.id, {
          fileName,
          mediaType: type.mediaType,
          content,
        }),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    "/attachments/:id",
    {
      schema: {
        tags: ["attachments"],
        summary: "Download an attachment (only for those who may see its complaint)",
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const [file] = await app.db
        .select()
        .from(attachments)
        .where(eq(attachments.id, request.params.id));
      if (!file) throw notFound("attachment");
      await assertMayView(app, caller, file.complaintId).catch(() => {
        throw notFound("attachment");
      });
      return reply
        .type(file.mediaType)
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(textShownTo(caller.role)(file.fileName))}`,
        )
        .header("x-content-type-options", "nosniff")
        .send(file.content);
    },
  );
}

/** The multipart parser reports a body without boundary or cut short as a plain Error: bad input, not a 500. */
function malformedUpload(error: unknown): never {
  if ((error as { statusCode?: number }).statusCode) throw error;
  throw badRequest("no_file");
}

async function assertMayView(app: App, caller: Caller, complaintId: string) {
  const [complaint] = await app.db.select().from(complaints).where(eq(complaints.id, complaintId));
  if (!complaint) throw notFound("complaint");
  const orders = await app.db
    .select()
    .from(workOrders)
    .where(eq(workOrders.complaintId, complaintId));
  if (!canViewComplaint(caller, complaintAccess(complaint, orders))) throw notFound("complaint");
}
