import { eq } from "drizzle-orm";
import { complaints } from "../../../db/schema.js";
import { lockVisibleComplaint } from "../../case/visible-complaint.js";
import { badRequest } from "../../http/app-error.js";
import { stopClocks } from "../../sla/clock-effects.js";
import { type Body, cancelActiveWorkOrders, withFlag } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const merge = (body: Body<"merge">): CommandRequest => ({
  command: "merge",
  version: body.version,
  async perform(ctx) {
    const { tx, caller, complaint } = ctx;
    if (body.intoId === complaint.id) throw badRequest("merge_into_self");
    const { complaint: parent } = await lockVisibleComplaint(tx, caller, body.intoId);
    if (parent.status === "merged" || parent.status === "withdrawn")
      throw badRequest("merge_target_closed");
    await cancelActiveWorkOrders(ctx);
    await stopClocks(tx, { complaintId: complaint.id }, ctx.now);
    await tx
      .update(complaints)
      .set({
        flags: withFlag(parent.flags, "repeat"),
        version: parent.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(complaints.id, parent.id));
    return {
      set: {
        mergedIntoId: parent.id,
        flags: withFlag(complaint.flags, "merged"),
        closeReason: "merged",
        closedAt: ctx.now,
      },
      events: [
        { type: "merged", data: { intoId: parent.id, intoNumber: parent.number } },
        {
          type: "merge_received",
          complaintId: parent.id,
          data: { fromId: complaint.id, fromNumber: complaint.number, by: caller.agentNo },
        },
      ],
    };
  },
});
