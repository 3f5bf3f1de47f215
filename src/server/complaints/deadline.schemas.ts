import { z } from "zod";

/** 延期申请 as the API shows it. */
export const extensionSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  requestedById: z.uuid(),
  reason: z.string(),
  newDueAt: z.date(),
  approver: z.enum(["supervisor", "admin"]),
  status: z.enum(["pending", "approved", "rejected"]),
  decidedById: z.uuid().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.date(),
});
/** In the approval inbox: the case's number and the deadline the request would move. */
export const extensionListItem = extensionSchema.extend({
  complaintNumber: z.string(),
  complaintDueAt: z.date(),
});
