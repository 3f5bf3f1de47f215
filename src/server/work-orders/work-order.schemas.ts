import { z } from "zod";
import {
  responsibilities,
  type WorkOrderCommand,
  type WorkOrderStatus,
  workOrderStatuses,
} from "../../domain/complaint/work-order-lifecycle.js";
import { workOrderSchema } from "../complaints/complaint.schemas.js";
import { queryFlag } from "../http/input-fields.js";

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

export const inboxQuery = z.object({
  departmentId: z.uuid().optional(),
  status: z.union([z.enum(workOrderStatuses), z.array(z.enum(workOrderStatuses))]).optional(),
  /**
   * newest: dispatched last first; due: due first (the inbox's default, for waiting and in-hand
   * orders); finished: orders that left the department's hands (result, 退单, cancelled), the
   * latest first.
   */
  sort: z.enum(["newest", "due", "finished"]).default("newest"),
  /** `true`: the answer's `counts` has the orders in each state (first page only). */
  counts: queryFlag,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

const statusCount = z.object({
  /** Orders in the state, up to 1,000. */
  count: z.number(),
  /** More than `count`: show "1000+". */
  capped: z.boolean(),
});
export const inboxCountsSchema = z.object(
  Object.fromEntries(workOrderStatuses.map((s) => [s, statusCount])) as Record<
    WorkOrderStatus,
    typeof statusCount
  >,
);
export type InboxStatusCounts = z.infer<typeof inboxCountsSchema>;

/** A work order as its department's inbox shows it: the order plus what it is about. */
export const inboxItemSchema = workOrderSchema
  .omit({ substantiated: true, responsibility: true, version: true })
  .extend({
    complaintNumber: z.string(),
    subject: z.string(),
    severity: z.string(),
    complaintDueAt: z.date().nullable(),
    /** When the department owes it: its own running clock (签收 / 办结), else the case's deadline. */
    dueAt: z.date(),
  });
export type InboxItemDto = z.infer<typeof inboxItemSchema>;

export const inboxPage = z.object({
  items: z.array(inboxItemSchema),
  nextCursor: z.string().nullable(),
  /** With `counts=true` on the first page: the orders in each state, whatever `status` says. */
  counts: inboxCountsSchema.optional(),
});
