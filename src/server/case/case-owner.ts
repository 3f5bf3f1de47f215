import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema.js";
import { canOwnCases, type Role } from "../../domain/access/roles.js";
import { mayAssignTo } from "../../domain/complaint/complaint-policy.js";
import { invalidReference } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import { authorize } from "../http/authorize.js";
import type { CommandOutcome } from "./write-outcome.js";

/**
 * The person a case is being given to, at intake or by an assignment: the caller must be allowed
 * to give it (403), and the assignee must be an active member of staff who can own cases (400).
 */
export async function assignableOwner(tx: Tx, caller: Caller, ownerId: string) {
  authorize(mayAssignTo(caller, ownerId));
  const [owner] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.active, true)));
  return checkedOwner(owner);
}

/** The active user found by the assignee's id (or none) must be one who can own cases (400). */
export function checkedOwner<T extends { role: Role }>(found: T | null | undefined): T {
  if (!found || !canOwnCases(found.role)) throw invalidReference("user");
  return found;
}

/** The change and the timeline entry of giving a case to someone: by a person or by the router. */
export function assignedTo(
  owner: { id: string; agentNo: string; displayName: string },
  previousOwnerId: string | null,
  data: Record<string, unknown> = {},
): CommandOutcome {
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
