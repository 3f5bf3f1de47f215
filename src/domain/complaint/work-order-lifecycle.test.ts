import { describe, expect, it } from "vitest";
import {
  checkWorkOrderTransition,
  complaintStatusAfterWorkOrders,
  isActiveWorkOrder,
  type RoundWorkOrder,
  type WorkOrderCommand,
  type WorkOrderStatus,
  workOrderCommands,
  workOrderCommandsAllowed,
  workOrderStatusAfter,
  workOrderStatuses,
} from "./work-order-lifecycle.js";

// "-" = forbidden; written out by hand from the rules.
const expected: Record<WorkOrderStatus, Record<WorkOrderCommand, WorkOrderStatus | "-">> = {
  pending: { accept: "accepted", return: "returned", result: "-" },
  accepted: { accept: "-", return: "returned", result: "completed" },
  returned: { accept: "-", return: "-", result: "-" },
  completed: { accept: "-", return: "-", result: "-" },
  cancelled: { accept: "-", return: "-", result: "-" },
};

const matrix = workOrderStatuses.flatMap((status) =>
  workOrderCommands.map((command) => ({ status, command, next: expected[status][command] })),
);

describe("work-order lifecycle (派单 → 接单/退单 → 处理结果)", () => {
  it.each(matrix.filter((row) => row.next !== "-"))(
    "$status: $command leads to $next",
    ({ status, command, next }) => {
      expect(checkWorkOrderTransition(status, command)).toEqual({ ok: true });
      expect(workOrderCommandsAllowed(status)).toContain(command);
      expect(workOrderStatusAfter(status, command)).toBe(next);
    },
  );

  it.each(matrix.filter((row) => row.next === "-"))(
    "$status: $command is forbidden",
    ({ status, command }) => {
      expect(checkWorkOrderTransition(status, command)).toEqual({
        ok: false,
        allowed: workOrderCommandsAllowed(status),
      });
      expect(workOrderCommandsAllowed(status)).not.toContain(command);
      expect(() => workOrderStatusAfter(status, command)).toThrow(Error);
    },
  );

  it("tells a pending order it can be accepted or returned, not completed", () => {
    expect(checkWorkOrderTransition("pending", "result")).toEqual({
      ok: false,
      allowed: ["accept", "return"],
    });
  });

  it.each([
    { status: "pending", active: true },
    { status: "accepted", active: true },
    { status: "returned", active: false },
    { status: "completed", active: false },
    { status: "cancelled", active: false },
  ] as const)("$status is active: $active", ({ status, active }) => {
    expect(isActiveWorkOrder(status)).toBe(active);
  });
});

describe("complaint status after a work-order change", () => {
  const order = (status: WorkOrderStatus, round = 0): RoundWorkOrder => ({ status, round });

  it.each([
    { story: "the only department returned it", orders: [order("returned")], next: "assigned" },
    {
      story: "one completed, one still pending",
      orders: [order("completed"), order("pending")],
      next: "dispatched",
    },
    {
      story: "one completed, one still accepted",
      orders: [order("completed"), order("accepted")],
      next: "dispatched",
    },
    { story: "all completed", orders: [order("completed"), order("completed")], next: "handled" },
    {
      story: "one completed, one returned",
      orders: [order("completed"), order("returned")],
      next: "handled",
    },
    {
      story: "one returned, one cancelled",
      orders: [order("returned"), order("cancelled")],
      next: "assigned",
    },
  ] as const)("$story → $next", ({ orders, next }) => {
    expect(complaintStatusAfterWorkOrders("dispatched", [...orders], 0)).toBe(next);
  });

  it("ignores an earlier round's result after 重办: old completed + new returned → assigned", () => {
    expect(
      complaintStatusAfterWorkOrders(
        "dispatched",
        [order("completed", 0), order("returned", 1)],
        1,
      ),
    ).toBe("assigned");
  });

  it("ignores an earlier round's pending order too", () => {
    expect(
      complaintStatusAfterWorkOrders("dispatched", [order("pending", 0), order("completed", 1)], 1),
    ).toBe("handled");
  });

  it.each([
    "received",
    "assigned",
    "handled",
    "replied",
    "reopened",
    "closed",
    "withdrawn",
  ] as const)("leaves a %s complaint unchanged", (current) => {
    expect(complaintStatusAfterWorkOrders(current, [order("completed")], 0)).toBe(current);
  });
});
