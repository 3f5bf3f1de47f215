import { eq } from "drizzle-orm";
import type { z } from "zod";
import { complaints, departments, workOrders } from "../../db/schema.js";
import { mayRunWorkOrderCommand } from "../../domain/complaint/complaint-policy.js";
import {
  checkWorkOrderTransition,
  complaintStatusAfterWorkOrders,
  type WorkOrderCommand,
  workOrderStatusAfter,
} from "../../domain/complaint/work-order-lifecycle.js";
import { appendTimeline } from "../case/timeline.js";
import { lockVisibleComplaint } from "../case/visible-complaint.js";
import { AppError, notFound } from "../http/app-error.js";
import type { Acting } from "../http/app-types.js";
import { authorize } from "../http/authorize.js";
import { stopClocks } from "../sla/clock-effects.js";
import type { workOrderBodies } from "./work-order.schemas.js";

type Bodies = { [C in WorkOrderCommand]: z.infer<(typeof workOrderBodies)[C]> };

const eventType: Record<WorkOrderCommand, string> = {
  accept: "work_order_accepted",
  return: "work_order_returned",
  result: "work_order_result",
};

/**
 * A department's step on its work order. The complaint row is locked first (the same order as
 * complaint commands, so the two never deadlock), its status follows its work orders, and its
 * version moves so an owner acting on a stale page gets a conflict, not a silent overwrite.
 */
export async function runWorkOrderCommand<C extends WorkOrderCommand>(
  { db, caller, clock }: Acting,
  workOrderId: string,
  command: C,
  body: Bodies[C],
): Promise<string> {
  const [target] = await db
    .select({ complaintId: workOrders.complaintId })
    .from(workOrders)
    .where(eq(workOrders.id, workOrderId));
  if (!target) throw notFound("work_order");
  return db.transaction(async (tx) => {
    const { complaint, orders } = await lockVisibleComplaint(
      tx,
      caller,
      target.complaintId,
      "work_order",
    );
    const order = orders.find((o) => o.id === workOrderId);
    if (!order) throw notFound("work_order");
    authorize(mayRunWorkOrderCommand(caller, order));
    const check = checkWorkOrderTransition(order.status, command);
    if (!check.ok)
      throw new AppError(
        "invalid_transition",
        { status: order.status, command },
        { allowed: check.allowed },
      );

    const status = workOrderStatusAfter(order.status, command);
    const now = clock.now();
    const changes = {
      accept: { status, acceptedAt: now },
      return: { status, finishedAt: now, returnReason: (body as Bodies["return"]).reason },
      result: { status, completedAt: now, finishedAt: now, ...(body as Bodies["result"]) },
    }[command];
    const stops = {
      accept: ["departmentAcceptance"],
      return: ["departmentAcceptance", "departmentResult"],
      result: ["departmentResult"],
    }[command];
    await stopClocks(tx, { complaintId: complaint.id, workOrderId: order.id, names: stops }, now);
    await tx
      .update(workOrders)
      .set({ ...changes, version: order.version + 1 })
      .where(eq(workOrders.id, order.id));

    const after = orders.map((o) => (o.id === order.id ? { ...o, status } : o));
    const complaintStatus = complaintStatusAfterWorkOrders(
      complaint.status,
      after.map((o) => ({ status: o.status, round: o.round })),
      complaint.reopenCount,
    );
    // The lead department's finding proposes the case's; a co-handler's only fills a blank. Once
    // the owner has recorded their own finding, it stays theirs.
    const finding =
      command === "result" &&
      complaint.findingAt === null &&
      (order.lead || complaint.substantiated === null)
        ? (body as Bodies["result"])
        : null;
    await tx
      .update(complaints)
      .set({
        status: complaintStatus,
        version: complaint.version + 1,
        updatedAt: now,
        ...(finding && {
          substantiated: finding.substantiated,
          responsibility: finding.responsibility,
        }),
      })
      .where(eq(complaints.id, complaint.id));
    const [department] = await tx
      .select({ code: departments.code, name: departments.name })
      .from(departments)
      .where(eq(departments.id, order.departmentId));
    await appendTimeline(tx, caller, complaint.id, [
      {
        type: eventType[command],
        data: {
          workOrderId: order.id,
          departmentId: order.departmentId,
          departmentName: department?.name,
          lead: order.lead,
          ...body,
        },
      },
    ]);
    return complaint.id;
  });
}
