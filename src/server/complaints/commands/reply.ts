import { EXTENSION_NOTICE } from "../../../domain/sla/extension-notice.js";
import { startPolicyClocks, stopClocks } from "../../sla/clock-effects.js";
import { type Body, ownerOrCaller } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const reply = (body: Body<"reply">): CommandRequest => ({
  command: "reply",
  version: body.version,
  async perform(ctx) {
    await stopClocks(
      ctx.tx,
      // The reply also tells the customer of an approved extension.
      {
        complaintId: ctx.complaint.id,
        names: ["firstResponse", "customerReply", EXTENSION_NOTICE],
      },
      ctx.now,
    );
    await startPolicyClocks(ctx.tx, ctx.complaint, ["followUp"], ctx.now);
    return {
      set: { resolution: body.message, ownerId: ownerOrCaller(ctx) },
      events: [
        {
          type: "replied",
          customerVisible: true,
          data: {
            message: body.message,
            remedy: body.remedy ?? null,
            redressRoutes: body.redressRoutes ?? null,
          },
        },
      ],
    };
  },
});
