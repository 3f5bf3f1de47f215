import { eq } from "drizzle-orm";
import { users } from "../../../db/schema.js";
import { mayAssignTo } from "../../../domain/complaint/complaint-policy.js";
import { invalidReference } from "../../http/app-error.js";
import { authorize } from "../../http/authorize.js";
import { type Body, owningRoles } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const assign = (body: Body<"assign">): CommandRequest => ({
  command: "assign",
  version: body.version,
  async perform({ tx, caller, complaint }) {
    authorize(mayAssignTo(caller, body.ownerId));
    const [owner] = await tx.select().from(users).where(eq(users.id, body.ownerId));
    if (!owner?.active || !owningRoles.includes(owner.role)) throw invalidReference("user");
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
