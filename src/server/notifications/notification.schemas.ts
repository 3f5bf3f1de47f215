import { z } from "zod";

export const notificationSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid().nullable(),
  /** sla_warning, sla_breached… */
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
