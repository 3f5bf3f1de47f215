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

// Every status × command, written out by hand from the rules: the status it leads to, or the
// refusal with the commands that status does allow (in command order). Nothing here is read
// from the code under test, so a change to its table fails a row.
type Refused = { refused: WorkOrderCommand[] };
const refused = (...allowed: WorkOrderCommand[]): Refused => ({ refused: allowed });
// biome-ignore format: kept as a grid, one row per status × command
const table: [from: WorkOrderStatus, command: WorkOrderCommand, to: WorkOrderStatus | Refused][] = [
  ["pending",   "accept", "accepted"],
  ["pending",   "return", "returned"],
  ["pending",   "result", refused("accept", "return")],
  ["accepted",  "accept", refused("return", "result")],
  ["accepted",  "return", "returned"],
  ["accepted",  "result", "completed"],
  ["returned",  "accept", refused()],
  ["returned",  "return", refused()],
  ["returned",  "result", refused()],
  ["completed", "accept", refused()],
  ["completed", "return", refused()],
  ["completed", "result", refused()],
  ["cancelled", "accept", refused()],
  ["cancelled", "return", refused()],
  ["cancelled", "result", refused()],
];

const rows = table.map(([from, command, to]) => ({ from, command, to }));
const allowedRows = rows.flatMap(({ from, command, to }) =>
  typeof to === "string" ? [{ from, command, to }] : [],
);
const refusedRows = rows.flatMap(({ from, command, to }) =>
  typeof to === "string" ? [] : [{ from, command, allowed: to.refused }],
);

describe("work-order lifecycle (派单 → 接单/退单 → 处理结果)", () => {
  it("has these statuses and commands, and the table a row for each pair", () => {
    expect(workOrderStatuses).toEqual([
      "pending",
      "accepted",
      "returned",
      "completed",
      "cancelled",
    ]);
    expect(workOrderCommands).toEqual(["accept", "return", "result"]);
    const pairs = table.map(([from, command]) => `${from} ${command}`);
    expect(new Set(pairs).size).toBe(15);
  });

  it.each(allowedRows)("$from: $command leads to $to", ({ from, command, to }) => {
    expect(checkWorkOrderTransition(from, command)).toEqual({ ok: true });
    expect(workOrderCommandsAllowed(from)).toContain(command);
    expect(workOrderStatusAfter(from, command)).toBe(to);
  });

  it.each(refusedRows)(
    "$from: $command is refused, offering $allowed",
    ({ from, command, allowed }) => {
      expect(checkWorkOrderTransition(from, command)).toEqual({ ok: false, allowed });
      expect(workOrderCommandsAllowed(from)).toEqual(allowed);
      expect(() => workOrderStatusAfter(from, command)).toThrow(
        `work-order command "${command}" is not allowed in status "${from}"`,
      );
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
