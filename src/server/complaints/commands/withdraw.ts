import { stopClocks } from "../../sla/clock-effects.js";
import { type Body, cancelActiveWorkOrders } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const withdraw = (body: Body<"withdraw">): CommandRequest => ({
  command: "withdraw",
  version: body.version,
  async perform(ctx) {
    await cancelActiveWorkOrders(ctx);
    await stopClocks(ctx.tx, { complaintId: ctx.complaint.id }, ctx.now);
    return {
      set: { closeReason: "withdrawn", closedAt: ctx.now },
      events: [{ type: "withdrawn", data: { reason: body.reason ?? null } }],
    };
  },
});
