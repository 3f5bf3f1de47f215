// A work order is one department's share of a dispatched complaint (派单 → 接单/退单 → 处理结果).
// The complaint's own status follows from its current round of work orders.

import type { ComplaintStatus } from "./complaint-lifecycle.js";

/** pending = 待签收: dispatched but not yet signed for by the department. */
export const workOrderStatuses = [
  "pending",
  "accepted",
  "returned",
  "completed",
  "cancelled",
] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

/** accept = 接单, return = 退单, result = the department reports its handling result. */
export const workOrderCommands = ["accept", "return", "result"] as const;
export type WorkOrderCommand = (typeof workOrderCommands)[number];

/** Responsibility finding recorded with a result: ours / the customer's / a third party's. */
export const responsibilities = ["company", "customer", "third_party", "undetermined"] as const;
export type Responsibility = (typeof responsibilities)[number];

const transitions: Record<WorkOrderStatus, Partial<Record<WorkOrderCommand, WorkOrderStatus>>> = {
  // A department may refuse work it has not signed for (职能不符 / 属地不符) …
  pending: { accept: "accepted", return: "returned" },
  // … and may still hand it back after signing, when investigation shows it is not theirs.
  accepted: { return: "returned", result: "completed" },
  // Finished orders stay as history; further work needs a new dispatch.
  returned: {},
  completed: {},
  cancelled: {},
};

export function workOrderCommandsAllowed(status: WorkOrderStatus): WorkOrderCommand[] {
  return workOrderCommands.filter((command) => transitions[status][command] !== undefined);
}

export function checkWorkOrderTransition(
  status: WorkOrderStatus,
  command: WorkOrderCommand,
): { ok: true } | { ok: false; allowed: WorkOrderCommand[] } {
  if (transitions[status][command] !== undefined) return { ok: true };
  return { ok: false, allowed: workOrderCommandsAllowed(status) };
}

/** Throws: callers must check first, so reaching a forbidden transition is a bug. */
export function workOrderStatusAfter(
  status: WorkOrderStatus,
  command: WorkOrderCommand,
): WorkOrderStatus {
  const next = transitions[status][command];
  if (next === undefined) {
    throw new Error(`work-order command "${command}" is not allowed in status "${status}"`);
  }
  return next;
}

/** Still owed by a department: the complaint must wait for it. */
export function isActiveWorkOrder(status: WorkOrderStatus): boolean {
  return status === "pending" || status === "accepted";
}

export interface RoundWorkOrder {
  status: WorkOrderStatus;
  round: number;
}

/**
 * Only the current round counts: after 重办, results from before the reopen must not
 * make the case look handled again.
 */
export function complaintStatusAfterWorkOrders(
  current: ComplaintStatus,
  workOrders: RoundWorkOrder[],
  currentRound: number,
): ComplaintStatus {
  if (current !== "dispatched") return current;
  const statuses = workOrders
    .filter((order) => order.round === currentRound)
    .map((order) => order.status);
  if (statuses.some(isActiveWorkOrder)) return "dispatched";
  if (statuses.includes("completed")) return "handled";
  // Everyone returned it: back to the owner, who must re-dispatch.
  return "assigned";
}
