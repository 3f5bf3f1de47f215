import { getTableColumns } from "drizzle-orm";
import { attachments, complaints, type workOrders } from "../../db/schema.js";
import type { ComplaintAccess } from "../../domain/complaint/complaint-policy.js";

/**
 * A complaint's columns as pages show them: the search text and its character pairs (a hundred
 * array entries a row) stay in the database.
 */
export const shownColumns = (() => {
  const { searchText: _text, searchGrams: _grams, ...shown } = getTableColumns(complaints);
  return shown;
})();

export type AttachmentDescription = {
  [K in keyof typeof attachmentColumns]: (typeof attachments.$inferSelect)[K];
};

/** An attachment's description, without its content. */
export const attachmentColumns = {
  id: attachments.id,
  fileName: attachments.fileName,
  mediaType: attachments.mediaType,
  size: attachments.size,
  sha256: attachments.sha256,
  uploadedById: attachments.uploadedById,
  createdAt: attachments.createdAt,
};

/** A complaint as commands and pages read it: without its search text and character pairs. */
export type ComplaintRow = Omit<typeof complaints.$inferSelect, "searchText" | "searchGrams">;
export type WorkOrderRow = typeof workOrders.$inferSelect;

export function complaintAccess(
  complaint: Pick<ComplaintRow, "status" | "kind" | "ownerId"> &
    Partial<Pick<ComplaintRow, "createdById">>,
  orders: Pick<WorkOrderRow, "departmentId" | "status">[],
): ComplaintAccess {
  return {
    status: complaint.status,
    kind: complaint.kind,
    ownerId: complaint.ownerId,
    ...(complaint.createdById ? { createdById: complaint.createdById } : {}),
    workOrders: orders.map((o) => ({
      departmentId: o.departmentId,
      status: o.status,
    })),
  };
}
