import { assignableOwner } from "../../case/case-owner.js";
import type { Body } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const assign = (body: Body<"assign">): CommandRequest => ({
  command: "assign",
  version: body.version,
  async perform({ tx, caller, complaint }) {
    const owner = await assignableOwner(tx, caller, body.ownerId);
    return {
      set: { ownerId: owner.id },
      events: [
        {
          type: "assigned",
          data: {
            ownerId: owner.id,
            ownerAgentNo: owner.agentNo,
            ownerName: owner.displayName,
            previousOwnerId: complaint.ownerId,
          },
        },
      ],
    };
  },
});
