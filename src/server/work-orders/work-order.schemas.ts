import { z } from "zod";
import {
  responsibilities,
  type WorkOrderCommand,
} from "../../domain/complaint/work-order-lifecycle.js";
import { workOrderSchema } from "../complaints/complaint.schemas.js";

const text = (max: number) => z.string().trim().min(1).max(max);

export const workOrderBodies = {
  accept: z.object({ note: text(2000).optional() }).default({}),
  /** 退单: the reason tells the dispatcher where it belongs instead (职能不符 / 属地不符…). */
  return: z.object({ reason: text(2000) }),
  result: z.object({
    result: text(20_000),
    substantiated: z.boolean(),
    responsibility: z.enum(responsibilities),
  }),
} satisfies Record<WorkOrderCommand, z.ZodType>;

/** A work order as its department's inbox shows it: the order plus what it is about. */
export const inboxItemSchema = workOrderSchema
  .omit({ round: true, substantiated: true, responsibility: true, version: true })
  .extend({
    complaintNumber: z.string(),
    subject: z.string(),
    severity: z.string(),
    complaintDueAt: z.date().nullable(),
  });
export type InboxItemDto = z.infer<typeof inboxItemSchema>;
