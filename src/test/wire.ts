// The wire types of the tests: the same derivation from the server's zod schemas as the web
// client's (src/web/api/types.ts), which this project's module resolution cannot import as is.
import type { z } from "zod";
import type {
  commandBodies,
  complaintListItemSchema,
  complaintSchema,
  createComplaintBody,
} from "../server/complaints/complaint.schemas.js";
import type { customerHistorySchema } from "../server/customers/customer.schemas.js";
import type { checklistSchema } from "../server/guidance/checklist.schemas.js";
import type { notificationSchema } from "../server/notifications/notification.schemas.js";
import type { savedViewSchema, viewCountSchema } from "../server/saved-views/saved-view.schemas.js";
import type { departmentSchema, userSchema } from "../server/staff/user.schemas.js";
import type { inboxItemSchema } from "../server/work-orders/work-order.schemas.js";

/** JSON turns dates into ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** RFC 9457 problem+json as kesu sends it. */
export interface Problem {
  title: string;
  status: number;
  code: string;
  errors?: { field: string; code: string; message: string }[];
  currentVersion?: number;
  allowed?: string[];
}

export type Complaint = Wire<z.output<typeof complaintSchema>>;
export type ComplaintListItem = Wire<z.output<typeof complaintListItemSchema>>;
export type TimelineEvent = Complaint["timeline"][number];
export type WorkOrder = Complaint["workOrders"][number];
export type Clock = Complaint["clocks"][number];
export type CustomerHistory = Wire<z.output<typeof customerHistorySchema>>;
export type User = z.output<typeof userSchema>;
export type Department = z.output<typeof departmentSchema>;
export type InboxItem = Wire<z.output<typeof inboxItemSchema>>;
export type Notification = Wire<z.output<typeof notificationSchema>>;
export type SavedView = Wire<z.output<typeof savedViewSchema>>;
export type ViewCount = z.output<typeof viewCountSchema>;
export type Checklist = Wire<z.output<typeof checklistSchema>>;

export type CreateComplaintInput = z.input<typeof createComplaintBody>;
export type CommandName = keyof typeof commandBodies;
export type CommandBody<C extends CommandName> = z.input<(typeof commandBodies)[C]>;

/** A list answer without paging. */
export interface Items<T> {
  items: T[];
}
export type NotificationList = Items<Notification> & { unreadCount: number };
/** A 400 answer: the problem names each field that failed. */
export type ValidationProblem = Problem & { errors: NonNullable<Problem["errors"]> };
