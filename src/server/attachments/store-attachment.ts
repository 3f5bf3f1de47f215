import { createHash } from "node:crypto";
import type { Tx } from "../../db/client.js";
import { attachments } from "../../db/schema.js";
import type { RootCauseKind } from "../../domain/quality/evidence.js";
import { attachmentColumns } from "../case/complaint-row.js";
import { appendTimeline } from "../case/timeline.js";
import type { Caller } from "../http/app-types.js";
import type { CheckedUpload } from "./read-upload.js";

type Owner = { complaintId: string } | { qualityCaseId: string; rootCause: RootCauseKind };

/** Keeps a checked file, a complaint's or an 8D root cause's, in the one attachments store. */
export async function insertAttachment(tx: Tx, caller: Caller, owner: Owner, file: CheckedUpload) {
  const [created] = await tx
    .insert(attachments)
    .values({
      ...owner,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.content.length,
      sha256: createHash("sha256").update(file.content).digest("hex"),
      content: file.content,
      uploadedById: caller.id,
    })
    .returning(attachmentColumns);
  return created!;
}

/** Keeps a checked file on the case with its `attachment_added` event, in the caller's transaction. */
export async function storeAttachment(
  tx: Tx,
  caller: Caller,
  complaintId: string,
  file: CheckedUpload,
) {
  const created = await insertAttachment(tx, caller, { complaintId }, file);
  await appendTimeline(tx, caller, complaintId, [
    {
      type: "attachment_added",
      data: {
        attachmentId: created.id,
        fileName: file.fileName,
        mediaType: file.mediaType,
        size: file.content.length,
      },
    },
  ]);
  return created;
}
