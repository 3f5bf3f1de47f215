import { asc, eq, getTableColumns } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import {
  attachments,
  callbacks,
  complaints,
  customers,
  departments,
  timelineEvents,
  users,
  workOrders,
} from "../../db/schema.js";
import { canSeePersonalData } from "../../domain/access/roles.js";
import type {
  ComplaintKind,
  ComplaintStatus,
  Satisfaction,
} from "../../domain/complaint/complaint-lifecycle.js";
import {
  allowedActions,
  type ComplaintAccessView,
  canViewComplaint,
  mayRunWorkOrderCommand,
} from "../../domain/complaint/complaint-policy.js";
import {
  type Responsibility,
  type WorkOrderStatus,
  workOrderCommandsAllowed,
} from "../../domain/complaint/work-order-lifecycle.js";
import { presentCustomer } from "../customers/customer.presenter.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import { presentClocks } from "../sla/clock.presenter.js";
import type { ComplaintDto, complaintFlags, mentalities, severities } from "./complaint.schemas.js";

/**
 * A complaint's columns as pages show them: the search text and its character pairs (a hundred
 * array entries a row) stay in the database.
 */
export const shownColumns = (() => {
  const { searchText: _text, searchBigrams: _pairs, ...shown } = getTableColumns(complaints);
  return shown;
})();

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

export type ComplaintRow = typeof complaints.$inferSelect;
export type WorkOrderRow = typeof workOrders.$inferSelect;

export function accessView(
  complaint: Pick<ComplaintRow, "status" | "kind" | "ownerId">,
  orders: Pick<WorkOrderRow, "departmentId" | "status">[],
): ComplaintAccessView {
  return {
    status: complaint.status as ComplaintStatus,
    kind: complaint.kind as ComplaintKind,
    ownerId: complaint.ownerId,
    workOrders: orders.map((o) => ({
      departmentId: o.departmentId,
      status: o.status as WorkOrderStatus,
    })),
  };
}

/** Everything the complaint page shows, shaped for this caller (masking, allowed actions). */
export async function loadComplaintDetail(
  db: Database | Tx,
  id: string,
  caller: Caller,
): Promise<ComplaintDto> {
  const [complaint] = await db.select(shownColumns).from(complaints).where(eq(complaints.id, id));
  if (!complaint) throw notFound("complaint");
  // One query after another: inside a transaction they share one connection anyway.
  const customerRows = await db
    .select()
    .from(customers)
    .where(eq(customers.id, complaint.customerId));
  const orders = await db
    .select({ order: workOrders, departmentName: departments.name })
    .from(workOrders)
    .innerJoin(departments, eq(departments.id, workOrders.departmentId))
    .where(eq(workOrders.complaintId, id))
    .orderBy(asc(workOrders.dispatchedAt));
  const events = await db
    .select()
    .from(timelineEvents)
    .where(eq(timelineEvents.complaintId, id))
    .orderBy(asc(timelineEvents.id));
  const files = await db
    .select(attachmentColumns)
    .from(attachments)
    .where(eq(attachments.complaintId, id))
    .orderBy(asc(attachments.createdAt));
  const promises = await db
    .select()
    .from(callbacks)
    .where(eq(callbacks.complaintId, id))
    .orderBy(asc(callbacks.dueAt));
  const clocks = await presentClocks(db, id, new Date());
  const view = accessView(
    complaint,
    orders.map((o) => o.order),
  );
  if (!canViewComplaint(caller, view)) throw notFound("complaint");
  const owner = complaint.ownerId ? await actorOf(db, complaint.ownerId) : null;
  return {
    ...complaint,
    kind: view.kind,
    status: view.status,
    severity: complaint.severity as (typeof severities)[number],
    mentality: complaint.mentality as (typeof mentalities)[number] | null,
    satisfaction: complaint.satisfaction as Satisfaction | null,
    flags: complaint.flags as (typeof complaintFlags)[number][],
    source: {
      type: complaint.sourceType as "direct" | "transfer",
      hotline: complaint.sourceHotline,
      externalNo: complaint.sourceExternalNo,
      externalDueAt: complaint.sourceExternalDueAt,
    },
    customer: presentCustomer(customerRows[0]!, canSeePersonalData(caller.role)),
    owner,
    workOrders: orders.map(({ order, departmentName }) => ({
      ...order,
      departmentName,
      status: order.status as WorkOrderStatus,
      responsibility: order.responsibility as Responsibility | null,
      allowedActions: mayRunWorkOrderCommand(caller, order)
        ? workOrderCommandsAllowed(order.status as WorkOrderStatus)
        : [],
    })),
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.at,
      actor: { id: e.actorId, agentNo: e.actorAgentNo, name: e.actorName },
      customerVisible: e.customerVisible,
      data: e.data as Record<string, unknown>,
    })),
    attachments: files,
    callbacks: promises.map((p) => ({ ...p, status: p.status as "open" })),
    clocks,
    allowedActions: allowedActions(caller, view),
  };
}

async function actorOf(db: Database | Tx, userId: string) {
  const [user] = await db
    .select({ id: users.id, agentNo: users.agentNo, name: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  return user ?? null;
}
