import { assignableOwner } from "../../case/case-owner.js";
import type { TimelineEntry } from "../../case/timeline.js";
import type { Body } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const assign = (body: Body<"assign">): CommandRequest => ({
  command: "assign",
  version: body.version,
  async perform({ tx, caller, complaint }) {
    const owner = await assignableOwner(tx, caller, body.ownerId);
    return assignedTo(owner, complaint.ownerId);
  },
});

/** The change and the timeline entry of giving a case to someone: by a person or by the router. */
export function assignedTo(
  owner: { id: string; agentNo: string; displayName: string },
  previousOwnerId: string | null,
  data: Record<string, unknown> = {},
): { set: { ownerId: string }; events: TimelineEntry[] } {
  return {
    set: { ownerId: owner.id },
    events: [
      {
        type: "assigned",
        data: {
          ownerId: owner.id,
          ownerAgentNo: owner.agentNo,
          ownerName: owner.displayName,
          previousOwnerId,
          ...data,
        },
      },
    ],
  };
}
