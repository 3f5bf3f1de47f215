import { inArray } from "drizzle-orm";
import { departments, workOrders } from "../../../db/schema.js";
import { isActiveWorkOrder } from "../../../domain/complaint/work-order-lifecycle.js";
import { badRequest, invalidReference } from "../../http/app-error.js";
import { startPolicyClocks } from "../../sla/clock-effects.js";
import { type Body, ownerOrCaller } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const dispatch = (body: Body<"dispatch">): CommandRequest => ({
  command: "dispatch",
  version: body.version,
  async perform(ctx) {
    const { tx, caller, complaint } = ctx;
    const ids = body.departments.map((d) => d.departmentId);
    if (new Set(ids).size !== ids.length) throw badRequest("duplicate_dispatch");
    const found = await tx.select().from(departments).where(inArray(departments.id, ids));
    if (found.length !== ids.length) throw invalidReference("department");
    const current = ctx.workOrders.filter(
      (o) => o.round === complaint.reopenCount && isActiveWorkOrder(o.status),
    );
    if (current.some((o) => ids.includes(o.departmentId))) throw badRequest("duplicate_dispatch");
    const named = body.departments.filter((d) => d.lead).length;
    const hasLead = current.some((o) => o.lead);
    if (named > 1 || (named === 1 && hasLead)) throw badRequest("one_lead_only");
    // 主办: the named lead, else the first department when no active lead exists yet.
    const rows = body.departments.map((d, i) => ({
      complaintId: complaint.id,
      departmentId: d.departmentId,
      lead: named === 1 ? Boolean(d.lead) : !hasLead && i === 0,
      round: complaint.reopenCount,
      status: "pending" as const,
      instructions: body.instructions ?? null,
      dispatchedById: caller.id,
    }));
    const orders = await tx.insert(workOrders).values(rows).returning({ id: workOrders.id });
    for (const order of orders) {
      await startPolicyClocks(
        tx,
        complaint,
        ["departmentAcceptance", "departmentResult"],
        ctx.now,
        order.id,
      );
    }
    const byId = new Map(found.map((d) => [d.id, d]));
    const ownerId = ownerOrCaller(ctx);
    return {
      set: { ownerId },
      events: [
        ...(complaint.ownerId
          ? []
          : [
              {
                type: "assigned",
                data: {
                  ownerId,
                  ownerAgentNo: caller.agentNo,
                  ownerName: caller.displayName,
                  previousOwnerId: null,
                },
              },
            ]),
        {
          type: "dispatched",
          data: {
            departments: rows.map((r) => ({
              departmentId: r.departmentId,
              code: byId.get(r.departmentId)?.code,
              name: byId.get(r.departmentId)?.name,
              lead: r.lead,
            })),
            instructions: body.instructions ?? null,
          },
        },
      ],
    };
  },
});
