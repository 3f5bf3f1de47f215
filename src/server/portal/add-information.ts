import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../db/client.js";
import { attachments, complaints, contacts } from "../../db/schema.js";
import { detectAttachmentType } from "../attachments/attachment-type.js";
import { appendTimeline } from "../case/timeline.js";
import { portalCaller } from "../customer-messages/customer-messaging.js";
import { AppError, badRequest } from "../http/app-error.js";
import type { App, Caller } from "../http/app-types.js";

/** What the customer adds at the portal: an inbound contact on the portal channel, on the timeline. */
export async function addInformation(
  db: Database,
  portal: Caller,
  complaintId: string,
  text: string,
  now: Date,
) {
  await db.transaction(async (tx) => {
    const [c] = await tx
      .select({ customerId: complaints.customerId })
      .from(complaints)
      .where(eq(complaints.id, complaintId));
    const [row] = await tx
      .insert(contacts)
      .values({
        customerId: c!.customerId,
        complaintId,
        direction: "inbound",
        channel: "portal",
        summary: text,
        agentId: portal.id,
        agentNo: portal.agentNo,
        at: now,
      })
      .returning({ id: contacts.id });
    await appendTimeline(tx, portal, complaintId, [
      {
        type: "contact",
        data: {
          contactId: row!.id,
          direction: "inbound",
          channel: "portal",
          summary: text,
          portal: true,
        },
      },
    ]);
  });
}

interface Proof {
  number: string;
  phone: string;
  accessCode?: string;
  code?: string;
}

/**
 * One file from the customer, checked as the workbench checks uploads (size, type from the
 * content); the proof fields come before the file in the form.
 */
export async function addPortalAttachment(
  app: App,
  request: FastifyRequest,
  openCaseOf: (proof: Proof) => Promise<string>,
) {
  if (!request.isMultipart()) throw badRequest("no_file");
  const file = await request.file().catch(() => {
    throw badRequest("no_file");
  });
  if (!file) throw badRequest("no_file");
  const field = (name: string) => {
    const f = file.fields[name] as { value?: unknown } | undefined;
    return typeof f?.value === "string" ? f.value : undefined;
  };
  const complaintId = await openCaseOf({
    number: field("number") ?? "",
    phone: field("phone") ?? "",
    ...(field("accessCode") && { accessCode: field("accessCode") }),
    ...(field("code") && { code: field("code") }),
  });
  const content = await file.toBuffer().catch((e: { code?: string }) => {
    if (e.code === "FST_REQ_FILE_TOO_LARGE")
      throw new AppError("payload_too_large", { limit: app.config.KESU_MAX_ATTACHMENT_MB });
    throw badRequest("no_file");
  });
  if (content.length === 0) throw badRequest("no_file");
  const type = await detectAttachmentType(content, file.filename);
  if (!type.ok) throw new AppError("unsupported_media_type", { type: type.found });
  const fileName = file.filename.slice(0, 255) || "attachment";
  const portal = await portalCaller(app.db);
  await app.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(attachments)
      .values({
        complaintId,
        fileName,
        mediaType: type.mediaType,
        size: content.length,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
        uploadedById: portal.id,
      })
      .returning({ id: attachments.id });
    await appendTimeline(tx, portal, complaintId, [
      {
        type: "attachment_added",
        data: {
          attachmentId: created!.id,
          fileName,
          mediaType: type.mediaType,
          size: content.length,
        },
      },
    ]);
  });
  return { fileName, size: content.length };
}
