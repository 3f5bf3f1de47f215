import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { complaints, routingQueue, skillGroups, staffDuty, users } from "../../db/schema.js";
import { canWatchGroups } from "../../domain/routing/skill-groups.js";
import { callerWith } from "../auth/caller.js";
import { notFound } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { assignWaitingCases } from "./commands/assign-waiting.js";
import { heldReassignmentList } from "./skill-group.schemas.js";

/**
 * Cases taken from an owner who stayed off duty too long, in groups where a supervisor decides:
 * the list on the 审批 page, and the approval that gives each to someone on duty.
 */
export async function reassignmentRoutes(app: App) {
  app.get(
    "/reassignments",
    {
      schema: {
        tags: ["routing"],
        summary:
          "Cases held for a supervisor to approve their reassignment, longest off duty first",
        response: { 200: heldReassignmentList },
      },
    },
    async (request) => {
      callerWith(request, canWatchGroups);
      const owner = alias(users, "owner");
      const items = await app.db
        .select({
          complaintId: routingQueue.complaintId,
          number: complaints.number,
          subject: complaints.subject,
          skillGroupId: routingQueue.groupId,
          groupName: skillGroups.name,
          owner: { id: owner.id, agentNo: owner.agentNo, name: owner.displayName },
          ownerDuty: staffDuty.state,
          offDutySince: staffDuty.since,
          heldSince: routingQueue.queuedAt,
        })
        .from(routingQueue)
        .innerJoin(complaints, eq(complaints.id, routingQueue.complaintId))
        .innerJoin(skillGroups, eq(skillGroups.id, routingQueue.groupId))
        .innerJoin(owner, eq(owner.id, routingQueue.fromOwnerId))
        .innerJoin(staffDuty, eq(staffDuty.userId, owner.id))
        .where(eq(routingQueue.held, true))
        .orderBy(asc(staffDuty.since), asc(routingQueue.queuedAt))
        .limit(500);
      return { items };
    },
  );

  app.post(
    "/skill-groups/:id/reassignments/:complaintId/approve",
    {
      schema: {
        tags: ["routing"],
        summary:
          "Approve giving a case held from an owner off duty to someone on duty (supervisor)",
        params: z.object({ id: z.uuid(), complaintId: z.uuid() }),
      },
    },
    async (request, reply) => {
      callerWith(request, canWatchGroups);
      const { id, complaintId } = request.params;
      const released = await app.db
        .update(routingQueue)
        .set({ held: false })
        .where(
          and(
            eq(routingQueue.complaintId, complaintId),
            eq(routingQueue.groupId, id),
            eq(routingQueue.held, true),
          ),
        )
        .returning({ id: routingQueue.complaintId });
      if (released.length === 0) throw notFound("record");
      await assignWaitingCases(app.db, app.clock.now(), 1, [id]);
      return reply.code(204).send();
    },
  );
}
