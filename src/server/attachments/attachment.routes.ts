import { eq } from "drizzle-orm";
import { attachments, complaints, workOrders } from "../../db/schema.js";
import { canViewComplaint } from "../../domain/complaint/complaint-policy.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { callerOf } from "../auth/caller.js";
import { complaintAccess } from "../case/complaint-row.js";
import { notFound } from "../http/app-error.js";
import type { App, Caller } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { attachmentSchema } from "./attachment.schemas.js";
import { readUpload } from "./read-upload.js";
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
        params: idParams,
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      await assertMayView(app, caller, request.params.id);
      const file = await readUpload(app, request);
      const row = await app.db.transaction((tx) =>
        storeAttachment(tx, caller, request.params.id, file),
      );
      return reply.code(201).send(row);
    },
  );

  app.get(
    "/attachments/:id",
    {
      schema: {
        tags: ["attachments"],
        summary:
          "Download an attachment (only for those who may see its complaint; an 8D's evidence for everyone)",
        params: idParams,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const [file] = await app.db
        .select()
        .from(attachments)
        .where(eq(attachments.id, request.params.id));
      if (!file) throw notFound("attachment");
      // An 8D's evidence is read by whoever may read the 8D: every member of staff.
      if (file.complaintId)
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

async function assertMayView(app: App, caller: Caller, complaintId: string) {
  const [complaint] = await app.db.select().from(complaints).where(eq(complaints.id, complaintId));
  if (!complaint) throw notFound("complaint");
  const orders = await app.db
    .select()
    .from(workOrders)
    .where(eq(workOrders.complaintId, complaintId));
  if (!canViewComplaint(caller, complaintAccess(complaint, orders))) throw notFound("complaint");
}
