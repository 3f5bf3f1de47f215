import { createHash } from "node:crypto";
import type { Tx } from "../../db/client.js";
import { attachments } from "../../db/schema.js";
import { attachmentColumns } from "../case/complaint-row.js";
import { appendTimeline } from "../case/timeline.js";
import type { Caller } from "../http/app-types.js";

/** Keeps a checked file on the case with its `attachment_added` event, in the caller's transaction. */
export async function storeAttachment(
  tx: Tx,
  caller: Caller,
  complaintId: string,
  file: { fileName: string; mediaType: string; content: Buffer },
) {
  const [created] = await tx
    .insert(attachments)
    .values({
      complaintId,
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.content.length,
      sha256: createHash("sha256").update(file.content).digest("hex"),
      content: file.content,
      uploadedById: caller.id,
    })
    .returning(attachmentColumns);
  await appendTimeline(tx, caller, complaintId, [
    {
      type: "attachment_added",
      data: {
        attachmentId: created!.id,
        fileName: file.fileName,
        mediaType: file.mediaType,
        size: file.content.length,
      },
    },
  ]);
  return created!;
}
