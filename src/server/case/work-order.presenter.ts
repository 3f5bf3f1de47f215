import { mayRunWorkOrderCommand } from "../../domain/complaint/complaint-policy.js";
import { workOrderCommandsAllowed } from "../../domain/complaint/work-order-lifecycle.js";
import { textShownTo } from "../../domain/customer/masking.js";
import type { Caller } from "../http/app-types.js";
import type { WorkOrderRow } from "./complaint-row.js";

/**
 * A work order as this caller may read it, on the complaint page and in the department inbox
 * alike: its free text masked for roles that see identifiers masked, and the steps it may take.
 */
export function presentWorkOrder(caller: Caller, order: WorkOrderRow) {
  const shown = textShownTo(caller.role);
  return {
    ...order,
    instructions: shown(order.instructions),
    returnReason: shown(order.returnReason),
    result: shown(order.result),
    allowedActions: mayRunWorkOrderCommand(caller, order).ok
      ? workOrderCommandsAllowed(order.status)
      : [],
  };
}
