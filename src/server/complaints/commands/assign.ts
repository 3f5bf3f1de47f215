import { assignableOwner, assignedTo } from "../../case/case-owner.js";
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
