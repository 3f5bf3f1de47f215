import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { complaints, departments, users, workOrders } from "../../db/schema.js";
import { canViewComplaint, mayAssignTo } from "../../domain/complaint/complaint-policy.js";
import { initialDueAt } from "../../domain/complaint/initial-due-date.js";
import { isActiveWorkOrder } from "../../domain/complaint/work-order-lifecycle.js";
import { EXTENSION_NOTICE } from "../../domain/sla/extension-notice.js";
import { accessView, type ComplaintRow, type WorkOrderRow } from "../case/complaint-row.js";
import { badRequest, invalidReference, notFound } from "../http/app-error.js";
import { authorize } from "../http/authorize.js";
import {
  assertCustomerTold,
  replyDueAt,
  startPolicyClocks,
  stopClocks,
} from "../sla/clock-effects.js";
import type { commandBodies } from "./complaint.schemas.js";
import type { CommandContext, CommandRequest } from "./run-complaint-command.js";

type Body<C extends keyof typeof commandBodies> = z.infer<(typeof commandBodies)[C]>;

const withFlag = (flags: string[], flag: string) =>
  flags.includes(flag) ? flags : [...flags, flag];
const ownerOrCaller = ({ complaint, caller }: CommandContext) => complaint.ownerId ?? caller.id;
/** Roles that can be a case's accountable owner. */
const owningRoles = ["agent", "specialist", "supervisor", "admin"];

async function cancelActiveWorkOrders(ctx: CommandContext) {
  const active = ctx.workOrders.filter((o) => isActiveWorkOrder(o.status)).map((o) => o.id);
  if (active.length > 0)
    await ctx.tx
      .update(workOrders)
      .set({ status: "cancelled" })
      .where(inArray(workOrders.id, active));
}

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
        new Date(),
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

export const reply = (body: Body<"reply">): CommandRequest => ({
  command: "reply",
  version: body.version,
  async perform(ctx) {
    const now = new Date();
    await stopClocks(
      ctx.tx,
      // The reply also tells the customer of an approved extension.
      {
        complaintId: ctx.complaint.id,
        names: ["firstResponse", "customerReply", EXTENSION_NOTICE],
      },
      now,
    );
    await startPolicyClocks(ctx.tx, ctx.complaint, ["followUp"], now);
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

export const followUp = (body: Body<"follow-up">): CommandRequest => ({
  command: "follow-up",
  version: body.version,
  satisfaction: body.satisfaction,
  async perform({ tx, complaint }) {
    const dissatisfied = body.satisfaction === "dissatisfied";
    const reopenCount = complaint.reopenCount + (dissatisfied ? 1 : 0);
    const now = new Date();
    await stopClocks(tx, { complaintId: complaint.id, names: ["followUp"] }, now);
    const dueAt = dissatisfied ? await newRoundDueAt(tx, complaint, now) : undefined;
    return {
      set: { satisfaction: body.satisfaction, reopenCount, ...(dueAt && { dueAt }) },
      events: [
        {
          type: "followed_up",
          data: { satisfaction: body.satisfaction, comment: body.comment ?? null },
        },
        // 重办: a dissatisfied customer sends the case back for another round.
        ...(dissatisfied
          ? [{ type: "reopened", data: { reason: "follow_up_dissatisfied", reopenCount } }]
          : []),
      ],
    };
  },
});

export const close = (body: Body<"close">): CommandRequest => ({
  command: "close",
  version: body.version,
  async perform({ tx, complaint }) {
    await assertCustomerTold(tx, complaint.id);
    await stopClocks(tx, { complaintId: complaint.id }, new Date());
    return {
      set: { closeReason: body.reason, closedAt: new Date() },
      events: [{ type: "closed", data: { reason: body.reason } }],
    };
  },
});

export const reopen = (body: Body<"reopen">): CommandRequest => ({
  command: "reopen",
  version: body.version,
  async perform({ tx, complaint }) {
    const reopenCount = complaint.reopenCount + 1;
    const dueAt = await newRoundDueAt(tx, complaint, new Date());
    return {
      set: {
        reopenCount,
        closedAt: null,
        closeReason: null,
        satisfaction: null,
        ...(dueAt && { dueAt }),
      },
      events: [{ type: "reopened", data: { reason: body.reason, reopenCount } }],
    };
  },
});

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

export const upgrade = (body: Body<"upgrade">): CommandRequest => ({
  command: "upgrade",
  version: body.version,
  async perform({ tx, complaint }) {
    // The complaint's own clocks replace the inquiry's; history stays on the same case.
    const now = new Date();
    await stopClocks(
      tx,
      { complaintId: complaint.id, names: ["customerReply", "resolution"] },
      now,
    );
    const started = await startPolicyClocks(
      tx,
      { ...complaint, kind: "complaint" },
      ["customerReply", "resolution"],
      now,
    );
    return {
      set: {
        kind: "complaint",
        dueAt:
          replyDueAt(started) ??
          initialDueAt("complaint", complaint.receivedAt, complaint.sourceExternalDueAt),
      },
      events: [
        {
          type: "upgraded",
          data: { from: complaint.kind, to: "complaint", reason: body.reason ?? null },
        },
      ],
    };
  },
});

export const withdraw = (body: Body<"withdraw">): CommandRequest => ({
  command: "withdraw",
  version: body.version,
  async perform(ctx) {
    await cancelActiveWorkOrders(ctx);
    await stopClocks(ctx.tx, { complaintId: ctx.complaint.id }, new Date());
    return {
      set: { closeReason: "withdrawn", closedAt: new Date() },
      events: [{ type: "withdrawn", data: { reason: body.reason ?? null } }],
    };
  },
});

export const merge = (body: Body<"merge">): CommandRequest => ({
  command: "merge",
  version: body.version,
  async perform(ctx) {
    const { tx, caller, complaint } = ctx;
    if (body.intoId === complaint.id) throw badRequest("merge_into_self");
    const parent = await lockedParent(ctx, body.intoId);
    await cancelActiveWorkOrders(ctx);
    await stopClocks(tx, { complaintId: complaint.id }, new Date());
    await tx
      .update(complaints)
      .set({
        flags: withFlag(parent.flags, "repeat"),
        version: parent.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(complaints.id, parent.id));
    return {
      set: {
        mergedIntoId: parent.id,
        flags: withFlag(complaint.flags, "merged"),
        closeReason: "merged",
        closedAt: new Date(),
      },
      events: [
        { type: "merged", data: { intoId: parent.id, intoNumber: parent.number } },
        {
          type: "merge_received",
          complaintId: parent.id,
          data: { fromId: complaint.id, fromNumber: complaint.number, by: caller.agentNo },
        },
      ],
    };
  },
});

/** 重办 starts a new round: a fresh customer-reply clock, whose deadline becomes the case's. */
async function newRoundDueAt(tx: CommandContext["tx"], complaint: ComplaintRow, now: Date) {
  return replyDueAt(await startPolicyClocks(tx, complaint, ["customerReply"], now));
}

async function lockedParent(
  { tx, caller }: CommandContext,
  parentId: string,
): Promise<ComplaintRow> {
  const [parent] = await tx
    .select()
    .from(complaints)
    .where(eq(complaints.id, parentId))
    .for("update");
  if (!parent) throw notFound("complaint");
  const orders: WorkOrderRow[] = await tx
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.complaintId, parentId)));
  if (!canViewComplaint(caller, accessView(parent, orders))) throw notFound("complaint");
  if (parent.status === "merged" || parent.status === "withdrawn")
    throw badRequest("merge_target_closed");
  return parent;
}
