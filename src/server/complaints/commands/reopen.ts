import { type Body, newRoundDueAt } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const reopen = (body: Body<"reopen">): CommandRequest => ({
  command: "reopen",
  version: body.version,
  async perform({ tx, complaint, now }) {
    const reopenCount = complaint.reopenCount + 1;
    const dueAt = await newRoundDueAt(tx, complaint, now);
    return {
      set: {
        reopenCount,
        closedAt: null,
        closeReason: null,
        closeReasonCode: null,
        satisfaction: null,
        ...(dueAt && { dueAt }),
      },
      events: [{ type: "reopened", data: { reason: body.reason, reopenCount } }],
    };
  },
});
