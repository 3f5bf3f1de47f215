import { type Body, withFlag } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const escalate = (body: Body<"escalate">): CommandRequest => ({
  command: "escalate",
  version: body.version,
  async perform({ complaint }) {
    const level = complaint.escalationLevel + 1;
    return {
      set: { escalationLevel: level, flags: withFlag(complaint.flags, "escalated") },
      events: [{ type: "escalated", data: { reason: body.reason, level } }],
    };
  },
});
